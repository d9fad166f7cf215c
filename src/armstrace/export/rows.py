"""What every record export holds: the records a filter selects, each with its event, document and review.

A record alone names its document by id and its event not at all; an
analyst's row needs the event id (to count events, not claims), the source's
url and title, and the current review. `selected_rows` reads them a page at a
time in the caller's read snapshot.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..analysis.events import event_of_record
from ..errors import NotFound
from ..records import Record
from ..store import RecordFilter, Store
from ..store.reviews import ReviewState, corrected, reviews_for

# Records read from the database per query: an export of any size holds one page in memory.
PAGE = 5_000


@dataclass(frozen=True)
class Row:
    """One exported record, its review (None when unreviewed), its event and its document's url and title."""

    record: Record
    review: ReviewState | None
    event_id: str | None = None     # None until ingest has joined the record into an event
    url: str | None = None
    title: str | None = None
    id: str = ""                    # the record id, hashed once per export ("" : ask the record)
    stored: Record | None = None    # the record as extracted, when a review corrected it (`record` is corrected)

    @property
    def record_id(self) -> str:
        """The record's id (computed once in `rows_of`)."""
        return self.id or self.record.record_id


class Documents:
    """Document url and title by id, read once per export (no text: a summary is a few hundred bytes)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._by_id: dict[str, tuple[str | None, str | None]] | None = None

    def get(self, doc_id: str) -> tuple[str | None, str | None]:
        """(url, title) of a document, (None, None) when it has neither."""
        if self._by_id is None:
            self._by_id = {d.doc_id: (d.url, d.title) for d in self._store.documents()}
        return self._by_id.get(doc_id, (None, None))


def _event_id(store: Store, record_id: str) -> str | None:
    try:
        return event_of_record(store, record_id)
    except NotFound:
        return None


def rows_of(store: Store, records: Iterable[Record], documents: Documents | None = None) -> list[Row]:
    """Rows of some records: each with its review, event id and document url and title."""
    documents = documents or Documents(store)
    pairs = [(rec.record_id, rec) for rec in records]
    reviews = reviews_for(store, [record_id for record_id, _ in pairs])
    # Corrections are applied; the row keeps the stored id, and `review_corrections` what was changed.
    rows = []
    for record_id, rec in pairs:
        review = reviews.get(record_id)
        fixed = corrected(rec, review)
        rows.append(Row(fixed, review, _event_id(store, record_id), *documents.get(rec.doc_id), id=record_id,
                        stored=rec if fixed is not rec else None))
    return rows


def selected_rows(store: Store, where: RecordFilter | None = None, *, limit: int | None = None) -> Iterator[Row]:
    """The records `where` selects, in `Store.records` order, as rows, read a page at a time."""
    where = where or RecordFilter()
    documents = Documents(store)
    offset = 0
    while limit is None or offset < limit:
        size = PAGE if limit is None else min(PAGE, limit - offset)
        page = store.records(where, limit=size, offset=offset)
        yield from rows_of(store, page, documents)
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
