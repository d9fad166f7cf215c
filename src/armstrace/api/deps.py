"""What every resource shares: the open Store, the record filters, and a record as JSON.

The filters are declared once here so that /api/records, /api/network,
/api/weapons and /api/timeline accept the same parameters with the same
meaning (the same names as the CLI options).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypedDict

from fastapi import Depends, Query, Request

from ..records import Record
from ..store import Store
from ..store.reviews import reviews_for

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_LIMIT = 500


def get_store(request: Request) -> Store:
    """The Store the app opened at start-up."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


class Filters(TypedDict):
    """The keyword arguments `Store.records()` and `Store.count_records()` take, None meaning any."""

    type: str | None
    actor: str | None
    recipient: str | None
    weapon: str | None
    claimant: str | None
    stance: str | None
    doc_id: str | None
    since: str | None
    until: str | None
    text: str | None


def record_filters(
    type: Literal["transfer", "use", "production", "training", "sanction"] | None = Query(
        None, description="Event type."),
    actor: str | None = Query(None, description="Actor or recipient id (either side), e.g. IRN."),
    recipient: str | None = Query(None, description="Recipient id, e.g. RUS."),
    weapon: str | None = Query(None, description="Model id (shahed-136) or weapon class (uav)."),
    claimant: str | None = Query(None, description="Claimant id, or 'author'."),
    stance: Literal["asserted", "denied", "hedged"] | None = Query(None, description="Stance of the claim."),
    doc_id: str | None = Query(None, description="Only records of this document."),
    since: str | None = Query(None, pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], event time else published."),
    until: str | None = Query(None, pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], inclusive."),
    q: str | None = Query(None, max_length=200, description="Text the evidence sentence contains."),
) -> Filters:
    """The record filters as `Store.records()` keyword arguments (empty strings mean no filter)."""
    return Filters(type=type or None, actor=actor or None, recipient=recipient or None, weapon=weapon or None,
                   claimant=claimant or None, stance=stance or None, doc_id=doc_id or None, since=since or None,
                   until=until or None, text=q or None)


FiltersDep = Annotated[Filters, Depends(record_filters)]


def records_json(store: Store, records: Sequence[Record]) -> list[dict[str, Any]]:
    """Records as the API returns them: the JSONL fields plus `review` (null when not reviewed)."""
    reviews = reviews_for(store, [rec.record_id for rec in records])
    items = []
    for rec in records:
        review = reviews.get(rec.record_id)
        items.append({**rec.to_json(), "review": review.model_dump() if review else None})
    return items


def event_date(record: Record) -> tuple[str | None, str | None]:
    """(date, where it came from): the event time the text gives, else the publication date."""
    if record.time:
        return record.time, "time"
    if record.published:
        return record.published, "published"
    return None, None
