"""Counts over the records a filter selects, grouped in SQL: graphs, weapon lists and timelines.

The dashboard asks for these on every filter change; grouping in SQLite keeps
them to a few small result sets instead of every matching record built as a
pydantic model. Grouping is exact (`COLLATE BINARY`): actor columns are NOCASE
for filtering, but "IRN" and "irn" stay two nodes, as they are two ids.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..resolve import actor_label, weapon_label
from .database import Store
from .effective import source as corrected_source
from .queries import RecordFilter, from_clause, where_clause

EDGE_TYPES: tuple[str, ...] = ("transfer", "use")


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


def network(store: Store, flt: RecordFilter) -> dict[str, Any]:
    """Nodes and edges of the transfer and use records that name a recipient.

    An edge's `weight` is its number of documents; it counts stances,
    claimants, models and classes. A node's `n_documents` counts the documents
    of its edges.
    """
    src = corrected_source(store)
    on_edge = f"r.type IN ({', '.join('?' * len(EDGE_TYPES))}) AND r.recipient IS NOT NULL AND r.recipient != ''"
    edge_sql, params = _selected(flt, src, on_edge)
    params = params + list(EDGE_TYPES)
    edge_key = "r.type, r.actor COLLATE BINARY, r.recipient COLLATE BINARY"
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in store._query(f"SELECT r.type, r.actor, r.recipient, count(*), count(DISTINCT r.doc_id) "
                            f"{edge_sql} GROUP BY {edge_key}", params):
        kind, source, target = row[0], row[1], row[2]
        edges[(kind, source, target)] = {
            "id": f"{kind}:{source}->{target}", "type": kind, "source": source, "target": target,
            "source_name": actor_label(source), "target_name": actor_label(target),
            "weight": int(row[4]), "n_records": int(row[3]), "stances": {}, "claimants": {}, "weapons": {},
            "weapon_classes": {},
        }
    groups = (("stances", "r.stance", "r.stance"), ("claimants", "r.claimant", "r.claimant COLLATE BINARY"),
              ("weapon_classes", "r.weapon_class", "r.weapon_class"))
    for name, column, group in groups:
        for row in store._query(f"SELECT r.type, r.actor, r.recipient, {column}, count(*) {edge_sql} "
                                f"AND {column} IS NOT NULL GROUP BY {edge_key}, {group}", params):
            edges[(row[0], row[1], row[2])][name][row[3]] = int(row[4])
    model_sql, _ = _selected(flt, src, on_edge, weapons=True)
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
    # `label` is what a reader knows the actor by ("Iran"), `id` what records hold (IRN).
    nodes = [{"id": actor, "label": actor_label(actor) or actor, "name": actor_label(actor), "n_documents": n}
             for actor, n in sorted(node_docs.items())]
    return {"nodes": nodes, "edges": items}


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


# The date a record is placed at: the event time the text gives, else the publication date.
_DATE = "COALESCE(NULLIF(r.time, ''), NULLIF(r.published, ''))"


def dated_records(store: Store, flt: RecordFilter, limit: int) -> dict[str, Any]:
    """The first `limit` dated records by date (`date_source`: time or published), with the totals."""
    src = corrected_source(store)
    sql, params = _selected(flt, src)
    counts = store._query(f"SELECT count({_DATE}), count(*) - count({_DATE}) {sql}", params)[0]
    dated, dated_params = _selected(flt, src, f"{_DATE} IS NOT NULL")
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
            "actor_name": actor_label(row["actor"]), "recipient_name": actor_label(row["recipient"]),
            "claimant": row["claimant"], "weapon_class": row["weapon_class"], "doc_id": row["doc_id"],
        })
    return {"items": items, "total": int(counts[0]), "undated": int(counts[1])}
