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

from collections.abc import Iterable, Sequence

from ..store import Store
from ..store.reviews import corrected, reviews_for
from .access import chunks, query
from .events import Event, Membership, memberships
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


def reviewed_memberships(store: Store, event_ids: Iterable[str], *,
                         include_rejected: bool = False) -> dict[str, list[Membership]]:
    """The claims of `event_ids` as reviews leave them: those reviewed wrong left out (unless `include_rejected`),
    the others with their corrections applied; each keeps its stored id in `Membership.record_id`."""
    members = memberships(store, event_ids)
    reviews = reviews_for(store, [m.record.record_id for ms in members.values() for m in ms])
    kept: dict[str, list[Membership]] = {}
    for event_id, ms in members.items():
        for m in ms:
            review = reviews.get(m.record.record_id)
            if review is not None and review.verdict == "wrong" and not include_rejected:
                continue
            if review is not None and review.corrections:
                fixed = {"record": corrected(m.record, review), "stored_id": m.record.record_id}
                kept.setdefault(event_id, []).append(m.model_copy(update=fixed))
            else:
                kept.setdefault(event_id, []).append(m)
    return kept


def _anchor(members: Sequence[Membership]) -> str:
    """The earliest-published claim (unknown dates last), ties by stored id: as `clustering.Cluster.anchor`."""
    return min(members, key=lambda m: (m.published or "9999-99-99", m.record_id)).record_id


def with_reviews(store: Store, events: list[Event], *, include_rejected: bool = False) -> list[Event]:
    """`events` with the claimant lists, counts and anchor of those with reviewed claims recomputed; order kept.

    An event whose every claim is reviewed wrong (read by id, or with its block) has no claims and no claimants.
    """
    touched = reviewed_event_ids(store, [e.event_id for e in events])
    if not touched:
        return events
    held = reviewed_memberships(store, touched, include_rejected=include_rejected)
    with store._lock:
        signatures = signatures_of(store._conn, {m.record.doc_id for ms in held.values() for m in ms})
    out = []
    for event in events:
        kept = held.get(event.event_id, [])
        if event.event_id not in touched:
            out.append(event)
            continue
        c = corroborate_members(event.event_id, [(m.record, m.published) for m in kept], signatures)
        out.append(event.model_copy(update={
            "n_claims": c.n_claims, "n_documents": c.n_documents, "n_independent": c.n_independent,
            "asserting": c.asserting, "hedging": c.hedging, "denying": c.denying,
            "independent_asserting": c.independent_asserting, "independent_denying": c.independent_denying,
            "first_reported": c.first_reported, "last_reported": c.last_reported,
            "anchor": _anchor(kept) if kept else event.anchor}))
    return out
