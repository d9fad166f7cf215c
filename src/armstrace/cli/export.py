"""`armstrace export`: records, events or arms-register rows to CSV, Parquet, JSONL, GraphML or FollowTheMoney."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..analysis import pending_updates
from ..export import ExportSummary, export_table
from ..store import RecordFilter, Store
from .app import DbOption, app, err_console
from ..store.lookup import resolve_filter
from .records import (
    ActorOption,
    ClaimantOption,
    IncludeRejectedOption,
    ReviewOption,
    StanceOption,
    TypeOption,
    WeaponOption,
)


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"
    jsonl = "jsonl"
    register = "register"
    ftm = "ftm"


class What(str, Enum):
    records = "records"
    events = "events"
    register = "register"


def _summary_line(summary: ExportSummary) -> str:
    unit = {"records": "records", "events": "events", "register": "register rows"}[summary.what]
    line = f"{summary.records} {unit} written to {summary.path} ({summary.format})"
    if summary.format == "graphml":
        line += f": {summary.actors} actors, {summary.edges} edges"
        if summary.without_target:
            line += f"; {summary.without_target} records name no recipient or location and have no edge"
    if summary.format == "ftm":
        line = f"{summary.records} records written to {summary.path} as {summary.entities} FollowTheMoney entities"
    return line


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format",
                                        help="csv, parquet (typed columns), jsonl, graphml (actors and claims as a "
                                             "network), register (arms-register rows as CSV) or ftm "
                                             "(FollowTheMoney entities, one JSON a line)."),
    out: Path = typer.Option(..., "--out", "-o", help="The file to write (replaced whole when the export is done)."),
    what: What = typer.Option(What.records, "--what",
                              help="records (one row per claim), events (one row per event) or register "
                                   "(one row per supplier, recipient, weapon and year); events and register "
                                   "as csv, parquet or jsonl."),
    excel: bool = typer.Option(False, "--excel", help="CSV for Excel: start the file with a UTF-8 byte-order mark."),
    db: Path = DbOption,
    type: str | None = TypeOption,
    actor: str | None = ActorOption,
    weapon: str | None = WeaponOption,
    claimant: str | None = ClaimantOption,
    stance: str | None = StanceOption,
    review: str | None = ReviewOption,
    include_rejected: bool = IncludeRejectedOption,
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many rows (default all)."),
) -> None:
    """Export stored records, events or register rows, filtered as in `armstrace records`.

    The README's "Exports" section lists each format's columns.

    Example: armstrace export --db events.db --actor IRN --format parquet --out iran.parquet
    """
    with Store(db, readonly=True) as store:
        where = resolve_filter(store, RecordFilter(type=type, actor=actor, weapon=weapon, claimant=claimant,
                                                   stance=stance, review=review, include_rejected=include_rejected))
        summary = export_table(store, out, what=what.value, format=format.value, where=where, limit=limit,
                               excel=excel)
        pending = pending_updates(store)
    err_console.print(_summary_line(summary), markup=False, highlight=False)
    if pending:
        err_console.print(f"{pending} records or events are not joined into events yet (their event_id is empty): "
                          "run `armstrace ingest` to bring events up to date", markup=False, highlight=False)
    if not summary.records:
        err_console.print(f"no {summary.what} match", markup=False)
