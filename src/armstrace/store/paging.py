"""Every record a filter selects, a page at a time, each page costing its own size (keyset paging).

`Store.records(limit=, offset=)` serves one page of a list (the API, the
CLI). Reading a whole selection that way costs quadratic time: each page's
OFFSET walks past every record before it, so an export of 66,847 records
read 14 pages of 5,000 and walked 470,000 (8.3 s at 10,000 articles against
0.74 s at 1,000, x11 for x10). Here each page starts after the last record
of the one before, in `Store.records` order: (doc_id, evidence_start, type,
position) is a total order, since `position` is a record's index in its
document's list.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..records import Record
from .database import Store
from .queries import RECORD_ORDER, RecordFilter, from_clause, where_clause
from .effective import TABLE
from .rows import RECORD_COLUMNS, record_of

_SELECT = "SELECT " + ", ".join("r." + c for c in RECORD_COLUMNS)
_AFTER = "(r.doc_id, r.evidence_start, r.type, r.position) > (?, ?, ?, ?)"


def record_pages(store: Store, where: RecordFilter | None = None, *, limit: int | None = None,
                 size: int = 5_000) -> Iterator[list[Record]]:
    """The records `where` selects (at most `limit`), in `Store.records` order, `size` at a time.

    Read inside `store.snapshot()` when the pages must be one state of the database (an export).
    """
    flt = where or RecordFilter()
    base, params = _selection(store, flt)
    after: list[object] | None = None
    left = limit
    while left is None or left > 0:
        n = size if left is None else min(size, left)
        sql = base + (" AND " + _AFTER if after is not None else "") + f" {RECORD_ORDER} LIMIT ?"
        rows = store._query(sql, [*params, *(after or []), n])
        if rows:
            yield [record_of(row) for row in rows]
        if len(rows) < n:
            return
        last = rows[-1]
        after = [last["doc_id"], last["evidence_start"], last["type"], last["position"]]
        left = None if left is None else left - len(rows)


def _selection(store: Store, flt: RecordFilter) -> tuple[str, list[object]]:
    """`SELECT ... FROM records AS r ... WHERE <the filter>` and its parameters, the filter read on corrected values.

    `Store.records` filters the union of the uncorrected records and the corrected copies
    (`effective.EFFECTIVE`), which SQLite builds whole for every query: a page would cost the table. Here
    the two halves are asked apart, the uncorrected records by the filter itself and the (few) corrected
    ones by their ids, so that each page walks the index from where the last one stopped.
    """
    where_sql, params = where_clause(flt)
    terms = where_sql.removeprefix("WHERE ") or "1"
    if store._source() == "records":   # no correction: the records table itself
        return f"{_SELECT} {from_clause(flt)} WHERE {terms}", params
    # `r` is the copy in here, read under the records table's columns: a TEMP table made AS SELECT keeps
    # no COLLATE NOCASE, and `actor = 'irn'` would miss the corrected copies of IRN's records.
    copies = (f"SELECT r.record_id {from_clause(flt, f'(SELECT * FROM main.records WHERE 0 UNION ALL SELECT * FROM {TABLE})')} "
              f"WHERE {terms}")
    return (f"{_SELECT} {from_clause(flt)} WHERE ((r.record_id NOT IN (SELECT record_id FROM {TABLE}) AND {terms}) "
            f"OR r.record_id IN ({copies}))", [*params, *params])
