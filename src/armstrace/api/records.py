"""GET /api/records (filtered, paginated) and /api/records/{record_id}."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..analysis import event_of_record
from ..errors import NotFound
from ..store import Store
from .deps import FiltersDep, LimitParam, OffsetParam, StoreDep, records_json

router = APIRouter(tags=["records"])


@router.get("/api/records")
def list_records(
    store: StoreDep,
    filters: FiltersDep,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> dict[str, Any]:
    """Records matching every filter, in document order; `total` counts all matches."""
    found = store.records(filters, limit=limit, offset=offset)
    return {"items": records_json(store, found), "total": store.count_records(filters),
            "limit": limit, "offset": offset}


@router.get("/api/records/{record_id}")
def get_record(record_id: str, store: StoreDep) -> dict[str, Any]:
    """One record with its review, the title and date of its document, and its event (null if none)."""
    record = store.get_record(record_id)
    article = store.get_document(record.doc_id)
    item = records_json(store, [record])[0]
    item["document"] = {"doc_id": article.doc_id, "title": article.title, "url": article.url,
                        "published": article.published}
    item["event_id"] = _event_id(store, record_id)
    return item


def _event_id(store: Store, record_id: str) -> str | None:
    """The record's event, None while it is in none yet (events pending: see /api/health)."""
    try:
        return event_of_record(store, record_id)
    except NotFound:
        return None
