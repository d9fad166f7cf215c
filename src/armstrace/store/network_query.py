"""The actor network computed from the records in SQL: any filter, at the cost of every record it selects.

`network.py` answers from the stored summary (`network_summary.py`) when the
request is unfiltered and the summary is up to date, and from here otherwise.
Both build their answer with `edge_item` and `finish`, so the two are the
same payload (tests/store/test_network_summary.py checks it).
"""
from __future__ import annotations

from typing import Any

from ..resolve import actor_label
from .database import Store
from .effective import source as corrected_source
from .queries import RecordFilter, from_clause, where_clause

EDGE_TYPES: tuple[str, ...] = ("transfer", "use", "production", "training", "sanction")
OTHERS = "~others"

# Where an edge of a record ends: the recipient, or for production the place it is made (else the producer).
_TARGET = ("CASE WHEN r.type = 'production' THEN COALESCE(NULLIF(r.location, ''), r.actor) "
           "ELSE NULLIF(r.recipient, '') END")
# A record's independent source: the lead of its document's syndication group in its event, else the document.
# Stored with the record's event membership when its event's sources are (`event_claims.source`, schema v8).
_SOURCE = "COALESCE((SELECT ec.source FROM event_claims AS ec WHERE ec.record_id = r.record_id), r.doc_id)"


def selection(flt: RecordFilter, records: str, extra: str = "") -> tuple[str, list[object]]:
    """A CTE `sel` of the filter's edge records: type, source, target, stance, claimant, class, doc, src.

    `records` is `effective.source(store)`: the records as their reviews correct them (records reviewed
    wrong are left out by the filter unless it includes them). `extra` is one more condition on `r`.
    """
    where, params = where_clause(flt)
    terms = [term for term in (where.removeprefix("WHERE "), f"{_TARGET} IS NOT NULL", extra) if term]
    sql = (f"WITH sel AS (SELECT r.record_id, r.type, r.actor COLLATE BINARY AS source, "
           f"({_TARGET}) COLLATE BINARY AS target, r.stance, r.claimant COLLATE BINARY AS claimant, "
           f"r.weapon_class, r.doc_id, {_SOURCE} AS src {from_clause(flt, records)} WHERE {' AND '.join(terms)})")
    return sql, params


def _status(supporting: int, asserted: int, denied: int) -> str:
    """What the claims of an edge amount to (see the module docstring)."""
    if supporting and denied:
        return "contested"
    if asserted:
        return "asserted"
    return "hedged" if supporting else "denied"


def ranked(counts: dict[str, int]) -> dict[str, int]:
    """Most frequent first, ties by name."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def node_item(node: str, stored_name: str | None, n_documents: int, n_independent: int) -> dict[str, Any]:
    """One actor of the graph: the gazetteer's name, as every other view shows it; else the name stored at ingest."""
    name = actor_label(node) or stored_name
    return {"id": node, "name": name, "label": name or node, "n_documents": n_documents,
            "n_independent": n_independent}


def edge_item(key: tuple[str, str, str], counts: tuple[int, ...], lists: tuple[dict[str, int], ...], *,
              ordered: bool = False) -> dict[str, Any]:
    """One edge of the graph from its counts and its claimant, class and model counts.

    `counts`: records, documents, independent sources, of them supporting and denying, and the
    asserted, hedged and denied records. `lists`: claimants, weapon classes, weapons (records each),
    already in the answer's order if `ordered` (claimants by name, the others most frequent first).
    """
    kind, source, target = key
    n_records, n_documents, n_independent, supporting, denying, asserted, hedged, denied = counts
    stances = {name: n for name, n in zip(("asserted", "denied", "hedged"), (asserted, denied, hedged), strict=True)
               if n}
    claimants, classes, weapons = lists if ordered else (dict(sorted(lists[0].items())), ranked(lists[1]),
                                                         ranked(lists[2]))
    return {
        "id": f"{kind}:{source}->{target}", "type": kind, "source": source, "target": target,
        "source_name": actor_label(source), "target_name": actor_label(target),
        "weight": n_independent, "n_records": n_records, "n_documents": n_documents,
        "n_independent": n_independent, "independent_supporting": supporting,
        "independent_denying": denying, "stances": stances,
        "status": _status(asserted + hedged, asserted, denied),
        "claimants": claimants, "weapon_classes": classes, "weapons": weapons,
    }


def kept_actors(nodes: dict[str, dict[str, Any]], top: int) -> set[str] | None:
    """The `top` actors by independent sources (then documents, then id); None when all fit."""
    if top <= 0 or len(nodes) <= top:
        return None
    order = sorted(nodes.values(), key=lambda n: (-n["n_independent"], -n["n_documents"], n["id"]))
    return {node["id"] for node in order[:top]}


def finish(nodes: dict[str, dict[str, Any]], edges: dict[tuple[str, str, str], dict[str, Any]],
           kept: set[str] | None, hidden: int) -> dict[str, Any]:
    """The answer: nodes by id (the folded ones as one `others` node), edges by type, source and target."""
    shown = [nodes[n] for n in sorted(nodes) if kept is None or n in kept]
    if kept is not None:
        folded = sorted(set(nodes) - kept)
        shown.append({"id": OTHERS, "name": None, "label": f"{len(folded)} others", "n_documents": 0,
                      "n_independent": 0, "folded": folded})
    return {"nodes": shown, "edges": [edges[key] for key in sorted(edges)], "n_actors": len(nodes),
            "hidden_records": hidden}


def _nodes(store: Store, cte: str, params: list[object]) -> dict[str, dict[str, Any]]:
    """Every actor at either end of an edge, with its documents and independent sources."""
    rows = store._query(
        f"{cte}, ends AS (SELECT source AS node, doc_id, src FROM sel UNION ALL SELECT target, doc_id, src FROM sel) "
        "SELECT e.node, count(DISTINCT e.doc_id), count(DISTINCT e.src), n.name FROM ends AS e "
        "LEFT JOIN names AS n ON n.kind = 'actor' AND n.id = e.node GROUP BY e.node", params)
    return {row[0]: node_item(row[0], row[3], int(row[1]), int(row[2])) for row in rows}


def _edges(store: Store, cte: str, params: list[object], kept: set[str] | None) -> dict[tuple[str, str, str], Any]:
    """Edge counts, with actors outside `kept` folded into OTHERS (edges between two folded actors dropped)."""
    marks = ",".join("?" * len(kept or ()))
    fold = (lambda col: f"CASE WHEN {col} IN ({marks}) THEN {col} ELSE '{OTHERS}' END") if kept else (lambda c: c)
    fold_params = sorted(kept or ())
    folded = (f"{cte}, fsel AS (SELECT type, {fold('source')} AS source, {fold('target')} AS target, stance, "
              "claimant, weapon_class, doc_id, src, record_id FROM sel) ")
    all_params = params + fold_params + fold_params
    keep = f"WHERE NOT (source = '{OTHERS}' AND target = '{OTHERS}')"
    lists: dict[tuple[str, str, str], tuple[dict[str, int], dict[str, int], dict[str, int]]] = {}
    counts: dict[tuple[str, str, str], tuple[int, ...]] = {}
    for row in store._query(
            f"{folded}SELECT type, source, target, count(*), count(DISTINCT doc_id), count(DISTINCT src), "
            "count(DISTINCT CASE WHEN stance != 'denied' THEN src END), "
            "count(DISTINCT CASE WHEN stance = 'denied' THEN src END), "
            "sum(stance = 'asserted'), sum(stance = 'hedged'), sum(stance = 'denied') "
            f"FROM fsel {keep} GROUP BY type, source, target", all_params):
        key = (row[0], row[1], row[2])
        counts[key] = tuple(int(n) for n in row[3:11])
        lists[key] = ({}, {}, {})
    for index, column in ((0, "claimant"), (1, "weapon_class")):
        for row in store._query(f"{folded}SELECT type, source, target, {column}, count(*) FROM fsel {keep} "
                                f"AND {column} IS NOT NULL GROUP BY type, source, target, {column}", all_params):
            lists[(row[0], row[1], row[2])][index][row[3]] = int(row[4])
    for row in store._query(f"{folded}SELECT f.type, f.source, f.target, w.model, count(*) FROM fsel AS f "
                            "JOIN record_weapons AS w ON w.record_id = f.record_id "
                            f"{keep.replace('source', 'f.source').replace('target', 'f.target')} "
                            "GROUP BY f.type, f.source, f.target, w.model", all_params):
        lists[(row[0], row[1], row[2])][2][row[3]] = int(row[4])
    return {key: edge_item(key, counts[key], lists[key]) for key in counts}


def computed(store: Store, flt: RecordFilter, *, top: int = 0) -> dict[str, Any]:
    """The network of the filter's records, grouped in SQL from the records (any filter; costs every record)."""
    with store.snapshot():
        cte, params = selection(flt, corrected_source(store))
        nodes = _nodes(store, cte, params)
        kept = kept_actors(nodes, top)
        edges = _edges(store, cte, params, kept)
        hidden = 0
        if kept is not None:
            marks = ",".join("?" * len(kept))
            hidden = int(store._query(f"{cte} SELECT count(*) FROM sel WHERE source NOT IN ({marks}) "
                                      f"AND target NOT IN ({marks})", params + sorted(kept) * 2)[0][0])
    return finish(nodes, edges, kept, hidden)
