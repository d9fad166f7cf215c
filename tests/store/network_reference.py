"""The network as schema v7 computed it (before issue 15), kept as the oracle of the tests.

`store/network.py` now reads a stored summary and a stored source per record;
this is the query it replaced, verbatim but for its imports: each record's
independent source looked up through a `json_each` of `event_sources`, every
figure grouped from the records. The new answers must equal these, for every
filter and review state (tests/store/test_network_summary.py).
"""
from __future__ import annotations

from typing import Any

from armstrace.resolve import actor_label
from armstrace.store.database import Store
from armstrace.store.effective import source as corrected_source
from armstrace.store.queries import RecordFilter, from_clause, where_clause

EDGE_TYPES: tuple[str, ...] = ("transfer", "use", "production", "training", "sanction")
OTHERS = "~others"

# Where an edge of a record ends: the recipient, or for production the place it is made (else the producer).
_TARGET = ("CASE WHEN r.type = 'production' THEN COALESCE(NULLIF(r.location, ''), r.actor) "
           "ELSE NULLIF(r.recipient, '') END")
# A record's independent source: the lead of its document's syndication group in its event, else the document.
_SOURCE = ("COALESCE((SELECT es.lead FROM event_claims AS ec JOIN event_sources AS es ON es.event_id = ec.event_id, "
           "json_each(es.doc_ids) AS j WHERE ec.record_id = r.record_id AND j.value = r.doc_id LIMIT 1), r.doc_id)")


def _selection(flt: RecordFilter, records: str) -> tuple[str, list[object]]:
    """A CTE `sel` of the filter's edge records: type, source, target, stance, claimant, class, doc, src.

    `records` is `effective.source(store)`: the records as their reviews correct them (records reviewed
    wrong are left out by the filter unless it includes them).
    """
    where, params = where_clause(flt)
    where = f"{where} AND {_TARGET} IS NOT NULL" if where else f"WHERE {_TARGET} IS NOT NULL"
    sql = (f"WITH sel AS (SELECT r.record_id, r.type, r.actor COLLATE BINARY AS source, "
           f"({_TARGET}) COLLATE BINARY AS target, r.stance, r.claimant COLLATE BINARY AS claimant, "
           f"r.weapon_class, r.doc_id, {_SOURCE} AS src {from_clause(flt, records)} {where})")
    return sql, params


def _status(supporting: int, asserted: int, denied: int) -> str:
    """What the claims of an edge amount to (see the module docstring)."""
    if supporting and denied:
        return "contested"
    if asserted:
        return "asserted"
    return "hedged" if supporting else "denied"


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    """Most frequent first, ties by name."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _nodes(store: Store, cte: str, params: list[object]) -> dict[str, dict[str, Any]]:
    """Every actor at either end of an edge, with its documents and independent sources."""
    rows = store._query(
        f"{cte}, ends AS (SELECT source AS node, doc_id, src FROM sel UNION ALL SELECT target, doc_id, src FROM sel) "
        "SELECT e.node, count(DISTINCT e.doc_id), count(DISTINCT e.src), n.name FROM ends AS e "
        "LEFT JOIN names AS n ON n.kind = 'actor' AND n.id = e.node GROUP BY e.node", params)
    nodes = {}
    for row in rows:
        # The gazetteer's name, as every other view shows it; else the name stored at ingest.
        name = actor_label(row[0]) or row[3]
        nodes[row[0]] = {"id": row[0], "name": name, "label": name or row[0], "n_documents": int(row[1]),
                         "n_independent": int(row[2])}
    return nodes


def _kept(nodes: dict[str, dict[str, Any]], top: int) -> set[str] | None:
    """The `top` actors by independent sources (then documents, then id); None when all fit."""
    if top <= 0 or len(nodes) <= top:
        return None
    order = sorted(nodes.values(), key=lambda n: (-n["n_independent"], -n["n_documents"], n["id"]))
    return {node["id"] for node in order[:top]}


def _edges(store: Store, cte: str, params: list[object], kept: set[str] | None) -> dict[tuple[str, str, str], Any]:
    """Edge counts, with actors outside `kept` folded into OTHERS (edges between two folded actors dropped)."""
    marks = ",".join("?" * len(kept or ()))
    fold = (lambda col: f"CASE WHEN {col} IN ({marks}) THEN {col} ELSE '{OTHERS}' END") if kept else (lambda c: c)
    fold_params = sorted(kept or ())
    folded = (f"{cte}, fsel AS (SELECT type, {fold('source')} AS source, {fold('target')} AS target, stance, "
              "claimant, weapon_class, doc_id, src, record_id FROM sel) ")
    all_params = params + fold_params + fold_params
    keep = f"WHERE NOT (source = '{OTHERS}' AND target = '{OTHERS}')"
    edges: dict[tuple[str, str, str], Any] = {}
    for row in store._query(
            f"{folded}SELECT type, source, target, count(*), count(DISTINCT doc_id), count(DISTINCT src), "
            "count(DISTINCT CASE WHEN stance != 'denied' THEN src END), "
            "count(DISTINCT CASE WHEN stance = 'denied' THEN src END), "
            "sum(stance = 'asserted'), sum(stance = 'hedged'), sum(stance = 'denied') "
            f"FROM fsel {keep} GROUP BY type, source, target", all_params):
        stances = {name: int(n) for name, n in zip(("asserted", "denied", "hedged"), (row[8], row[10], row[9]),
                                                    strict=True) if n}
        edges[(row[0], row[1], row[2])] = {
            "id": f"{row[0]}:{row[1]}->{row[2]}", "type": row[0], "source": row[1], "target": row[2],
            "source_name": actor_label(row[1]), "target_name": actor_label(row[2]),
            "weight": int(row[5]), "n_records": int(row[3]), "n_documents": int(row[4]),
            "n_independent": int(row[5]), "independent_supporting": int(row[6]),
            "independent_denying": int(row[7]), "stances": stances,
            "status": _status(int(row[8]) + int(row[9]), int(row[8]), int(row[10])),
            "claimants": {}, "weapon_classes": {}, "weapons": {},
        }
    for name, column in (("claimants", "claimant"), ("weapon_classes", "weapon_class")):
        for row in store._query(f"{folded}SELECT type, source, target, {column}, count(*) FROM fsel {keep} "
                                f"AND {column} IS NOT NULL GROUP BY type, source, target, {column}", all_params):
            edges[(row[0], row[1], row[2])][name][row[3]] = int(row[4])
    for row in store._query(f"{folded}SELECT f.type, f.source, f.target, w.model, count(*) FROM fsel AS f "
                            "JOIN record_weapons AS w ON w.record_id = f.record_id "
                            f"{keep.replace('source', 'f.source').replace('target', 'f.target')} "
                            "GROUP BY f.type, f.source, f.target, w.model", all_params):
        edges[(row[0], row[1], row[2])]["weapons"][row[3]] = int(row[4])
    return edges


def network(store: Store, flt: RecordFilter, *, top: int = 0) -> dict[str, Any]:
    """Nodes (actors, with names) and edges (one per type, source and target) of the filter's records.

    With `top` > 0 and more actors than that, the rest are folded into one
    node `~others` (its `folded` lists them); `hidden_records` counts the
    records between two folded actors, which no edge shows; `n_actors`
    counts every actor before folding.
    """
    with store.snapshot():
        cte, params = _selection(flt, corrected_source(store))
        nodes = _nodes(store, cte, params)
        kept = _kept(nodes, top)
        edges = _edges(store, cte, params, kept)
        hidden = 0
        if kept is not None:
            marks = ",".join("?" * len(kept))
            hidden = int(store._query(f"{cte} SELECT count(*) FROM sel WHERE source NOT IN ({marks}) "
                                      f"AND target NOT IN ({marks})", params + sorted(kept) * 2)[0][0])
    items = []
    for key in sorted(edges):
        edge = edges[key]
        edge["claimants"] = dict(sorted(edge["claimants"].items()))
        edge["weapons"] = _ranked(edge["weapons"])
        edge["weapon_classes"] = _ranked(edge["weapon_classes"])
        items.append(edge)
    shown = [nodes[n] for n in sorted(nodes) if kept is None or n in kept]
    if kept is not None:
        folded = sorted(set(nodes) - kept)
        shown.append({"id": OTHERS, "name": None, "label": f"{len(folded)} others", "n_documents": 0,
                      "n_independent": 0, "folded": folded})
    return {"nodes": shown, "edges": items, "n_actors": len(nodes), "hidden_records": hidden}
