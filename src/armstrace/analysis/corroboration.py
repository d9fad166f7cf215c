"""Corroboration: how many independent sources and claimants stand behind an event.

Ten outlets running one agency story are one source, not ten: documents are
grouped into syndication groups (`syndication.py`) before counting. For each
event this gives the independent documents, the distinct claimants that
assert, hedge or deny it, and the first and last dates it was reported.
"""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..store import Store
from .access import query
from .events import Event, Membership, get_event, list_events
from .sources import Corroboration, corroborate_members
from .syndication import SyndicationGroup, load_signatures

__all__ = ["Corroboration", "corroborate", "corroborate_members", "corroboration", "corroborations",
           "stored_corroboration"]


def corroborate(store: Store, event: Event, claims: Sequence[Membership]) -> Corroboration:
    """The corroboration of one event from all its claims, computed now (see `stored_corroboration`)."""
    signatures = load_signatures(store, {m.record.doc_id for m in claims})
    return corroborate_members(event.event_id, [(m.record, m.published) for m in claims], signatures)


def stored_corroboration(store: Store, event: Event, *, groups_limit: int = 50) -> Corroboration:
    """The corroboration stored when the event was clustered, with its first `groups_limit` source groups.

    Costs the groups returned, not the size of the event (`n_independent` counts them all).
    """
    rows = query(store, "SELECT lead, doc_ids, reasons FROM event_sources WHERE event_id = ? "
                        "ORDER BY position LIMIT ?", (event.event_id, groups_limit))
    groups = [SyndicationGroup(lead=r["lead"], doc_ids=json.loads(r["doc_ids"]), reasons=json.loads(r["reasons"]))
              for r in rows]
    return Corroboration(
        event_id=event.event_id, n_claims=event.n_claims, n_documents=event.n_documents,
        n_independent=event.n_independent, groups=groups, asserting=event.asserting, hedging=event.hedging,
        denying=event.denying, independent_asserting=event.independent_asserting,
        independent_denying=event.independent_denying, first_reported=event.first_reported,
        last_reported=event.last_reported,
    )


def corroboration(store: Store, event_id: str) -> Corroboration:
    """The corroboration of the event `event_id`, as stored (every source group); NotFound if there is none."""
    event = get_event(store, event_id)
    return stored_corroboration(store, event, groups_limit=-1)


def corroborations(store: Store, events: Sequence[Event] | None = None) -> dict[str, Corroboration]:
    """Corroboration of many events at once (every event when `events` is None), keyed by event id."""
    chosen = list(events) if events is not None else list_events(store)
    return {e.event_id: stored_corroboration(store, e, groups_limit=-1) for e in chosen}
