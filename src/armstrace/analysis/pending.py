"""How far the stored events lag behind the records: what readers report as `events_pending`.

Read paths never cluster (`events.ensure_events` is for writers); they say how
many records belong to no event yet and how many events lost a member.
"""
from __future__ import annotations

from ..store import Store
from .access import query


def pending_updates(store: Store) -> int:
    """How many records belong to no event plus how many events are stale (0: all up to date).

    Read on every events request, so counted from the sizes of two tables, not record by record: a
    membership cascades with its record (foreign keys are on in every Store), so the records in no
    event are the records less the memberships. `ensure_events` counts them one by one.
    """
    rows = query(store, "SELECT max(0, (SELECT count(*) FROM records) - (SELECT count(*) FROM event_claims)) "
                        "+ (SELECT count(*) FROM events WHERE stale = 1)")
    return int(rows[0][0])


def pending_exactly(store: Store) -> int:
    """`pending_updates` record by record: right even if a tool without foreign keys left memberships behind."""
    rows = query(store, "SELECT (SELECT count(*) FROM records AS r WHERE NOT EXISTS "
                        "(SELECT 1 FROM event_claims AS c WHERE c.record_id = r.record_id)) "
                        "+ (SELECT count(*) FROM events WHERE stale = 1)")
    return int(rows[0][0])
