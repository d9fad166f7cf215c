"""What every resource shares: the open Stores, the record filters, and a record as JSON.

The filters are declared once here so that /api/records, /api/network,
/api/weapons and /api/timeline accept the same parameters with the same
meaning (the same names as the CLI options).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ..records import EventType, Record, Stance
from ..store import RecordFilter, Store
from ..store.reviews import record_with_review, reviews_for

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_LIMIT = 500


def get_store(request: Request) -> Store:
    """The read-only Store the app opened at start-up: GET routes cannot write."""
    store: Store = request.app.state.store
    return store


def get_writer(request: Request) -> Store:
    """The writable Store, for the routes that record reviews."""
    writer: Store = request.app.state.writer
    return writer


StoreDep = Annotated[Store, Depends(get_store)]
WriterDep = Annotated[Store, Depends(get_writer)]
TypeParam = Annotated[EventType | None, Query(description="Event type.")]
StanceParam = Annotated[Stance | None, Query(description="Stance of the claim.")]


def record_filters(
    type: TypeParam = None,
    actor: str | None = Query(None, description="Actor or recipient id (either side), e.g. IRN."),
    recipient: str | None = Query(None, description="Recipient id, e.g. RUS."),
    weapon: str | None = Query(None, description="Model id (shahed-136) or weapon class (uav)."),
    claimant: str | None = Query(None, description="Claimant id, or 'author'."),
    stance: StanceParam = None,
    doc_id: str | None = Query(None, description="Only records of this document."),
    since: str | None = Query(None, pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], event time else published."),
    until: str | None = Query(None, pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], inclusive."),
    q: str | None = Query(None, max_length=200, description="Text the evidence sentence contains."),
) -> RecordFilter:
    """The record filters as a RecordFilter (empty strings mean no filter)."""
    return RecordFilter(type=type or None, actor=actor or None, recipient=recipient or None, weapon=weapon or None,
                        claimant=claimant or None, stance=stance or None, doc_id=doc_id or None,
                        since=since or None, until=until or None, text=q or None)


FiltersDep = Annotated[RecordFilter, Depends(record_filters)]


def records_json(store: Store, records: Sequence[Record]) -> list[dict[str, Any]]:
    """Records as the API returns them: the JSONL fields plus `review` (null when not reviewed)."""
    reviews = reviews_for(store, [rec.record_id for rec in records])
    return [record_with_review(rec, reviews.get(rec.record_id)) for rec in records]
