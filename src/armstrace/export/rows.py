"""What every record export holds: the records a filter selects, each with its event, document and review.

A record alone names its document by id and its event not at all; an
analyst's row needs the event id (to count events, not claims), the source's
url and title, and the current review. `selected_rows` reads them a page at a
time in the caller's read snapshot, each page starting after the last
(`store.paging`), with one query per page for their events.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis.access import chunks, query
from ..records import Record
from ..store import RecordFilter, Store
from ..store.paging import record_pages
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


def event_ids_of(store: Store, record_ids: Sequence[str]) -> dict[str, str]:
    """The event id of each record among `record_ids` that is in one, in one query per 500 ids.

    A query per record (`event_of_record`) was 66,847 queries for an export at 10,000 articles.
    """
    found: dict[str, str] = {}
    for part in chunks(record_ids):
        marks = ",".join("?" * len(part))
        rows = query(store, f"SELECT record_id, event_id FROM event_claims WHERE record_id IN ({marks})", part)
        found.update((str(row[0]), str(row[1])) for row in rows)
    return found


def rows_of(store: Store, records: Iterable[Record], documents: Documents | None = None) -> list[Row]:
    """Rows of some records: each with its review, event id and document url and title."""
    documents = documents or Documents(store)
    pairs = [(rec.record_id, rec) for rec in records]
    ids = [record_id for record_id, _ in pairs]
    reviews = reviews_for(store, ids)
    events = event_ids_of(store, ids)
    # Corrections are applied; the row keeps the stored id, and `review_corrections` what was changed.
    rows = []
    for record_id, rec in pairs:
        review = reviews.get(record_id)
        fixed = corrected(rec, review)
        rows.append(Row(fixed, review, events.get(record_id), *documents.get(rec.doc_id), id=record_id,
                        stored=rec if fixed is not rec else None))
    return rows


def selected_rows(store: Store, where: RecordFilter | None = None, *, limit: int | None = None) -> Iterator[Row]:
    """The records `where` selects, in `Store.records` order, as rows, read a page at a time (keyset paging)."""
    documents = Documents(store)
    for page in record_pages(store, where, limit=limit, size=PAGE):
        yield from rows_of(store, page, documents)


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
