"""GET /api/network: who arms, trains, sanctions and strikes whom, as a graph of actors.

Nodes are actors (with their gazetteer names); an edge is every record of one
type from one actor to one recipient (production: to where it is made). Each
edge counts records, documents and independent sources (syndicated copies
once), and says whether its claims are asserted, contested, hedged or denied
(`armstrace.store.network`). `top` folds all but the best-sourced actors into
one "others" node, so that a few hundred documents stay readable.
"""
from __future__ import annotations

from fastapi import APIRouter, Query, Response

from ..store.network import network_json
from .deps import FiltersDep, StoreDep

router = APIRouter(tags=["network"])


# The answer is JSON text from the store (the unfiltered graph is read as stored text: network_summary.read).
_GRAPH = {200: {"description": "The graph: nodes, edges, n_actors, hidden_records",
                "content": {"application/json": {"schema": {"type": "object"}}}}}


@router.get("/api/network", response_class=Response, responses=_GRAPH)  # type: ignore[arg-type]
def network(
    store: StoreDep,
    filters: FiltersDep,
    top: int = Query(0, ge=0, le=1_000, description="Keep this many actors (most independent sources); "
                                                     "fold the rest into one node. 0 keeps all."),
) -> Response:
    """The actor graph of the records matching the filters, every event type, stance-counted per edge."""
    return Response(network_json(store, filters, top=top), media_type="application/json")
