"""The events list and the timeline read a page in the order of an index, and answer as before (issue 15).

At 10,000 articles the events list read every membership to build an `IN`
list before sorting all events, and counted the records in no event one by one
(102 ms), and the timeline sorted every dated record to show its first 2,000
(110 ms p95). The answers must not change:
each is checked against the query it replaced, on real articles, for filters
and review states (a wrong verdict, a correction, both switched on and off).
"""
from __future__ import annotations

import pytest

from armstrace.analysis import count_events, ensure_events, list_events, pending_updates
from armstrace.analysis.events import EVENT_ORDERS
from armstrace.analysis.pending import pending_exactly
from armstrace.records import Article, Record
from armstrace.store import RecordFilter, Store
from armstrace.store import timeline as timeline_module
from armstrace.store.queries import not_rejected
from armstrace.store.reviews import add_review
from armstrace.store.timeline import dated_records
from sql_steps import sql_steps

pytestmark = [pytest.mark.issue(15)]


def _old_event_ids(store: Store, sort: str, include_rejected: bool, type: str | None = None) -> list[str]:
    """The events list as schema v7 selected it: an `IN` over every membership not reviewed wrong."""
    terms, params = ["1"], []
    if type is not None:
        terms.append("e.type = ?")
        params.append(type)
    if not include_rejected:
        kept, kept_params = not_rejected("c.record_id")
        terms.append(f"e.event_id IN (SELECT c.event_id FROM event_claims AS c WHERE {kept})")
        params += kept_params
    sql = f"SELECT e.event_id FROM events AS e WHERE {' AND '.join(terms)} ORDER BY {EVENT_ORDERS[sort]}"
    return [str(row[0]) for row in store._query(sql, params)]


def _reviewed(store: Store) -> None:
    """Every claim of one event reviewed wrong (it leaves the list), one claim of another; one correction."""
    events = list_events(store, limit=3)
    for event in events[:2]:
        claims = store._query("SELECT record_id FROM event_claims WHERE event_id = ?", (event.event_id,))
        for row in claims[: len(claims) if event is events[0] else 1]:
            add_review(store, row[0], verdict="wrong", reviewer="ana")
    claim = store._query("SELECT record_id FROM event_claims WHERE event_id = ?", (events[2].event_id,))[0][0]
    add_review(store, claim, corrections={"stance": "denied", "time": "2019"}, reviewer="ben")


@pytest.mark.slow
@pytest.mark.parametrize("reviewed", [False, True])
def test_events_list_answers_as_before(ingested_store, reviewed):
    store = ingested_store
    if reviewed:
        _reviewed(store)
    for sort in EVENT_ORDERS:
        for include_rejected in (False, True):
            for kind in (None, "transfer"):
                old = _old_event_ids(store, sort, include_rejected, kind)
                page = list_events(store, sort=sort, include_rejected=include_rejected, type=kind, limit=7, offset=2)
                assert [e.event_id for e in page] == old[2:9]
                assert count_events(store, include_rejected=include_rejected, type=kind) == len(old)
    assert len(_old_event_ids(store, "first_reported", False)) < len(_old_event_ids(store, "first_reported", True)) \
        or not reviewed


@pytest.mark.slow
@pytest.mark.parametrize("reviewed", [False, True])
def test_timeline_answers_as_before(ingested_store, monkeypatch, reviewed):
    store = ingested_store
    if reviewed:
        _reviewed(store)
    filters = [RecordFilter(), RecordFilter(include_rejected=True), RecordFilter(type="use"),
               RecordFilter(actor="RUS", since="2022"), RecordFilter(stance="denied"), RecordFilter(review="wrong")]
    new = [dated_records(store, flt, limit, mode) for flt in filters for limit in (5, 2_000)
           for mode in ("event", "report")]
    # The v7 query: dated by `NULLIF(r.time, '') IS NOT NULL`, ordered by that date.
    monkeypatch.setitem(timeline_module._DATED, "event", "NULLIF(r.time, '') IS NOT NULL")
    monkeypatch.setitem(timeline_module._ORDER, "event", "date, r.doc_id, r.evidence_start, r.type, r.position")
    old = [dated_records(store, flt, limit, mode) for flt in filters for limit in (5, 2_000)
           for mode in ("event", "report")]
    assert new == old
    assert any(answer["total"] > 5 for answer in new)


def _plan(store: Store, sql: str, params: list[object]) -> str:
    return " | ".join(str(row[3]) for row in store._query(f"EXPLAIN QUERY PLAN {sql}", params))


def test_the_timeline_reads_its_first_points_from_an_index(store):
    sql, params = timeline_module._selected(RecordFilter(), "records", timeline_module._DATED["event"])
    plan = _plan(store, f"SELECT r.record_id {sql} ORDER BY {timeline_module._ORDER['event']} LIMIT 50", params)
    assert "records_timeline" in plan and "TEMP B-TREE" not in plan, plan


def _many_events(store: Store, n: int) -> None:
    """`n` documents, each one transfer to its own recipient: `n` events."""
    for i in range(n):
        text = f"Iran sent drones to group {i}."
        store.save_document(Article(doc_id=f"doc-{i:04d}", text=text, published=f"2024-01-{1 + i % 28:02d}"), [
            Record(doc_id=f"doc-{i:04d}", type="transfer", actor="IRN", recipient=f"group-{i}", claimant="USA",
                   stance="asserted", evidence=text, evidence_start=0, evidence_end=len(text))])
    ensure_events(store)


def test_a_page_of_events_costs_the_page_not_every_event(tmp_path):
    with Store(tmp_path / "small.db") as small, Store(tmp_path / "big.db") as big:
        _many_events(small, 20)
        _many_events(big, 400)
        page = lambda s: lambda: list_events(s, limit=10)   # noqa: E731
        assert len(list_events(big)) == 400
        small_steps, big_steps = sql_steps(small, page(small)), sql_steps(big, page(big))
    assert big_steps <= small_steps * 1.5 + 5, (small_steps, big_steps)


@pytest.mark.slow
def test_events_pending_is_counted_as_record_by_record(ingested_store):
    store = ingested_store
    states = [(pending_updates(store), pending_exactly(store))]
    victim = store.get_document(store.records(type="transfer", limit=1)[0].doc_id)
    kept = store.records(doc_id=victim.doc_id)
    store.save_document(victim.model_copy(update={"text": victim.text + "\nUpdated."}), [])   # events lose members
    states.append((pending_updates(store), pending_exactly(store)))
    store.save_document(victim, kept, force=True)   # records back, in no event yet
    states.append((pending_updates(store), pending_exactly(store)))
    ensure_events(store)
    states.append((pending_updates(store), pending_exactly(store)))
    assert [fast for fast, _ in states] == [exact for _, exact in states]
    assert [fast > 0 for fast, _ in states] == [False, True, True, False]
