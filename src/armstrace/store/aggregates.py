"""Counts over the records a filter selects, grouped in SQL: graphs, weapon lists and timelines.

The dashboard asks for these on every filter change; grouping in SQLite keeps
them to a few small result sets instead of every matching record built as a
pydantic model. Grouping is exact (`COLLATE BINARY`): actor columns are NOCASE
for filtering, but "IRN" and "irn" stay two nodes, as they are two ids.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from .database import Store
from .queries import RecordFilter, from_clause, where_clause

EDGE_TYPES: tuple[str, ...] = ("transfer", "use")


def _selected(flt: RecordFilter, extra: str = "", *, weapons: bool = False) -> tuple[str, list[object]]:
    """`FROM ... WHERE ...` of the filter's records (joined to their models as `w`), plus a condition."""
    where, params = where_clause(flt)
    if extra:
        where = f"{where} AND {extra}" if where else f"WHERE {extra}"
    join = " JOIN record_weapons AS w ON w.record_id = r.record_id" if weapons else ""
    return f"{from_clause(flt)}{join} {where}", params


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    """Most frequent first, ties by name."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def network(store: Store, flt: RecordFilter) -> dict[str, Any]:
    """Nodes and edges of the transfer and use records that name a recipient.

    An edge's `weight` is its number of documents; it counts stances,
    claimants, models and classes. A node's `n_documents` counts the documents
    of its edges.
    """
    on_edge = f"r.type IN ({', '.join('?' * len(EDGE_TYPES))}) AND r.recipient IS NOT NULL AND r.recipient != ''"
    edge_sql, params = _selected(flt, on_edge)
    params = params + list(EDGE_TYPES)
    edge_key = "r.type, r.actor COLLATE BINARY, r.recipient COLLATE BINARY"
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in store._query(f"SELECT r.type, r.actor, r.recipient, count(*), count(DISTINCT r.doc_id) "
                            f"{edge_sql} GROUP BY {edge_key}", params):
        kind, source, target = row[0], row[1], row[2]
        edges[(kind, source, target)] = {
            "id": f"{kind}:{source}->{target}", "type": kind, "source": source, "target": target,
            "weight": int(row[4]), "n_records": int(row[3]), "stances": {}, "claimants": {}, "weapons": {},
            "weapon_classes": {},
        }
    # One pass for stances, claimants and classes: grouped in the order of the covering index records_edges
    # (no sort, no table read), summed per edge here; far fewer groups than records.
    for row in store._query(f"SELECT r.type, r.actor, r.recipient, r.stance, r.claimant, r.weapon_class, count(*) "
                            f"{edge_sql} GROUP BY {edge_key}, r.stance, r.claimant COLLATE BINARY, r.weapon_class",
                            params):
        edge = edges[(row[0], row[1], row[2])]
        for name, value in (("stances", row[3]), ("claimants", row[4]), ("weapon_classes", row[5])):
            if value is not None:
                edge[name][value] = edge[name].get(value, 0) + int(row[6])
    model_sql, _ = _selected(flt, on_edge, weapons=True)
    for row in store._query(f"SELECT r.type, r.actor, r.recipient, w.model, count(*) {model_sql} "
                            f"GROUP BY {edge_key}, w.model", params):
        edges[(row[0], row[1], row[2])]["weapons"][row[3]] = int(row[4])
    node_docs: dict[str, int] = {}
    for row in store._query(f"SELECT node, count(DISTINCT doc_id) FROM ("
                            f"SELECT r.actor AS node, r.doc_id AS doc_id {edge_sql} UNION ALL "
                            f"SELECT r.recipient, r.doc_id {edge_sql}) GROUP BY node COLLATE BINARY",
                            params + params):
        node_docs[row[0]] = int(row[1])
    items = []
    for key in sorted(edges):
        edge = edges[key]
        for name in ("stances", "claimants"):
            edge[name] = dict(sorted(edge[name].items()))
        edge["weapons"] = _ranked(edge["weapons"])
        edge["weapon_classes"] = _ranked(edge["weapon_classes"])
        items.append(edge)
    nodes = [{"id": actor, "label": actor, "n_documents": n} for actor, n in sorted(node_docs.items())]
    return {"nodes": nodes, "edges": items}


def weapon_counts(store: Store, flt: RecordFilter) -> list[dict[str, Any]]:
    """Each model named by the filter's records: records, documents and classes, most named first."""
    classed, params = _selected(flt, "r.weapon_class IS NOT NULL", weapons=True)
    classes: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store._query(f"SELECT w.model, r.weapon_class, count(*) {classed} GROUP BY w.model, r.weapon_class",
                            params):
        classes[row[0]][row[1]] = int(row[2])
    named, params = _selected(flt, weapons=True)
    rows = store._query(f"SELECT w.model, count(*), count(DISTINCT r.doc_id) {named} GROUP BY w.model", params)
    items = [{"model": row[0], "n_records": int(row[1]), "n_documents": int(row[2]),
              "weapon_classes": list(_ranked(classes.get(row[0], {})))} for row in rows]
    return sorted(items, key=lambda item: (-item["n_records"], item["model"]))


# The date a record is placed at: the event time the text gives, else the publication date.
_DATE = "COALESCE(NULLIF(r.time, ''), NULLIF(r.published, ''))"


def dated_records(store: Store, flt: RecordFilter, limit: int) -> dict[str, Any]:
    """The first `limit` dated records by date (`date_source`: time or published), with the totals."""
    sql, params = _selected(flt)
    counts = store._query(f"SELECT count({_DATE}), count(*) - count({_DATE}) {sql}", params)[0]
    dated, dated_params = _selected(flt, f"{_DATE} IS NOT NULL")
    rows = store._query(
        f"SELECT r.record_id, r.type, r.actor, r.recipient, r.stance, r.claimant, r.weapon_class, r.doc_id, "
        f"r.time, r.time_precision, {_DATE} AS date {dated} "
        "ORDER BY date, r.doc_id, r.evidence_start, r.type, r.position LIMIT ?", [*dated_params, limit])
    items = []
    for row in rows:
        from_time = bool(row["time"])
        items.append({
            "id": row["record_id"], "date": row["date"], "date_source": "time" if from_time else "published",
            "precision": row["time_precision"] if from_time else "day",
            "type": row["type"], "actor": row["actor"], "recipient": row["recipient"], "stance": row["stance"],
            "claimant": row["claimant"], "weapon_class": row["weapon_class"], "doc_id": row["doc_id"],
        })
    return {"items": items, "total": int(counts[0]), "undated": int(counts[1])}
