"""Exports: the records a filter selects, with their reviews, as CSV, Parquet, GraphML or JSON lines.

    from armstrace.export import export_records
    from armstrace.store import RecordFilter, Store
    with Store("events.db", readonly=True) as store:
        export_records(store, "iran.parquet", format="parquet", where=RecordFilter(actor="IRN"))

Each format is one small module (`csv`, `jsonl`, `parquet` with its typed
`SCHEMA`, `graphml`), imported when its format is asked for; each
file is written beside its destination and renamed over it when complete
(`files.atomic_path`), so a failed export leaves no half file. Records are
read a page at a time in one read snapshot, so an export of any size holds a
page in memory (GraphML: the graph).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from ..errors import UsageError
from ..store import RecordFilter, Store
from .csv import CSV_FIELDS, write_csv
from .files import atomic_path
from .jsonl import write_jsonl
from .rows import Row, selected_rows

ExportFormat = Literal["csv", "parquet", "graphml", "jsonl"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)

__all__ = [
    "CSV_FIELDS",
    "FORMATS",
    "ExportFormat",
    "ExportSummary",
    "Row",
    "export_records",
    "selected_rows",
    "write_csv",
    "write_jsonl",
]


@dataclass(frozen=True)
class ExportSummary:
    """What one export wrote: how many records, and for GraphML the graph's size."""

    path: Path
    format: str
    records: int
    actors: int | None = None
    edges: int | None = None
    without_target: int | None = None   # GraphML: records with no recipient or location, so no edge


def export_records(store: Store, out: str | Path, *, format: str, where: RecordFilter | None = None,
                   limit: int | None = None) -> ExportSummary:
    """Write the records `where` selects (at most `limit`) to `out` in `format`, whole or not at all."""
    if format not in FORMATS:
        raise UsageError(f"format {format!r}: unknown export format (use one of {', '.join(FORMATS)})")
    path = Path(out)
    with store.snapshot(), atomic_path(path) as temp:
        rows = selected_rows(store, where, limit=limit)
        # pyarrow and networkx are imported for their format only: `armstrace records` stays quick to start.
        if format == "graphml":
            from .graphml import write_graphml

            graph = write_graphml(rows, temp)
            return ExportSummary(path, format, records=graph.edges + graph.without_target, actors=graph.actors,
                                 edges=graph.edges, without_target=graph.without_target)
        if format == "parquet":
            from .parquet import write_parquet

            return ExportSummary(path, format, records=write_parquet(rows, temp))
        # newline="": the csv module writes its own line ends (RFC 4180: CRLF), untranslated.
        with open(temp, "w", encoding="utf-8", newline="") as fh:
            n = write_csv(rows, fh) if format == "csv" else write_jsonl(rows, fh)
        return ExportSummary(path, format, records=n)
