"""The armstrace database: documents and claim records in one SQLite file.

    from armstrace.store import Store
    with Store("armstrace.db") as store:
        store.save_document(article, records)   # "added", "unchanged" or "replaced"
        store.records(actor="IRN", weapon="shahed-136")
"""
from __future__ import annotations

from .database import BUSY_TIMEOUT_MS, SaveOutcome, Store
from .migrations import LATEST_VERSION, MIGRATIONS
from .queries import FilterFields, RecordFilter, weapon_class_of, weapon_key
from .rows import DocumentSummary

__all__ = [
    "BUSY_TIMEOUT_MS",
    "LATEST_VERSION",
    "MIGRATIONS",
    "DocumentSummary",
    "FilterFields",
    "RecordFilter",
    "SaveOutcome",
    "Store",
    "weapon_class_of",
    "weapon_key",
]
