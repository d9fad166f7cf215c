"""The `names` table: gazetteer names of the ids records carry, for the SQL views.

Records hold ids (`IRN`, `houthis`, `shahed-136`); `record_rows`,
`event_rows` and `claim_network` join them to `names` so that a datasette or
SQL user sees "Iran" beside "IRN". The names are written with each
document's records, in the same transaction, from the gazetteers the running
armstrace ships (the ones that extracted the records): the database then
needs no Python to read, and a re-ingest after a gazetteer update refreshes
them. Only the ids in use are written, not the whole gazetteer. A database
upgraded from schema v4 gets the names of its stored records once, when it is
first opened for writing.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from ..records import Record

_UPSERT = ("INSERT INTO names(kind, id, name) VALUES (?, ?, ?) "
           "ON CONFLICT(kind, id) DO UPDATE SET name = excluded.name WHERE name != excluded.name")


def name_rows(actor_ids: Iterable[str | None], models: Iterable[str]) -> list[tuple[str, str, str]]:
    """(kind, id, name) rows for the ids a gazetteer names; unknown ids are left out."""
    from ..export.names import actor_name, weapon_directory  # export imports the store: import when used

    rows: list[tuple[str, str, str]] = []
    for actor_id in sorted({a for a in actor_ids if a}):
        name = actor_name(actor_id)
        if name is not None:
            rows.append(("actor", actor_id, name))
    directory = weapon_directory()
    for model in sorted(set(models)):
        if model in directory:
            rows.append(("weapon", model, directory[model]))
    return rows


def write_names(conn: sqlite3.Connection, records: Sequence[Record]) -> None:
    """Upsert the names of the actors, recipients, claimants and models of `records` (inside a write)."""
    actors = [a for record in records for a in (record.actor, record.recipient, record.claimant)]
    models = [m for record in records for m in record.weapons]
    conn.executemany(_UPSERT, name_rows(actors, models))


def backfill_names(conn: sqlite3.Connection) -> None:
    """Name every id already stored, once: when `names` is empty and records exist (a v4 upgrade)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'names'").fetchone() is None:
        return   # a schema before v5 (only when migrations are held back, as in tests)
    if conn.execute("SELECT 1 FROM names LIMIT 1").fetchone() is not None:
        return
    if conn.execute("SELECT 1 FROM records LIMIT 1").fetchone() is None:
        return
    actors = [str(row[0]) for row in conn.execute(
        "SELECT actor FROM records UNION SELECT recipient FROM records WHERE recipient IS NOT NULL "
        "UNION SELECT claimant FROM records")]
    models = [str(row[0]) for row in conn.execute("SELECT DISTINCT model FROM record_weapons")]
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(_UPSERT, name_rows(actors, models))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
