"""`armstrace records`: query stored records as a table, JSONL or CSV."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from ..export import rows_of, write_csv, write_jsonl
from ..records import Record
from ..resolve import actor_label, weapon_label
from ..store import RecordFilter, Store
from ..store.lookup import resolve_filter
from ..store.reviews import apply_reviews
from .app import DbOption, app, err_console, out_console


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


# The record filters, shared with `armstrace export`.
TypeOption = typer.Option(None, "--type", help="transfer, use, production, training or sanction.")
ActorOption = typer.Option(None, "--actor", help="Actor or recipient: an id or a name, demonym, capital or alias "
                                                 "(IRN, Iran, Tehran, Iranian, houthis).")
WeaponOption = typer.Option(None, "--weapon", help="A model id, name or alias (shahed-136, Geran-2), a family "
                                                   "(Shahed), or a class or its word (uav, drones).")
ClaimantOption = typer.Option(None, "--claimant", help="Claimant id or name, or 'author'.")
StanceOption = typer.Option(None, "--stance", help="asserted, hedged or denied.")
ReviewOption = typer.Option(None, "--review", help="Only records in this review state: unreviewed, reviewed, "
                                                   "right, wrong or corrected.")
IncludeRejectedOption = typer.Option(False, "--include-rejected",
                                     help="Also records reviewed wrong (left out by default).")


def named(ident: str | None) -> str:
    """An id with its gazetteer name beside it: "IRN (Iran)"; the id alone when no gazetteer names it."""
    if not ident:
        return ""
    name = actor_label(ident)
    return f"{ident} ({name})" if name and name != ident else ident


def named_models(models: list[str]) -> str:
    """Model ids with their catalogue names: "shahed-136 (Shahed-136)"."""
    return ", ".join(f"{m} ({weapon_label(m)})" if weapon_label(m) not in (None, m) else m for m in models)


@app.command()
def records(
    db: Path = DbOption,
    type: str | None = TypeOption,
    actor: str | None = ActorOption,
    weapon: str | None = WeaponOption,
    claimant: str | None = ClaimantOption,
    stance: str | None = StanceOption,
    review: str | None = ReviewOption,
    include_rejected: bool = IncludeRejectedOption,
    limit: int | None = typer.Option(None, "--limit", min=1,
                                     help="At most this many records (default: 100 in a table, all in jsonl/csv)."),
    format: Format = typer.Option(Format.table, "--format", help="table, jsonl or csv."),
) -> None:
    """List stored claim records, filtered.

    Names work wherever ids do: --actor Iran, --weapon geran-2, --weapon drones.
    Records reviewed wrong are left out unless --include-rejected; corrections are shown applied.

    Example: armstrace records --db armstrace.db --actor Iran --weapon Shahed-136 --format jsonl
    """
    if limit is None and format is Format.table:
        limit = 100
    with Store(db, readonly=True) as store:
        where = resolve_filter(store, RecordFilter(type=type, actor=actor, weapon=weapon, claimant=claimant,
                                                   stance=stance, review=review, include_rejected=include_rejected))
        found = store.records(where, limit=limit)
        total = store.count_records(where)
        rows = rows_of(store, found) if format is not Format.table else []
        shown = apply_reviews(store, found) if format is Format.table else []
    if format is Format.jsonl:
        write_jsonl(rows, sys.stdout)
    elif format is Format.csv:
        write_csv(rows, sys.stdout)
    else:
        table = Table(title=Text(f"{len(found)} of {total} records in {db}"), show_lines=False)
        for col in ("id", "type", "actor", "recipient", "class", "weapons", "qty", "claimant", "stance", "evidence"):
            table.add_column(col, overflow="fold")
        for record_id, rec in zip((r.record_id for r in found), shown, strict=True):
            table.add_row(*(Text(cell) for cell in _cells(record_id, rec)))
        out_console.print(table)
    if not found:
        err_console.print("no records match", markup=False)
    elif len(found) < total:
        err_console.print(f"{len(found)} of {total} matching records shown (use --limit)", markup=False)


def _cells(record_id: str, rec: Record) -> tuple[str, ...]:
    """A table row: ids with names beside them; the evidence cut at 90 characters."""
    qty = "" if rec.quantity is None else f"{rec.quantity.min or ''}-{rec.quantity.max or ''}"
    # Text() at the caller: article text is data, never Rich markup ("[/]" in a page must print as is).
    return (record_id, rec.type, named(rec.actor), named(rec.recipient), rec.weapon_class or "",
            named_models(rec.weapons), qty, named(rec.claimant), rec.stance,
            rec.evidence[:90] + ("…" if len(rec.evidence) > 90 else ""))
