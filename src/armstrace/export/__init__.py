"""Exports: records, events or arms-register rows as CSV, Parquet or JSON lines; records as GraphML
or FollowTheMoney entities.

    from armstrace.export import export_records, export_table
    from armstrace.store import RecordFilter, Store
    with Store("events.db", readonly=True) as store:
        export_records(store, "iran.parquet", format="parquet", where=RecordFilter(actor="IRN"))
        export_table(store, "events.csv", what="events", format="csv", where=RecordFilter(actor="IRN"))

Each format is one small module (`csv`, `jsonl`, `parquet` with its typed
schemas, `graphml`, `ftm`) and each table one more (`columns` for records,
`events`, `register`), imported when asked for; each file is written beside
its destination and renamed over it when complete (`files.atomic_path`), so
a failed export leaves no half file. Records and events are read a page at
a time in one read snapshot.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from ..errors import UsageError
from ..store import RecordFilter, Store
from .columns import RECORD_COLUMNS
from .csv import CSV_FIELDS, write_csv, write_table_csv
from .files import atomic_path
from .jsonl import write_jsonl, write_table_jsonl
from .rows import Row, rows_of, selected_rows

ExportFormat = Literal["csv", "parquet", "graphml", "jsonl", "register", "ftm"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
What = Literal["records", "events", "register"]
WHATS: tuple[str, ...] = get_args(What)
TABLE_FORMATS = ("csv", "parquet", "jsonl")

__all__ = [
    "CSV_FIELDS", "FORMATS", "RECORD_COLUMNS", "WHATS", "ExportFormat", "ExportSummary", "Row", "What",
    "export_records", "export_table", "rows_of", "selected_rows", "write_csv", "write_jsonl",
]


@dataclass(frozen=True)
class ExportSummary:
    """What one export wrote: how many rows (records, events or register rows), and for GraphML the graph."""

    path: Path
    format: str
    records: int
    actors: int | None = None
    edges: int | None = None
    without_target: int | None = None   # GraphML: records with no recipient or location, so no edge
    what: str = "records"
    entities: int | None = None         # FollowTheMoney: entities written


def _write_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], temp: Path, format: str, *,
                schema: Any = None, excel: bool = False) -> int:
    """Dict rows to CSV, JSONL or Parquet (pyarrow only imported for Parquet)."""
    if format == "parquet":
        from .parquet import typed, write_table_parquet

        return write_table_parquet(rows, schema, temp, typed(schema))
    with open(temp, "w", encoding="utf-8", newline="") as fh:   # the csv module writes its own line ends
        if format == "csv":
            return write_table_csv(rows, columns, fh, excel=excel)
        return write_table_jsonl(rows, fh)


def _check(what: str, format: str, excel: bool) -> None:
    if format not in FORMATS:
        raise UsageError(f"format {format!r}: unknown export format (use one of {', '.join(FORMATS)})")
    if what not in WHATS:
        raise UsageError(f"what {what!r}: unknown (use one of {', '.join(WHATS)})")
    if what != "records" and format not in TABLE_FORMATS:
        raise UsageError(f"--what {what} is written as csv, parquet or jsonl, not {format}")
    if excel and format not in ("csv", "register"):
        raise UsageError("--excel applies to CSV (--format csv or register) only")


def export_records(store: Store, out: str | Path, *, format: str, where: RecordFilter | None = None,
                   limit: int | None = None, excel: bool = False) -> ExportSummary:
    """Write the records `where` selects (at most `limit`) to `out` in `format`, whole or not at all.

    `register` and `ftm` are built from those records too: register rows, FollowTheMoney entities.
    """
    if format == "register":
        return export_table(store, out, what="register", format="csv", where=where, limit=limit, excel=excel)
    _check("records", format, excel)
    path = Path(out)
    with store.snapshot(), atomic_path(path) as temp:
        rows = selected_rows(store, where, limit=limit)
        if format == "graphml":   # networkx, pyarrow and followthemoney are imported for their format only
            from .graphml import write_graphml

            graph = write_graphml(rows, temp)
            return ExportSummary(path, format, records=graph.edges + graph.without_target, actors=graph.actors,
                                 edges=graph.edges, without_target=graph.without_target)
        if format == "ftm":
            from .ftm import write_ftm

            counted = write_ftm(store, rows, temp)
            return ExportSummary(path, format, records=counted.records, entities=counted.entities)
        if format == "parquet":
            from .parquet import write_parquet

            return ExportSummary(path, format, records=write_parquet(rows, temp))
        with open(temp, "w", encoding="utf-8", newline="") as fh:
            n = write_csv(rows, fh, excel=excel) if format == "csv" else write_jsonl(rows, fh)
        return ExportSummary(path, format, records=n)


def _table(store: Store, what: str, where: RecordFilter, limit: int | None) -> tuple[Iterator[dict[str, Any]],
                                                                                     tuple[str, ...], Any]:
    """The rows, columns and Parquet schema of the events or register table."""
    from .events import EVENT_COLUMNS, selected_events
    from .register import REGISTER_COLUMNS, register_rows

    if what == "events":
        rows = selected_events(store, type=where.type, actor=where.actor, weapon=where.weapon, limit=limit,
                               include_rejected=where.include_rejected)
        return rows, EVENT_COLUMNS, "events"
    return iter(register_rows(store, where, limit=limit)), REGISTER_COLUMNS, "register"


def export_table(store: Store, out: str | Path, *, what: str, format: str, where: RecordFilter | None = None,
                 limit: int | None = None, excel: bool = False) -> ExportSummary:
    """Write the events or register rows of the selection to `out` as CSV, Parquet or JSONL."""
    if what == "records":
        return export_records(store, out, format=format, where=where, limit=limit, excel=excel)
    if what == "register" and format == "register":
        format = "csv"
    _check(what, format, excel)
    where = where or RecordFilter()
    if what == "events" and (where.claimant is not None or where.stance is not None):
        raise UsageError("--what events filters by --type, --actor and --weapon (claimant and stance are a "
                         "record's; see the asserting, hedging and denying columns)")
    path = Path(out)
    with store.snapshot(), atomic_path(path) as temp:
        rows, columns, name = _table(store, what, where, limit)
        schema = None
        if format == "parquet":
            from .tables import schema_of

            schema = schema_of(name)
        return ExportSummary(path, format, records=_write_rows(rows, columns, temp, format, schema=schema,
                                                                excel=excel), what=what)
