"""GET /api/network: who arms whom and who strikes whom, as a graph of actors.

Nodes are actors; an edge is a transfer or use from actor to recipient,
weighted by the number of documents that claim it (independent sources: ten
records from one article count once). Stances are counted per edge so the
dashboard can tell an asserted link from a denied one. The counting is SQL
(`armstrace.store.aggregates`), not a loop over every record.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..store import aggregates
from .deps import FiltersDep, StoreDep

router = APIRouter(tags=["network"])


@router.get("/api/network")
def network(store: StoreDep, filters: FiltersDep) -> dict[str, Any]:
    """The transfer/use graph of the records matching the filters."""
    return aggregates.network(store, filters)
