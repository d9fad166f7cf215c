"""Which claims are one event: blocks, models, times, determinism (pure, no database)."""
from __future__ import annotations

import random

import pytest
from conftest import make_claim

from armstrace.analysis import cluster_records


def groups(records):
    """The clustering as a set of frozensets of evidence strings."""
    by_id = {r.record_id: r.evidence for r in records}
    return {frozenset(by_id[c.record_id] for c in cl.claims) for cl in cluster_records(records)}


@pytest.mark.parametrize("first, second", [
    ({"weapons": ["shahed-136"], "time": "2022-08"}, {"weapons": ["shahed-136"], "time": "2022"}),
    ({"weapons": ["shahed-136"]}, {}),                                  # class only joins the model
    ({"time": "2022-08-15"}, {"time": "2022-08"}),
    ({}, {}),                                                        # both unknown
    ({"weapons": ["shahed-131", "shahed-136"]}, {"weapons": ["shahed-136"]}),
])
def test_clustering_compatible_claims_join(first, second):
    records = [make_claim("a", "A.", **first), make_claim("b", "B.", claimant="UKR", **second)]
    assert groups(records) == {frozenset({"A.", "B."})}


@pytest.mark.parametrize("first, second", [
    ({"weapons": ["shahed-136"]}, {"weapons": ["mohajer-6"]}),             # different models
    ({"time": "2022-08"}, {"time": "2023"}),                               # disjoint times
    ({}, {"weapon_class": "missile"}),                                  # different class
    ({}, {"recipient": "BLR"}),                                         # different recipient
    ({}, {"actor": "PRK"}),                                             # different actor
    ({}, {"type": "use"}),                                              # different type
])
def test_clustering_incompatible_claims_stay_apart(first, second):
    records = [make_claim("a", "A.", **first), make_claim("b", "B.", **second)]
    assert len(groups(records)) == 2


def test_clustering_vague_year_does_not_chain_two_months():
    records = [make_claim("a", "Aug.", time="2022-08"), make_claim("b", "Oct.", time="2022-10"),
               make_claim("c", "Year.", time="2022")]
    assert len(groups(records)) == 2


def test_clustering_undated_claim_joins_the_larger_event():
    records = [make_claim("a", "A1.", time="2022-08"), make_claim("b", "A2.", time="2022-08", claimant="UKR"),
               make_claim("c", "B.", time="2023-05"), make_claim("d", "Denial.", claimant="IRN", stance="denied")]
    assert frozenset({"A1.", "A2.", "Denial."}) in groups(records)


def test_clustering_sanctions_without_class_cluster():
    records = [make_claim("a", "A.", type="sanction", actor="USA", recipient="IRN", weapon_class=None),
               make_claim("b", "B.", type="sanction", actor="USA", recipient="IRN", weapon_class=None)]
    assert len(groups(records)) == 1


def test_clustering_production_blocks_by_location():
    records = [make_claim("a", "A.", type="production", recipient=None, location="RUS"),
               make_claim("b", "B.", type="production", recipient=None, location="IRN")]
    assert len(groups(records)) == 2


def test_clustering_ids_do_not_depend_on_input_order():
    records = [make_claim(f"d{i}", f"S{i}.", time=t, weapons=w)
               for i, (t, w) in enumerate([("2022-08", ["shahed-136"]), ("2022", []), (None, ["shahed-136"]),
                                            ("2023", []), (None, []), ("2022-10", ["mohajer-6"])])]
    expected = [(c.event_id, sorted(x.record_id for x in c.claims)) for c in cluster_records(records)]
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        got = [(c.event_id, sorted(x.record_id for x in c.claims)) for c in cluster_records(shuffled)]
        assert got == expected


def test_clustering_reason_names_block_models_and_times():
    records = [make_claim("a", "A.", time="2022-08", weapons=["shahed-136"]),
               make_claim("b", "B.", time="2022", weapons=["shahed-136"])]
    (cluster,) = cluster_records(records)
    reason = cluster.reasons[records[1].record_id]
    assert reason == "same transfer IRN->RUS uav; models shahed-136 agree; times 2022 and 2022-08 overlap"


def test_clustering_event_id_anchors_on_earliest_report():
    records = [make_claim("late", "L.", published="2022-12-01"), make_claim("early", "E.", published="2022-10-01")]
    (cluster,) = cluster_records(records)
    assert cluster.anchor.doc_id == "early"


def test_clustering_gold_fixture_records_score_perfectly():
    from multi_gold import gold_records, label_of, pairwise_scores

    records = gold_records()
    predicted = {c.record_id: cl.event_id for cl in cluster_records(records) for c in cl.claims}
    scores = pairwise_scores(predicted, {r.record_id: label_of(r) for r in records})
    assert (scores["precision"], scores["recall"], scores["records"]) == (1.0, 1.0, 15)
