"""GET /api/timeline: records placed in time, by the event's date or else the article's."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from .deps import FiltersDep, StoreDep, event_date

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
    items = []
    undated = 0
    for rec in store.records(**filters):
        date, source = event_date(rec)
        if date is None:
            undated += 1
            continue
        items.append({
            "id": rec.record_id, "date": date, "date_source": source,
            "precision": rec.time_precision if source == "time" else "day",
            "type": rec.type, "actor": rec.actor, "recipient": rec.recipient, "stance": rec.stance,
            "claimant": rec.claimant, "weapon_class": rec.weapon_class, "doc_id": rec.doc_id,
        })
    items.sort(key=lambda item: (item["date"], item["doc_id"]))
    return {"items": items[:limit], "total": len(items), "undated": undated, "limit": limit}
