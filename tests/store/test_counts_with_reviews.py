"""Issue 15: the totals of the record list, the events list and the timeline are counted as "all matches less
the matches reviewed wrong" (no per-record test): the same totals as the lists themselves, whatever the reviews
(a verdict overturned, a correction, an event whose every claim is wrong), on a real SQLite file."""
from __future__ import annotations

import pytest

from armstrace.analysis import count_events, ensure_events, list_events
from armstrace.store import RecordFilter, Store
from armstrace.store.reviews import add_review
from armstrace.store.timeline import dated_records, undated_records

pytestmark = pytest.mark.issue(15)

FILTERS = [RecordFilter(), RecordFilter(include_rejected=True), RecordFilter(type="transfer"),
           RecordFilter(actor="IRN"), RecordFilter(actor="PRK"), RecordFilter(stance="denied"),
           RecordFilter(text="drones"), RecordFilter(since="2023"), RecordFilter(review="wrong"),
           RecordFilter(review="unreviewed"), RecordFilter(review="corrected"), RecordFilter(claimant="UKR")]


@pytest.fixture
def reviewed(world, db):
    """`world` in events; the EU sanction and Kyiv's claim reviewed wrong, Tehran's denial wrong then right,
    and the US claim's actor corrected to PRK."""
    with Store(db) as store:
        ensure_events(store)
        add_review(store, world["eu-sanctions"][0].record_id, verdict="wrong", reviewer="ana")
        add_review(store, world["kyiv-report"][0].record_id, verdict="wrong", reviewer="ana")
        add_review(store, world["iran-russia"][1].record_id, verdict="wrong", reviewer="ana")
        add_review(store, world["iran-russia"][1].record_id, verdict="right", reviewer="ben")
        add_review(store, world["iran-russia"][0].record_id, corrections={"actor": "PRK"}, reviewer="ana")
    return world


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_the_record_total_is_the_number_of_records_listed(reviewed, db, flt):
    with Store(db, readonly=True) as store:
        assert store.count_records(flt) == len(store.records(flt))


def test_records_reviewed_wrong_leave_the_totals_and_an_overturned_verdict_brings_one_back(reviewed, db):
    with Store(db, readonly=True) as store:
        assert store.count_records() == 3                              # 5 stored, 2 wrong (the denial is right again)
        assert store.count_records(include_rejected=True) == 5
        assert store.count_records(review="wrong") == 2
        assert store.count_records(actor="IRN") == 1                    # the denial; the US claim is PRK's now
        assert store.count_records(actor="PRK") == 1


def test_the_event_total_leaves_out_an_event_whose_every_claim_is_wrong(reviewed, db):
    with Store(db, readonly=True) as store:
        for kwargs in ({}, {"type": "sanction"}, {"type": "transfer"}, {"actor": "IRN"}):
            kept = list_events(store, **kwargs)
            every = list_events(store, **kwargs, include_rejected=True)
            assert count_events(store, **kwargs) == len(kept)
            assert count_events(store, **kwargs, include_rejected=True) == len(every)
        assert count_events(store, type="sanction") == 0 < count_events(store, type="sanction", include_rejected=True)
        assert count_events(store, type="transfer") == 1   # Kyiv's claim is wrong, the event keeps the others


@pytest.mark.parametrize("mode", ["event", "report"])
@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_the_timeline_counts_what_it_places_and_what_it_cannot(reviewed, db, flt, mode):
    with Store(db, readonly=True) as store:
        dated = dated_records(store, flt, 100, mode)
        undated = undated_records(store, flt, mode, 100, 0)
        assert dated["total"] == len(dated["items"]) and undated["total"] == len(undated["items"])
        assert dated["undated"] == undated["total"]
        assert dated["total"] + dated["undated"] == store.count_records(flt)


def test_an_event_left_without_claims_by_a_replaced_document_is_not_counted(world, db, world_document):
    """A re-saved document takes its claims out of their events at once; the events are re-clustered later
    (`update_events`): meanwhile the emptied event is neither listed nor counted."""
    with Store(db) as store:
        ensure_events(store)
        before = count_events(store, type="sanction")
        article, records = world_document("eu-sanctions")
        changed = article.model_copy(update={"text": article.text + " It was updated."})   # a new version
        store.save_document(changed, [r.model_copy(update={"recipient": "RUS"}) for r in records])
        for kwargs in ({}, {"type": "sanction"}, {"actor": "eu"}):
            assert count_events(store, **kwargs) == len(list_events(store, **kwargs)), kwargs
        assert count_events(store, type="sanction") == before - 1
        ensure_events(store)
        assert count_events(store, type="sanction") == before == len(list_events(store, type="sanction"))
