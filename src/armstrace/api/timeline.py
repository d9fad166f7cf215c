"""GET /api/timeline: records placed in time, by the event's date or else the article's."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from ..store.aggregates import dated_records
from .deps import FiltersDep, StoreDep

router = APIRouter(tags=["timeline"])

# A timeline of more points than this is unreadable; the dashboard says how many were left out.
MAX_POINTS = 5_000


@router.get("/api/timeline")
def timeline(
    store: StoreDep,
    filters: FiltersDep,
    limit: int = Query(2_000, ge=0, le=MAX_POINTS),
) -> dict[str, Any]:
    """Dated records in date order (`date_source`: time or published), and how many have no date."""
    return {**dated_records(store, filters, limit), "limit": limit}
