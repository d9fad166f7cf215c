"""Articles and records <-> table rows, losslessly: what goes in comes back equal."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..records import Article, Quantity, Record

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "content_hash", "title", "url", "published", "source_path", "source_format",
    "text", "skip_spans", "ingested_at", "page_starts",
)

RECORD_COLUMNS: tuple[str, ...] = (
    "record_id", "doc_id", "type", "actor", "recipient", "location", "place", "weapon_class",
    "weapons", "has_quantity", "quantity_min", "quantity_max", "claimant", "speaker", "stance",
    "time", "time_precision", "violates", "evidence", "evidence_start", "evidence_end", "trigger",
    "rules", "gazetteer_ids", "confidence", "extractor_version", "data_version", "published",
    "position", "page",
)

# Record fields held as JSON text.
_JSON_LISTS = ("weapons", "violates", "rules", "gazetteer_ids")


class DocumentSummary(BaseModel):
    """One line of `Store.documents()`: a document without its text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    source_path: str | None
    n_records: int
    ingested_at: str


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def document_row(article: Article, ingested_at: str) -> dict[str, Any]:
    """The `documents` row of an article."""
    return {
        "doc_id": article.doc_id,
        "content_hash": article.content_hash,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "source_path": article.source_path,
        "source_format": article.source_format,
        "text": article.text,
        "skip_spans": _dumps([list(span) for span in article.skip_spans]),
        "ingested_at": ingested_at,
        "page_starts": _dumps(article.page_starts),
    }


def article_of(row: sqlite3.Row) -> Article:
    """The Article a `documents` row holds."""
    return Article(
        doc_id=row["doc_id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        source_path=row["source_path"],
        source_format=row["source_format"],
        skip_spans=[(int(start), int(end)) for start, end in json.loads(row["skip_spans"])],
        page_starts=[int(start) for start in json.loads(row["page_starts"])],
    )


def summary_of(row: sqlite3.Row) -> DocumentSummary:
    """The DocumentSummary of a `documents` row joined with its record count."""
    return DocumentSummary(
        doc_id=row["doc_id"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        source_path=row["source_path"],
        n_records=row["n_records"],
        ingested_at=row["ingested_at"],
    )


def record_row(record: Record, position: int) -> dict[str, Any]:
    """The `records` row of a record; `position` is its index in the document's list."""
    quantity = record.quantity
    row: dict[str, Any] = {
        "record_id": record.record_id,
        "doc_id": record.doc_id,
        "type": record.type,
        "actor": record.actor,
        "recipient": record.recipient,
        "location": record.location,
        "place": record.place,
        "weapon_class": record.weapon_class,
        "has_quantity": int(quantity is not None),
        "quantity_min": quantity.min if quantity is not None else None,
        "quantity_max": quantity.max if quantity is not None else None,
        "claimant": record.claimant,
        "speaker": record.speaker,
        "stance": record.stance,
        "time": record.time,
        "time_precision": record.time_precision,
        "evidence": record.evidence,
        "evidence_start": record.evidence_start,
        "evidence_end": record.evidence_end,
        "trigger": record.trigger,
        "confidence": record.confidence,
        "extractor_version": record.extractor_version,
        "data_version": record.data_version,
        "published": record.published,
        "position": position,
        "page": record.page,
    }
    for name in _JSON_LISTS:
        row[name] = _dumps(list(getattr(record, name)))
    return row


def record_of(row: sqlite3.Row) -> Record:
    """The Record a `records` row holds."""
    data: dict[str, Any] = {
        name: row[name] for name in RECORD_COLUMNS
        if name not in ("record_id", "has_quantity", "quantity_min", "quantity_max", "position")
    }
    for name in _JSON_LISTS:
        data[name] = json.loads(row[name])
    data["quantity"] = (
        Quantity(min=row["quantity_min"], max=row["quantity_max"]) if row["has_quantity"] else None
    )
    return Record.model_validate(data)


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """`INSERT INTO table (...) VALUES (:col, ...)` for a fixed table and column list."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"
