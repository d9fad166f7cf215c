"""Records as the reviews correct them, for the queries that filter and count in SQL.

A correction is stored in the audit trail (`reviews`), never over the record:
the record keeps what extraction found and its id (a hash of those fields).
The views that count in SQL (the network, timeline and weapon lists, and the
record filters) must still see the corrected values, so that a stance
corrected to "denied" is drawn as a denial and an actor corrected to UKR is
found under Ukraine. When any correction exists, `source` fills a TEMP table
on the Store's own connection (not the database file: a read-only Store can do
it) with the corrected copies of those records, and returns the records with
those copies in place of the originals, to be used where `records` was.
With no correction, the table is `records` itself and costs nothing.

`violates` (a JSON column) is corrected here too, for the claimed breaches of
an event page. Corrections to `weapons` and `quantity` are applied in record
payloads and exports (`reviews.corrected`), not here: they live in other
tables or columns.
"""
from __future__ import annotations

import json
import sqlite3

from .database import Store

# The columns a correction may change that queries filter or group on.
SQL_FIELDS: tuple[str, ...] = ("type", "actor", "recipient", "location", "place", "weapon_class", "claimant",
                               "speaker", "stance", "time", "time_precision", "violates")
# Those held as JSON text in their column.
JSON_FIELDS = frozenset({"violates"})
TABLE = "temp.corrected_records"
EFFECTIVE = (f"(SELECT * FROM main.records WHERE record_id NOT IN (SELECT record_id FROM {TABLE}) "
             f"UNION ALL SELECT * FROM {TABLE} WHERE record_id IN (SELECT record_id FROM main.records))")


def source(store: Store) -> str:
    """`records`, or (when any review corrects a field above) the records with their corrections applied."""
    from .reviews import reviews_for   # reviews imports the Store: import when used

    with store._lock:
        conn = store._conn
        corrected = [str(row[0]) for row in conn.execute(
            "SELECT DISTINCT record_id FROM reviews WHERE corrections != '{}'")]
        if not corrected:
            return "records"
        states = reviews_for(store, corrected)
        _refill(conn, {rid: {k: v for k, v in state.corrections.items() if k in SQL_FIELDS}
                       for rid, state in states.items()})
    return EFFECTIVE


def _refill(conn: sqlite3.Connection, corrections: dict[str, dict[str, object]]) -> None:
    """The TEMP table: one corrected copy of each corrected record still stored."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS corrected_records AS SELECT * FROM main.records WHERE 0")
    conn.execute(f"DELETE FROM {TABLE}")
    for record_id, fields in corrections.items():
        if not fields:
            continue
        conn.execute(f"INSERT INTO {TABLE} SELECT * FROM main.records WHERE record_id = ?", (record_id,))
        assignments = ", ".join(f"{name} = ?" for name in fields)   # names from SQL_FIELDS only
        values = [json.dumps(v) if name in JSON_FIELDS else v for name, v in fields.items()]
        conn.execute(f"UPDATE {TABLE} SET {assignments} WHERE record_id = ?", [*values, record_id])
