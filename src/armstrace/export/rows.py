"""What every export holds: the records a filter selects, each with its current analyst review."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..records import Record
from ..store import RecordFilter, Store
from ..store.reviews import ReviewState, reviews_for

# Records read from the database per query: an export of any size holds one page in memory.
PAGE = 5_000


@dataclass(frozen=True)
class Row:
    """One exported record and its review (None when no analyst has reviewed it)."""

    record: Record
    review: ReviewState | None


def selected_rows(store: Store, where: RecordFilter | None = None, *, limit: int | None = None) -> Iterator[Row]:
    """The records `where` selects, in `Store.records` order, with their reviews, read a page at a time."""
    where = where or RecordFilter()
    offset = 0
    while limit is None or offset < limit:
        size = PAGE if limit is None else min(PAGE, limit - offset)
        page = store.records(where, limit=size, offset=offset)
        reviews = reviews_for(store, [rec.record_id for rec in page])
        for rec in page:
            yield Row(rec, reviews.get(rec.record_id))
        if len(page) < size:
            return
        offset += len(page)


def review_fields(review: ReviewState | None) -> dict[str, Any]:
    """The review as flat fields: review (right, wrong or corrected), review_corrections (JSON), reviewer, reviewed_at."""
    if review is None:
        return {"review": None, "review_corrections": None, "reviewer": None, "reviewed_at": None}
    return {
        "review": review.verdict or "corrected",
        "review_corrections": json.dumps(review.corrections, ensure_ascii=False),
        "reviewer": review.reviewer,
        "reviewed_at": review.at,
    }
