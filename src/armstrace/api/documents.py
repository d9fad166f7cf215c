"""GET /api/documents and /api/documents/{doc_id}: stored articles, with text and skip spans.

`source_path` is answered as the file's name alone: where the server's files
live is none of a client's business. A web address (a document fetched from
the web) is public and answered whole.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from fastapi import APIRouter

from ..addresses import is_address
from .deps import LimitParam, OffsetParam, StoreDep

router = APIRouter(tags=["documents"])


@router.get("/api/documents")
def list_documents(
    store: StoreDep,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> dict[str, Any]:
    """Documents without their text, by doc_id, one page at a time."""
    items = [_without_folder(summary.model_dump()) for summary in store.documents(limit=limit, offset=offset)]
    return {"items": items, "total": store.count_documents(), "limit": limit, "offset": offset}


@router.get("/api/documents/{doc_id}")
def get_document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    """One article: its stored text (every evidence offset points into it), skip spans, and its records."""
    article = store.get_document(doc_id)
    records = store.records(doc_id=doc_id)
    return {
        **_without_folder(article.model_dump(mode="json")),
        "records": [
            {"id": rec.record_id, "type": rec.type, "actor": rec.actor, "recipient": rec.recipient,
             "claimant": rec.claimant, "stance": rec.stance,
             "evidence_start": rec.evidence_start, "evidence_end": rec.evidence_end}
            for rec in records
        ],
    }


def _without_folder(item: dict[str, Any]) -> dict[str, Any]:
    """`item` with its `source_path` cut to the file name, unless it is a web address."""
    if item.get("source_path") and not is_address(item["source_path"]):
        item["source_path"] = PurePath(item["source_path"]).name
    return item
