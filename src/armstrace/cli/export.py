"""`armstrace export`: the records a filter selects, to a CSV, Parquet, GraphML or JSONL file."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..export import export_records
from ..store import RecordFilter, Store
from .app import DbOption, app, err_console
from .records import ActorOption, ClaimantOption, StanceOption, TypeOption, WeaponOption


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"
    jsonl = "jsonl"


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format",
                                        help="csv, parquet (typed columns), graphml (actors and claims as a "
                                             "network) or jsonl."),
    out: Path = typer.Option(..., "--out", "-o", help="The file to write (replaced whole when the export is done)."),
    db: Path = DbOption,
    type: str | None = TypeOption,
    actor: str | None = ActorOption,
    weapon: str | None = WeaponOption,
    claimant: str | None = ClaimantOption,
    stance: str | None = StanceOption,
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many records (default all)."),
) -> None:
    """Export stored records, with any analyst review, filtered as in `armstrace records`.

    The README's "Exports" section lists each format's columns.

    Example: armstrace export --db events.db --actor IRN --format parquet --out iran.parquet
    """
    where = RecordFilter(type=type, actor=actor, weapon=weapon, claimant=claimant, stance=stance)
    with Store(db, readonly=True) as store:
        summary = export_records(store, out, format=format.value, where=where, limit=limit)
    line = f"{summary.records} records written to {summary.path} ({summary.format})"
    if summary.format == "graphml":
        line += f": {summary.actors} actors, {summary.edges} edges"
        if summary.without_target:
            line += f"; {summary.without_target} records name no recipient or location and have no edge"
    err_console.print(line, markup=False, highlight=False)
    if not summary.records:
        err_console.print("no records match", markup=False)
