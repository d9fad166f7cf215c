"""POST /api/records/{record_id}/review and GET /api/records/{record_id}/reviews: the audit trail."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from ..store.reviews import add_review, review_history, reviews_for
from .deps import StoreDep, WriterDep

router = APIRouter(tags=["reviews"])


class ReviewIn(BaseModel):
    """What an analyst says about a record: a verdict, corrected fields, or both."""

    model_config = ConfigDict(extra="forbid")

    verdict: Literal["right", "wrong"] | None = None
    corrections: dict[str, Any] = Field(default_factory=dict)
    reviewer: str = Field(min_length=1, max_length=100)


@router.post("/api/records/{record_id}/review", status_code=201)
def post_review(record_id: str, review: ReviewIn, store: WriterDep) -> dict[str, Any]:
    """Append a review; returns it and the record's review state after it."""
    added = add_review(store, record_id, verdict=review.verdict, corrections=review.corrections,
                       reviewer=review.reviewer)
    state = reviews_for(store, [record_id])[record_id]
    return {"review": added.model_dump(), "state": state.model_dump()}


@router.get("/api/records/{record_id}/reviews")
def get_reviews(record_id: str, store: StoreDep) -> dict[str, Any]:
    """Every review of the record, oldest first."""
    store.get_record(record_id)  # NotFound for an id that was never stored
    history = review_history(store, record_id)
    return {"items": [review.model_dump() for review in history], "total": len(history)}
