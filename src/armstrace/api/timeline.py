"""GET /api/timeline: records placed by event time or by report time (`mode`), never both mixed.

`/api/timeline/undated` pages through the records the chosen mode cannot place.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ..store.timeline import dated_records, undated_records
from .deps import FiltersDep, LimitParam, OffsetParam, StoreDep

router = APIRouter(tags=["timeline"])

# A timeline of more points than this is unreadable; the dashboard says how many were left out.
MAX_POINTS = 5_000
ModeParam = Annotated[Literal["event", "report"],
                      Query(description="event: when it happened, as the text says (year, month or day); "
                                        "report: when the article was published.")]


@router.get("/api/timeline")
def timeline(
    store: StoreDep,
    filters: FiltersDep,
    mode: ModeParam = "event",
    limit: int = Query(2_000, ge=0, le=MAX_POINTS),
) -> dict[str, Any]:
    """Records dated in `mode`, in date order, each with its `precision`; `undated` counts the rest."""
    return {**dated_records(store, filters, limit, mode), "limit": limit}


@router.get("/api/timeline/undated")
def undated(
    store: StoreDep,
    filters: FiltersDep,
    mode: ModeParam = "event",
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> dict[str, Any]:
    """A page of the records `mode` gives no date (`{"items", "total", "limit", "offset"}`)."""
    return undated_records(store, filters, mode, limit, offset)
