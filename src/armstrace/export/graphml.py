"""Records as a GraphML network (networkx): actors as nodes, each record an edge.

A directed multigraph, so that every claim stays its own edge: two sources
saying Iran sent drones to Russia, and Iran denying it, are three edges from
IRN to RUS. It opens in Gephi and yEd, and in networkx with
`read_graphml(path, force_multigraph=True)` (without it, a file with no
parallel edges comes back as a DiGraph and loses the record ids as keys).

- Nodes: every actor, recipient and location the records name, keyed by the
  actor id ("IRN", "houthis"), with `label` and `name` (the gazetteer's name,
  else the id) and `kind` ("state", "international", "armed-group",
  "alliance", or "other" for an id no gazetteer lists), and `n_records`.
- Edges: keyed by the record id (GraphML `id`), from the actor to the
  recipient, or to the location when there is no recipient (production at a
  place; `target_role` says which). Attributes: record_id, label, type,
  weapon_class, weapons (joined with ";"), quantity_min/max, claimant,
  speaker, stance, time, time_precision, published, violates, doc_id,
  event_id, url, title, evidence, confidence, review, reviewer.
- A record with neither a recipient nor a location has no edge (its actor is
  still a node); `write_graphml` counts them.

GraphML has no null: an attribute a record lacks is left out, never written
empty or as "None". XML 1.0 cannot hold control characters: any in the
evidence become U+FFFD.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ..version import __version__
from .names import actor_directory
from .rows import Row

# Characters XML 1.0 forbids (lxml refuses them), and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class GraphSummary:
    """What `write_graphml` wrote."""

    actors: int
    edges: int
    without_target: int   # records naming neither a recipient nor a location: no edge


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _present(attrs: dict[str, Any]) -> dict[str, Any]:
    """The attributes that have a value, strings made XML-safe (networkx rejects None)."""
    return {key: _xml_text(value) if isinstance(value, str) else value
            for key, value in attrs.items() if value is not None and value != ""}


def edge_attributes(row: Row, target_role: str) -> dict[str, Any]:
    """The GraphML attributes of one record's edge."""
    rec = row.record
    what = ", ".join(rec.weapons) or rec.weapon_class or "arms"
    return _present({
        "record_id": row.record_id,
        "label": f"{rec.type} {what} ({rec.claimant}, {rec.stance})",
        "type": rec.type,
        "weapon_class": rec.weapon_class,
        "weapons": ";".join(rec.weapons),
        "quantity_min": rec.quantity.min if rec.quantity else None,
        "quantity_max": rec.quantity.max if rec.quantity else None,
        "claimant": rec.claimant,
        "speaker": rec.speaker,
        "stance": rec.stance,
        "time": rec.time,
        "time_precision": rec.time_precision,
        "published": rec.published,
        "violates": ";".join(rec.violates),
        "doc_id": rec.doc_id,
        "event_id": row.event_id,
        "url": row.url,
        "title": row.title,
        "evidence": rec.evidence,
        "confidence": rec.confidence,
        "target_role": target_role,
        "review": (row.review.verdict or "corrected") if row.review else None,
        "reviewer": row.review.reviewer if row.review else None,
    })


def build_graph(rows: Iterable[Row]) -> tuple[nx.MultiDiGraph, int]:
    """The multigraph of the rows, and how many rows had no target (no edge)."""
    graph = nx.MultiDiGraph(name="armstrace records", armstrace_version=__version__)
    directory = actor_directory()
    counts: dict[str, int] = {}
    without_target = 0

    for row in rows:
        rec = row.record
        target, role = (rec.recipient, "recipient") if rec.recipient else (rec.location, "location")
        for actor in dict.fromkeys(party for party in (rec.actor, target) if party):
            if actor not in graph:
                name, kind = directory.get(actor, (actor, "other"))
                graph.add_node(actor, **_present({"label": name, "name": name, "kind": kind}))
            counts[actor] = counts.get(actor, 0) + 1
        if not target:
            without_target += 1
            continue
        graph.add_edge(rec.actor, target, key=row.record_id, **edge_attributes(row, role))
    for actor, n in counts.items():
        graph.nodes[actor]["n_records"] = n
    return graph, without_target


def write_graphml(rows: Iterable[Row], path: str | Path) -> GraphSummary:
    """Write the rows' network to a GraphML file at `path`."""
    graph, without_target = build_graph(rows)
    nx.write_graphml(graph, str(path), encoding="utf-8", prettyprint=True)
    return GraphSummary(actors=graph.number_of_nodes(), edges=graph.number_of_edges(), without_target=without_target)
