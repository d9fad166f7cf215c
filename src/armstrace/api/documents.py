"""GET /api/documents and /api/documents/{doc_id}: stored articles, with text and skip spans."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from .deps import LimitParam, OffsetParam, StoreDep

router = APIRouter(tags=["documents"])


@router.get("/api/documents")
def list_documents(
    store: StoreDep,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> dict[str, Any]:
    """Documents without their text, by doc_id, one page at a time."""
    items = [summary.model_dump() for summary in store.documents(limit=limit, offset=offset)]
    return {"items": items, "total": store.count_documents(), "limit": limit, "offset": offset}


@router.get("/api/documents/{doc_id}")
def get_document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    """One article: its stored text (every evidence offset points into it), skip spans, and its records."""
    article = store.get_document(doc_id)
    records = store.records(doc_id=doc_id)
    return {
        **article.model_dump(mode="json"),
        "records": [
            {"id": rec.record_id, "type": rec.type, "actor": rec.actor, "recipient": rec.recipient,
             "claimant": rec.claimant, "stance": rec.stance,
             "evidence_start": rec.evidence_start, "evidence_end": rec.evidence_end}
            for rec in records
        ],
    }
