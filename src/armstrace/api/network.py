"""GET /api/network: who arms whom and who strikes whom, as a graph of actors.

Nodes are actors; an edge is a transfer or use from actor to recipient,
weighted by the number of documents that claim it (independent sources: ten
records from one article count once). Stances are counted per edge so the
dashboard can tell an asserted link from a denied one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter

from ..records import Record
from .deps import FiltersDep, StoreDep

router = APIRouter(tags=["network"])

EDGE_TYPES = ("transfer", "use")


@dataclass
class _Edge:
    documents: set[str] = field(default_factory=set)
    records: int = 0
    stances: Counter[str] = field(default_factory=Counter)
    claimants: Counter[str] = field(default_factory=Counter)
    weapons: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)


def build_network(records: list[Record]) -> dict[str, Any]:
    """Nodes and edges from transfer and use records that name a recipient."""
    edges: dict[tuple[str, str, str], _Edge] = {}
    for rec in records:
        if rec.type not in EDGE_TYPES or not rec.recipient:
            continue
        edge = edges.setdefault((rec.type, rec.actor, rec.recipient), _Edge())
        edge.documents.add(rec.doc_id)
        edge.records += 1
        edge.stances[rec.stance] += 1
        edge.claimants[rec.claimant] += 1
        edge.weapons.update(rec.weapons)
        if rec.weapon_class:
            edge.classes[rec.weapon_class] += 1
    node_docs: dict[str, set[str]] = {}
    edge_items = []
    for (kind, source, target), edge in sorted(edges.items()):
        node_docs.setdefault(source, set()).update(edge.documents)
        node_docs.setdefault(target, set()).update(edge.documents)
        edge_items.append({
            "id": f"{kind}:{source}->{target}", "type": kind, "source": source, "target": target,
            "weight": len(edge.documents), "n_records": edge.records, "stances": dict(edge.stances),
            "claimants": dict(edge.claimants), "weapons": dict(edge.weapons.most_common()),
            "weapon_classes": dict(edge.classes.most_common()),
        })
    nodes = [{"id": actor, "label": actor, "n_documents": len(docs)} for actor, docs in sorted(node_docs.items())]
    return {"nodes": nodes, "edges": edge_items}


@router.get("/api/network")
def network(store: StoreDep, filters: FiltersDep) -> dict[str, Any]:
    """The transfer/use graph of the records matching the filters."""
    records: list[Record] = []
    for kind in EDGE_TYPES:
        if filters["type"] in (None, kind):
            of_kind = filters.copy()
            of_kind["type"] = kind
            records += store.records(**of_kind)
    return build_network(records)
