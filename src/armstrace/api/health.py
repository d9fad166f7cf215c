"""GET /api/health: is the server up, which versions, how much is in it (never a file name or path)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..analysis import pending_updates
from ..version import __version__
from .deps import StoreDep

router = APIRouter(tags=["health"])


@router.get("/api/health")
def health(store: StoreDep) -> dict[str, Any]:
    """Status, counts and versions; `events_pending` counts records not yet in an event (0 after ingest)."""
    stats = store.stats()
    return {
        "status": "ok",
        "version": __version__,
        "documents": stats["documents"],
        "records": stats["records"],
        "schema_version": stats["schema_version"],
        "extractor_version": stats["extractor_version"],
        "data_version": stats["data_version"],
        "events_pending": pending_updates(store),
    }
