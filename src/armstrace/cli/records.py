"""`armstrace records`: query stored records as a table, JSONL or CSV."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from ..store import Store
from ..store.reviews import record_with_review, reviews_for
from .app import DbOption, app, err_console, out_console


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


CSV_FIELDS = ["id", "doc_id", "type", "actor", "recipient", "location", "place", "weapon_class", "weapons",
              "quantity_min", "quantity_max", "claimant", "speaker", "stance", "time", "violates", "evidence",
              "evidence_start", "evidence_end", "confidence", "rules",
              "review", "review_corrections", "reviewer", "reviewed_at"]


@app.command()
def records(
    db: Path = DbOption,
    type: str | None = typer.Option(None, "--type", help="transfer, use, production, training or sanction."),
    actor: str | None = typer.Option(None, "--actor", help="Actor or recipient id, e.g. IRN or houthis."),
    weapon: str | None = typer.Option(None, "--weapon", help="Model id (shahed-136) or class (uav)."),
    claimant: str | None = typer.Option(None, "--claimant", help="Claimant id, or 'author'."),
    stance: str | None = typer.Option(None, "--stance", help="asserted, hedged or denied."),
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
        reviews = reviews_for(store, [rec.record_id for rec in found])
    if format is Format.jsonl:
        for rec in found:
            line = record_with_review(rec, reviews.get(rec.record_id))
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    elif format is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for rec in found:
            row = rec.to_json()
            row["weapons"] = ";".join(rec.weapons)
            row["violates"] = ";".join(rec.violates)
            row["rules"] = ";".join(rec.rules)
            row["quantity_min"] = rec.quantity.min if rec.quantity else None
            row["quantity_max"] = rec.quantity.max if rec.quantity else None
            review = reviews.get(rec.record_id)
            if review is not None:
                row["review"] = review.verdict or "corrected"
                row["review_corrections"] = json.dumps(review.corrections, ensure_ascii=False)
                row["reviewer"] = review.reviewer
                row["reviewed_at"] = review.at
            writer.writerow(row)
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
