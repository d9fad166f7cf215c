"""GET /api/meta: the vocabularies the dashboard offers, as the server defines them.

The dashboard reads these instead of keeping its own copies, which drifted:
its list of correctable fields once lacked `quantity` and `time_precision`.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..records import EVENT_TYPES, STANCES, WEAPON_CLASSES
from ..store.queries import REVIEW_STATES
from ..store.reviews import CORRECTABLE_FIELDS

router = APIRouter(tags=["health"])


@router.get("/api/meta")
def meta() -> dict[str, Any]:
    """Event types, weapon classes, stances, the record fields a review may correct, and the review states
    the `review` filter takes."""
    return {"event_types": list(EVENT_TYPES), "weapon_classes": list(WEAPON_CLASSES), "stances": list(STANCES),
            "correctable_fields": list(CORRECTABLE_FIELDS), "review_states": list(REVIEW_STATES)}
