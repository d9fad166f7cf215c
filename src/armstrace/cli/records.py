"""`armstrace records`: query stored records as a table, JSONL or CSV."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from ..export import rows_of, write_csv, write_jsonl
from ..store import Store
from .app import DbOption, app, err_console, out_console


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


# The record filters, shared with `armstrace export`.
TypeOption = typer.Option(None, "--type", help="transfer, use, production, training or sanction.")
ActorOption = typer.Option(None, "--actor", help="Actor or recipient id, e.g. IRN or houthis.")
WeaponOption = typer.Option(None, "--weapon", help="Model id (shahed-136) or class (uav).")
ClaimantOption = typer.Option(None, "--claimant", help="Claimant id, or 'author'.")
StanceOption = typer.Option(None, "--stance", help="asserted, hedged or denied.")


@app.command()
def records(
    db: Path = DbOption,
    type: str | None = TypeOption,
    actor: str | None = ActorOption,
    weapon: str | None = WeaponOption,
    claimant: str | None = ClaimantOption,
    stance: str | None = StanceOption,
    limit: int | None = typer.Option(None, "--limit", min=1,
                                     help="At most this many records (default: 100 in a table, all in jsonl/csv)."),
    format: Format = typer.Option(Format.table, "--format", help="table, jsonl or csv."),
) -> None:
    """List stored claim records, filtered.

    Example: armstrace records --db armstrace.db --actor IRN --weapon shahed-136 --format jsonl
    """
    if limit is None and format is Format.table:
        limit = 100
    with Store(db, readonly=True) as store:
        found = store.records(type=type, actor=actor, weapon=weapon, claimant=claimant, stance=stance, limit=limit)
        total = store.count_records(type=type, actor=actor, weapon=weapon, claimant=claimant, stance=stance)
        rows = rows_of(store, found) if format is not Format.table else []
    if format is Format.jsonl:
        write_jsonl(rows, sys.stdout)
    elif format is Format.csv:
        write_csv(rows, sys.stdout)
    else:
        table = Table(title=Text(f"{len(found)} of {total} records in {db}"), show_lines=False)
        for col in ("id", "type", "actor", "recipient", "class", "weapons", "qty", "claimant", "stance", "evidence"):
            table.add_column(col, overflow="fold")
        for rec in found:
            qty = "" if rec.quantity is None else f"{rec.quantity.min or ''}-{rec.quantity.max or ''}"
            # Text(): article text is data, never Rich markup ("[/]" in a page must print as is).
            cells = (rec.record_id, rec.type, rec.actor, rec.recipient or "", rec.weapon_class or "",
                     ",".join(rec.weapons), qty, rec.claimant, rec.stance,
                     rec.evidence[:90] + ("…" if len(rec.evidence) > 90 else ""))
            table.add_row(*(Text(cell) for cell in cells))
        out_console.print(table)
    if not found:
        err_console.print("no records match", markup=False)
    elif len(found) < total:
        err_console.print(f"{len(found)} of {total} matching records shown (use --limit)", markup=False)
