"""How far the stored events lag behind the records: what readers report as `events_pending`.

Read paths never cluster (`events.ensure_events` is for writers); they say how
many records belong to no event yet and how many events lost a member.
"""
from __future__ import annotations

from ..store import Store
from .access import query, write

# A note in `meta` that records are being stored ahead of their clustering (`owe_clustering`).
_OWED = "clustering_owed"


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


def owe_clustering(store: Store) -> bool:
    """Note that an ingest is storing records it will cluster at its end; True if a note was already there.

    A run that stops between the two (killed, power lost) leaves its note: the next run then looks at
    every record for those in no event, as `pending_updates` cannot when memberships outlived their
    records (a tool without foreign keys). Two runs at once see each other's note: that costs the
    second a full look, nothing else. `clustering_paid` removes the note.
    """
    with write(store) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (_OWED,)).fetchone()
        conn.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = '1'",
                     (_OWED,))
    return row is not None


def clustering_paid(store: Store) -> None:
    """Remove the note `owe_clustering` left: this run's records are clustered."""
    with write(store) as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (_OWED,))
