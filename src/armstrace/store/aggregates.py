"""Counts over the records a filter selects, grouped in SQL: weapon lists (the graph: `network.py`;
the timeline: `timeline.py`).

The dashboard asks for these on every filter change; grouping in SQLite keeps
them to a few small result sets instead of every matching record built as a
pydantic model. Grouping is exact (`COLLATE BINARY`): actor columns are NOCASE
for filtering, but "IRN" and "irn" stay two nodes, as they are two ids.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..resolve import weapon_label
from .database import Store
from .effective import source as corrected_source
from .queries import RecordFilter, from_clause, where_clause


def _selected(flt: RecordFilter, src: str, extra: str = "", *, weapons: bool = False) -> tuple[str, list[object]]:
    """`FROM ... WHERE ...` of the filter's records (joined to their models as `w`), plus a condition.

    `src` is `effective.source(store)`: the records as their reviews correct them.
    """
    where, params = where_clause(flt)
    if extra:
        where = f"{where} AND {extra}" if where else f"WHERE {extra}"
    join = " JOIN record_weapons AS w ON w.record_id = r.record_id" if weapons else ""
    return f"{from_clause(flt, src)}{join} {where}", params


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    """Most frequent first, ties by name."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def weapon_counts(store: Store, flt: RecordFilter) -> list[dict[str, Any]]:
    """Each model named by the filter's records: records, documents and classes, most named first."""
    src = corrected_source(store)
    classed, params = _selected(flt, src, "r.weapon_class IS NOT NULL", weapons=True)
    classes: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store._query(f"SELECT w.model, r.weapon_class, count(*) {classed} GROUP BY w.model, r.weapon_class",
                            params):
        classes[row[0]][row[1]] = int(row[2])
    named, params = _selected(flt, src, weapons=True)
    rows = store._query(f"SELECT w.model, count(*), count(DISTINCT r.doc_id) {named} GROUP BY w.model", params)
    items = [{"model": row[0], "name": weapon_label(row[0]), "n_records": int(row[1]), "n_documents": int(row[2]),
              "weapon_classes": list(_ranked(classes.get(row[0], {})))} for row in rows]
    return sorted(items, key=lambda item: (-item["n_records"], item["model"]))
