"""The columns of a record export, in order: one list for CSV, Parquet and JSON lines.

The names and their order are part of the export's contract: they are listed
in docs/records.md ("Exported columns") and a test pins both. Values here are
plain Python (lists stay lists); each format writes them its way (CSV joins
lists with ";", Parquet types them).
"""
from __future__ import annotations

from typing import Any

from .names import actor_name, weapon_names
from .rows import Row, review_fields

RECORD_COLUMNS: tuple[str, ...] = (
    "id", "event_id", "doc_id", "type",
    "actor", "actor_name", "recipient", "recipient_name", "location", "location_name", "place",
    "weapon_class", "weapons", "weapon_names", "quantity_min", "quantity_max",
    "time", "time_precision", "published",
    "claimant", "claimant_name", "speaker", "stance", "violates",
    "evidence", "evidence_start", "evidence_end", "url", "title", "page",
    "trigger", "rules", "gazetteer_ids", "confidence", "extractor_version", "data_version",
    "review", "review_corrections", "reviewer", "reviewed_at",
)

LIST_COLUMNS: frozenset[str] = frozenset({"weapons", "weapon_names", "violates", "rules", "gazetteer_ids"})


def record_values(row: Row) -> dict[str, Any]:
    """One record's export values, keyed by RECORD_COLUMNS (None where it has no value)."""
    rec = row.record
    values: dict[str, Any] = rec.model_dump(mode="json", exclude={"quantity"})
    values.update(
        id=row.record_id,
        event_id=row.event_id,
        actor_name=actor_name(rec.actor),
        recipient_name=actor_name(rec.recipient),
        location_name=actor_name(rec.location),
        weapon_names=weapon_names(rec.weapons),
        quantity_min=rec.quantity.min if rec.quantity else None,
        quantity_max=rec.quantity.max if rec.quantity else None,
        claimant_name=actor_name(rec.claimant),
        url=row.url,
        title=row.title,
        page=rec.page,      # the page of a PDF the evidence is on; None for other documents
    )
    values.update(review_fields(row.review))
    return {name: values[name] for name in RECORD_COLUMNS}
