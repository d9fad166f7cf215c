"""POST /api/records/{record_id}/review, GET /api/records/{record_id}/reviews, GET /api/whoami.

A review is recorded under the name of the write token that sent it
(`Authorization: Bearer TOKEN`, see tokens.py), not under a name in the body:
free text would let anyone sign as anyone.
"""
from __future__ import annotations

import json

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import BadInput
from ..store.reviews import add_review, review_history, reviews_for
from .deps import StoreDep, WriterDep
from .tokens import MAX_NAME_CHARS, reviewer_for

router = APIRouter(tags=["reviews"])


class ReviewIn(BaseModel):
    """What an analyst says about a record: a verdict, corrected fields, or both."""

    model_config = ConfigDict(extra="forbid")

    verdict: Literal["right", "wrong"] | None = None
    corrections: dict[str, Any] = Field(default_factory=dict, max_length=50)
    reviewer: str | None = Field(None, max_length=MAX_NAME_CHARS, description=(
        "Optional, and only as a check: the review is recorded under the token's name, and a different "
        "name here is refused (400)."))

    @model_validator(mode="after")
    def _text_only(self) -> ReviewIn:
        """JSON may escape half a UTF-16 pair ("\\ud800"); no stored text can hold one (422, not a 500)."""
        try:
            json.dumps([self.reviewer, self.corrections], ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("a lone surrogate (an escaped half of a UTF-16 pair) is no character") from None
        return self


def reviewer(request: Request) -> str:
    """Who is writing: the name of the request's token (or the owner's, for a token-less loopback write)."""
    return reviewer_for(request.app.state.db_path, request.headers.get("authorization"),
                        required=request.app.state.require_token)


ReviewerDep = Annotated[str, Depends(reviewer)]


@router.post("/api/records/{record_id}/review", status_code=201)
def post_review(record_id: str, review: ReviewIn, store: WriterDep, name: ReviewerDep) -> dict[str, Any]:
    """Append a review, under the token's name; returns it and the record's review state after it."""
    if review.reviewer is not None and review.reviewer.strip() != name:
        raise BadInput(f"reviewer: reviews from this token are recorded as {name!r}; leave `reviewer` out")
    added = add_review(store, record_id, verdict=review.verdict, corrections=review.corrections, reviewer=name)
    state = reviews_for(store, [record_id])[record_id]
    return {"review": added.model_dump(), "state": state.model_dump()}


@router.get("/api/records/{record_id}/reviews")
def get_reviews(record_id: str, store: StoreDep) -> dict[str, Any]:
    """Every review of the record, oldest first."""
    store.get_record(record_id)  # NotFound for an id that was never stored
    history = review_history(store, record_id)
    return {"items": [review.model_dump() for review in history], "total": len(history)}


@router.get("/api/whoami")
def whoami(request: Request) -> dict[str, Any]:
    """Whether writes need a token here, and the name this request's reviews would be recorded under.

    `reviewer` is null when a token is required and none was sent; an unknown token is a 401.
    """
    required: bool = request.app.state.require_token
    authorization = request.headers.get("authorization")
    name = reviewer_for(request.app.state.db_path, authorization, required=required) if (
        authorization or not required) else None
    return {"token_required": required, "reviewer": name}
