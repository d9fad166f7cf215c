"""GET /api/health: is the server up, which database, which versions, what it can serve."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..version import __version__
from .deps import StoreDep

router = APIRouter(tags=["health"])


@router.get("/api/health")
def health(store: StoreDep) -> dict[str, Any]:
    """Status, counts and versions; `analysis` tells the dashboard whether event views exist."""
    from .analysis_routes import analysis_available

    stats = store.stats()
    return {
        "status": "ok",
        "version": __version__,
        "db": str(store.path),
        "documents": stats["documents"],
        "records": stats["records"],
        "schema_version": stats["schema_version"],
        "extractor_version": stats["extractor_version"],
        "data_version": stats["data_version"],
        "analysis": analysis_available(),
    }
