"""End to end: the multi-document fixtures through `ingest_paths` (real spaCy model, real SQLite).

Assertions are on the analysis, not on extraction details: the event of the
Iranian drone delivery gathers the three outlets and Iran's denial, counts
the syndicated copy once, pairs the denial with both assertions, and engages
UNSCR 2231 paragraph 4; the North Korean shells stay a separate event.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from multi_gold import MULTI, label_of, pairwise_scores

from armstrace.analysis import corroboration, find_contradictions, flag_event, list_events
from armstrace.analysis.access import query
from armstrace.engines.local import ingest_paths
from armstrace.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("multi") / "multi.db"
    ingest_paths([MULTI], db=Path(db))
    with Store(db) as store:
        yield store


def _drone_delivery(store: Store):
    events = [e for e in list_events(store, actor="IRN", weapon="uav")
              if e.type == "transfer" and e.recipient == "RUS"]
    return max(events, key=lambda e: e.n_claims)


def _event_docs(store: Store, event_id: str) -> set[str]:
    rows = query(store, "SELECT DISTINCT r.doc_id FROM event_claims AS c JOIN records AS r "
                        "ON r.record_id = c.record_id WHERE c.event_id = ?", (event_id,))
    return {row[0] for row in rows}


def test_pipeline_drone_delivery_gathers_all_three_outlets(ingested):
    assert _event_docs(ingested, _drone_delivery(ingested).event_id) == {
        "harbour-times-iran-drones", "valley-courier-iran-drones", "kyiv-ledger-iran-drones"}


def test_pipeline_syndicated_copy_counts_once(ingested):
    report = corroboration(ingested, _drone_delivery(ingested).event_id)
    assert (report.n_documents, report.n_independent) == (3, 2)


def test_pipeline_iran_denial_contradicts_us_and_ukraine(ingested):
    event_id = _drone_delivery(ingested).event_id
    pairs = {p for c in find_contradictions(ingested, actor="IRN") if c.event.event_id == event_id for p in c.pairs}
    assert {("USA", "IRN"), ("UKR", "IRN")} <= pairs


def test_pipeline_drone_delivery_engages_2231_paragraph_4(ingested):
    flags = {f.regime: f for f in flag_event(_drone_delivery(ingested))}
    assert "Annex B, paragraph 4" in [m.paragraph for m in flags["regime/unscr-2231-annex-b"].matches]


def test_pipeline_dprk_shells_stay_a_separate_event(ingested):
    shells = list_events(ingested, actor="PRK", weapon="artillery")
    assert shells and all(_event_docs(ingested, e.event_id) == {"seoul-wire-dprk-shells"} for e in shells)


def test_pipeline_clustering_makes_no_wrong_merge(ingested):
    predicted = {row["record_id"]: row["event_id"] for row in query(ingested, "SELECT * FROM event_claims")}
    gold = {r.record_id: label for r in ingested.records() if (label := label_of(r)) is not None}
    assert pairwise_scores(predicted, gold)["precision"] == 1.0
