"""The unfiltered actor network, stored: one row per edge and per actor, kept up to date by the writers.

The dashboard opens on the unfiltered network; grouping every record on each
request cost 1.4 s at 10,000 articles. Triggers (schema v8, `schema_v8.py`)
mark the edges a write touches; `refresh`, run inside the writer's transaction
by `update_events`, `add_review` and a writable open, recomputes just those
edges from their records (as reviews correct them, those reviewed wrong left
out: exactly what `network_query` selects for the empty filter) and the actors
at their ends. `read` answers only when nothing is marked (`is_fresh`);
otherwise `network.py` computes the answer from the records, so no reader
ever sees a stale summary.

Each edge keeps its documents and independent sources as lists, so that
folding all but the `top` actors into `others` stays exact: a folded edge
counts the union of the documents of the edges it unites, not their sum.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from dataclasses import dataclass, field
from typing import Any

from .database import Store
from .effective import SQL_FIELDS
from .effective import source as corrected_source
from ..resolve import actor_label
from .network_query import OTHERS, edge_item, finish, kept_actors, node_item, ranked, selection
from .queries import RecordFilter

Key = tuple[str, str, str]
EVERYTHING: Key = ("*", "*", "*")
# An actor among the ids of a JSON list (the kept actors).
_IN = "IN (SELECT value FROM json_each(?))"
# Stale edges are recounted from their own records, found by the block index (schema v10), this many
# edges to a query; past half of the stored edges one pass over every record is cheaper.
_EDGES_PER_QUERY = 200


@dataclass
class _Edge:
    """What one edge's records add up to, as they are read."""

    n_records: int = 0
    stances: Counter[str] = field(default_factory=Counter)
    claimants: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)
    weapons: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    supporting: set[str] = field(default_factory=set)
    denying: set[str] = field(default_factory=set)

    def row(self, key: Key) -> tuple[object, ...]:
        """The edge as a `network_edges` row, in the table's column order (its answer, `item`, last)."""
        counts = (self.n_records, len(self.documents), len(self.sources), len(self.supporting), len(self.denying),
                  self.stances["asserted"], self.stances["hedged"], self.stances["denied"])
        lists = (dict(sorted(self.claimants.items())), ranked(dict(self.classes)), ranked(dict(self.weapons)))
        item = edge_item(key, counts, lists, ordered=True)
        del item["source_name"], item["target_name"]   # the gazetteer's, added as it is read (`_named`)
        return (*key, *counts, *(json.dumps(value) for value in lists),
                json.dumps(sorted(self.documents)), json.dumps(sorted(self.sources)),
                json.dumps(sorted(self.supporting)), json.dumps(sorted(self.denying)), json.dumps(item))


def is_fresh(store: Store) -> bool:
    """True when no write since the last refresh touched the network (call inside a snapshot)."""
    rows = store._query("SELECT EXISTS (SELECT 1 FROM network_stale) OR EXISTS (SELECT 1 FROM network_stale_records)")
    return not rows[0][0]


def needs_build(conn: sqlite3.Connection) -> bool:
    """True when the summary was never built (schema v8 just applied), or its tables are missing."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'network_stale'").fetchone() is None:
        return False   # a schema before v8 (only when migrations are held back, as in tests)
    return conn.execute("SELECT 1 FROM network_stale WHERE type = '*' AND source = '*' AND target = '*'"
                        ).fetchone() is not None


def refresh(store: Store) -> int:
    """Recompute the stale edges and their actors; the number of edges recomputed. Call inside a write."""
    conn = store._conn
    stale: set[Key] = {(r[0], r[1], r[2]) for r in conn.execute("SELECT type, source, target FROM network_stale")}
    reviewed = [str(r[0]) for r in conn.execute("SELECT record_id FROM network_stale_records")]
    if not stale and not reviewed:
        return 0
    everything = EVERYTHING in stale
    if not everything:
        stale |= _edges_of_reviewed(conn, reviewed)
        stored = int(conn.execute("SELECT count(*) FROM network_edges").fetchone()[0])
        everything = len(stale) * 2 > max(stored, 2 * _EDGES_PER_QUERY)
    # (reviews of records that are on no edge, such as a use with no target, leave nothing to recount)
    edges = _recount(store, None if everything else stale) if everything or stale else {}
    if everything:
        conn.execute("DELETE FROM network_edges")
        conn.execute("DELETE FROM network_nodes")
        stale = set(edges)
    else:
        edges = {key: edge for key, edge in edges.items() if key in stale}
        conn.executemany("DELETE FROM network_edges WHERE type = ? AND source = ? AND target = ?", sorted(stale))
    conn.executemany(f"INSERT INTO network_edges VALUES ({', '.join('?' * 19)})",
                     [edge.row(key) for key, edge in sorted(edges.items())])
    _renode(conn, {end for _, source, target in stale for end in (source, target)})
    conn.execute("DELETE FROM network_stale")
    conn.execute("DELETE FROM network_stale_records")
    return len(stale)


def _edges_of_reviewed(conn: sqlite3.Connection, record_ids: Iterable[str]) -> set[Key]:
    """Every edge a reviewed record is or was on: stored, as each reviewer saw it, and as each correction left it."""
    keys: set[Key] = set()
    for record_id in record_ids:
        bases = [dict(row) for row in conn.execute(
            "SELECT type, actor, recipient, location FROM records WHERE record_id = ?", (record_id,))]
        corrections: list[dict[str, Any]] = [{}]
        for original, fixed in conn.execute("SELECT original, corrections FROM reviews WHERE record_id = ? "
                                            "ORDER BY review_id", (record_id,)):
            bases.append(json.loads(original))
            corrections.append({**corrections[-1], **{k: v for k, v in json.loads(fixed).items() if k in SQL_FIELDS}})
        for base in bases:
            for correction in corrections:
                keys |= _key_of({**base, **correction})
    return keys


def _key_of(fields: dict[str, Any]) -> set[Key]:
    """The edge of a record's fields (none when it has no target), as `network_query._TARGET` ends it."""
    kind, actor = fields.get("type"), fields.get("actor")
    target = (fields.get("location") or actor) if kind == "production" else (fields.get("recipient") or None)
    return {(kind, actor, target)} if kind and actor and target else set()


def _lookups(keys: set[Key]) -> list[tuple[str, list[object]]]:
    """Conditions on `r` that find the records of `keys` by index, a bounded number of edges each.

    An edge's records are those of its type, actor and recipient (`records_block`); a production
    edge ends at the location or, with none, the actor itself, so it is found by its actor
    (`records_produced`). The conditions may find a few more records (names compare without case
    here): `refresh` keeps only the edges it asked for.
    """
    terms = sorted({("(r.type = 'production' AND r.actor = ?)", (actor,)) if kind == "production" else
                    ("(r.type = ? AND r.actor = ? AND r.recipient = ?)", (kind, actor, target))
                    for kind, actor, target in keys})
    return [("(" + " OR ".join(sql for sql, _ in part) + ")", [v for _, values in part for v in values])
            for part in (terms[i:i + _EDGES_PER_QUERY] for i in range(0, len(terms), _EDGES_PER_QUERY))]


def _recount(store: Store, keys: set[Key] | None) -> dict[Key, _Edge]:
    """The edges of the records on the edges `keys` (every record when None), each record counted once."""
    source = corrected_source(store)
    conn = store._conn
    edges: dict[Key, _Edge] = {}
    of_record: dict[str, _Edge] = {}
    for extra, params in [("", [])] if keys is None else _lookups(keys):
        _count(conn, *selection(RecordFilter(), source, extra), params, edges, of_record)
    return edges


def _count(conn: sqlite3.Connection, cte: str, where_params: list[object], params: list[object],
           edges: dict[Key, _Edge], of_record: dict[str, _Edge]) -> None:
    """Add the records `cte` selects (those not already counted by an earlier query) to `edges`."""
    fresh: set[str] = set()   # counted by this query: only theirs are its weapons to add
    for row in conn.execute(f"{cte} SELECT record_id, type, source, target, stance, claimant, weapon_class, "
                            "doc_id, src FROM sel", where_params + params):
        if row[0] in of_record:
            continue
        edge = edges.setdefault((row[1], row[2], row[3]), _Edge())
        of_record[row[0]] = edge
        fresh.add(row[0])
        edge.n_records += 1
        edge.stances[row[4]] += 1
        if row[5] is not None:
            edge.claimants[row[5]] += 1
        if row[6] is not None:
            edge.classes[row[6]] += 1
        edge.documents.add(row[7])
        edge.sources.add(row[8])
        (edge.denying if row[4] == "denied" else edge.supporting).add(row[8])
    weapons = (f"{cte} SELECT w.record_id, w.model FROM sel JOIN record_weapons AS w ON w.record_id = sel.record_id")
    for record_id, model in conn.execute(weapons, where_params + params):
        if record_id in fresh:
            of_record[record_id].weapons[model] += 1


def _renode(conn: sqlite3.Connection, nodes: set[str]) -> None:
    """Recompute the documents and sources of `nodes` from the stored edges at either end of them."""
    for node in sorted(nodes):
        documents: set[str] = set()
        sources: set[str] = set()
        for docs, srcs in conn.execute("SELECT documents, sources FROM network_edges WHERE source = ? "
                                       "UNION ALL SELECT documents, sources FROM network_edges WHERE target = ?",
                                       (node, node)):
            documents.update(json.loads(docs))
            sources.update(json.loads(srcs))
        conn.execute("DELETE FROM network_nodes WHERE node = ?", (node,))
        if documents:
            conn.execute("INSERT INTO network_nodes VALUES (?, ?, ?)", (node, len(documents), len(sources)))


def read(store: Store, top: int = 0) -> str:
    """The unfiltered network from the summary, as JSON text (call inside a snapshot, after `is_fresh`).

    The answer is the stored edges' JSON joined, not objects built and encoded again: at 50,000
    articles the whole graph (10,000 edges, 5 MB) took 100 ms to build and as long to encode.
    Only edges folded into `others` (`top`) are parsed, with the documents and sources they unite.
    """
    names = {str(r[0]): str(r[1]) for r in store._query("SELECT id, name FROM names WHERE kind = 'actor'")}
    nodes = {str(r[0]): node_item(str(r[0]), names.get(str(r[0])), int(r[1]), int(r[2]))
             for r in store._query("SELECT node, n_documents, n_independent FROM network_nodes")}
    kept = kept_actors(nodes, top)
    labels: dict[str, str] = {}
    hidden = 0
    if kept is None:
        rows = store._query("SELECT type, source, target, item FROM network_edges ORDER BY type, source, target")
    else:
        ids = json.dumps(sorted(kept))
        rows = store._query(f"SELECT type, source, target, item FROM network_edges WHERE source {_IN} AND "
                            f"target {_IN} ORDER BY type, source, target", [ids, ids])
        hidden = int(store._query(f"SELECT coalesce(sum(n_records), 0) FROM network_edges WHERE source NOT {_IN} "
                                  f"AND target NOT {_IN}", [ids, ids])[0][0])
    parts = [((kind, source, target), _named(item, source, target, labels)) for kind, source, target, item in rows]
    if kept is not None:
        parts.extend(_folded(store, kept))
        parts.sort(key=lambda part: part[0])
    head = json.dumps({"nodes": finish(nodes, {}, kept, hidden)["nodes"]})
    return (f'{head[:-1]}, "edges": [{", ".join(text for _, text in parts)}], '
            f'"n_actors": {len(nodes)}, "hidden_records": {hidden}}}')


def _named(item: str, source: str, target: str, labels: dict[str, str]) -> str:
    """A stored edge's JSON with the gazetteer's names of its ends (as `edge_item` gives them) put in front."""
    for end in (source, target):
        if end not in labels:
            labels[end] = json.dumps(actor_label(end))
    return f'{{"source_name": {labels[source]}, "target_name": {labels[target]}, {item[1:]}'


def _folded(store: Store, kept: set[str]) -> list[tuple[Key, str]]:
    """The edges between a kept actor and `others`: each unites the stored edges to or from folded actors."""
    folds: dict[Key, list[sqlite3.Row]] = {}
    columns = ", ".join(("type", "source", "target", *_COUNTS, *_LISTS, *_SETS))
    ids = json.dumps(sorted(kept))
    for row in store._query(f"SELECT {columns} FROM network_edges WHERE source {_IN} AND target NOT {_IN} UNION ALL "
                            f"SELECT {columns} FROM network_edges WHERE target {_IN} AND source NOT {_IN}", [ids] * 4):
        kind, source, target = row[0], row[1], row[2]
        key = (kind, source if source in kept else OTHERS, target if target in kept else OTHERS)
        folds.setdefault(key, []).append(row)
    return [(key, json.dumps(_united(key, rows))) for key, rows in folds.items()]


_COUNTS = ("n_records", "n_documents", "n_independent", "independent_supporting", "independent_denying",
           "asserted", "hedged", "denied")
_LISTS = ("claimants", "weapon_classes", "weapons")   # stored in the answer's order
_SETS = ("documents", "sources", "supporting", "denying")


def _parsed(rows: list[sqlite3.Row], names: tuple[str, ...]) -> list[list[Any]]:
    """The JSON columns `names` of each row, parsed in one call: a json.loads per value cost more than the read."""
    return json.loads("[" + ",".join("[" + ",".join(row[name] for name in names) + "]" for row in rows) + "]")


def _united(key: Key, rows: list[sqlite3.Row]) -> dict[str, Any]:
    """One folded edge from the stored edges it unites: counts summed, documents and sources as unions."""
    parsed = _parsed(rows, _SETS + _LISTS)
    sets = [set(chain.from_iterable(values[i] for values in parsed)) for i in range(len(_SETS))]
    lists: list[dict[str, int]] = []
    for i in range(len(_SETS), len(_SETS) + len(_LISTS)):   # summed by hand: Counter.update was the cost
        total: dict[str, int] = {}
        for values in parsed:
            for name, n in values[i].items():
                total[name] = total.get(name, 0) + n
        lists.append(total)
    summed = {name: sum(int(row[name]) for row in rows) for name in ("n_records", "asserted", "hedged", "denied")}
    counts = (summed["n_records"], *(len(union) for union in sets), summed["asserted"], summed["hedged"],
              summed["denied"])
    return edge_item(key, counts, tuple(lists))
