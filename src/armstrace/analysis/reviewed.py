"""Events as the reviews leave them: claims reviewed wrong left out, corrections applied.

An event's claimant lists and source counts are stored when its block is
clustered (`sources.py`), from the records as extracted. A review changes
what an analyst should see without re-clustering: an event whose every claim
is reviewed wrong is left out of lists (`events._event_filter`), and an event
with any reviewed claim has its lists and counts recomputed here, at read
time, from its other claims with their corrections applied. Only events with
reviewed claims cost anything; the rest are shown as stored. With
`include_rejected` the claims reviewed wrong count again (corrections still apply).

Not done at read time: a correction that moves a claim to another event (a
new actor or type) changes the lists of its own event, not the grouping;
the next `armstrace ingest` of its document re-clusters it as extracted.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..records import Record
from ..store import Store
from ..store.reviews import corrected, reviews_for
from .access import chunks, query
from .events import Event, memberships
from .sources import corroborate_members, signatures_of


def reviewed_event_ids(store: Store, event_ids: Sequence[str]) -> set[str]:
    """The events among `event_ids` with at least one reviewed claim."""
    found: set[str] = set()
    for part in chunks(sorted(set(event_ids))):
        marks = ",".join("?" * len(part))
        found |= {str(row[0]) for row in query(
            store, f"SELECT DISTINCT c.event_id FROM event_claims AS c JOIN reviews AS v ON v.record_id = c.record_id "
                   f"WHERE c.event_id IN ({marks})", list(part))}
    return found


def with_reviews(store: Store, events: list[Event], *, include_rejected: bool = False) -> list[Event]:
    """`events` with the claimant lists and counts of those with reviewed claims recomputed; order kept."""
    touched = reviewed_event_ids(store, [e.event_id for e in events])
    if not touched:
        return events
    members = memberships(store, touched)
    reviews = reviews_for(store, [m.record.record_id for ms in members.values() for m in ms])
    held: dict[str, list[tuple[Record, str | None]]] = {}
    for event_id, ms in members.items():
        for m in ms:
            review = reviews.get(m.record.record_id)
            if review is not None and review.verdict == "wrong" and not include_rejected:
                continue
            held.setdefault(event_id, []).append((corrected(m.record, review), m.published))
    with store._lock:
        signatures = signatures_of(store._conn, {r.doc_id for hs in held.values() for r, _ in hs})
    out = []
    for event in events:
        kept = held.get(event.event_id)
        if event.event_id not in touched or not kept:
            out.append(event)
            continue
        c = corroborate_members(event.event_id, kept, signatures)
        out.append(event.model_copy(update={
            "n_claims": c.n_claims, "n_documents": c.n_documents, "n_independent": c.n_independent,
            "asserting": c.asserting, "hedging": c.hedging, "denying": c.denying,
            "independent_asserting": c.independent_asserting, "independent_denying": c.independent_denying,
            "first_reported": c.first_reported, "last_reported": c.last_reported}))
    return out
