"""GET /api/weapons: the weapon models named in records, with how often and where."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..store.aggregates import weapon_counts
from .deps import FiltersDep, StoreDep

router = APIRouter(tags=["weapons"])


@router.get("/api/weapons")
def weapons(store: StoreDep, filters: FiltersDep) -> dict[str, Any]:
    """Model ids with their record and document counts and weapon classes, most named first."""
    items = weapon_counts(store, filters)
    return {"items": items, "total": len(items)}
