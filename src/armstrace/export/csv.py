"""Records as CSV: one row per record, lists joined with ";", the quantity in two columns.

The same columns as `armstrace records --format csv`. Python's csv module
quotes a field with a comma, a quote or a line break in it (RFC 4180), so
evidence sentences come back whole in any spreadsheet.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from .rows import Row, review_fields

CSV_FIELDS: tuple[str, ...] = (
    "id", "doc_id", "type", "actor", "recipient", "location", "place", "weapon_class", "weapons",
    "quantity_min", "quantity_max", "claimant", "speaker", "stance", "time", "violates", "evidence",
    "evidence_start", "evidence_end", "confidence", "rules",
    "review", "review_corrections", "reviewer", "reviewed_at",
)


def csv_row(row: Row) -> dict[str, Any]:
    """One record and its review as a CSV row (None is an empty cell)."""
    rec = row.record
    out = rec.to_json()
    out["weapons"] = ";".join(rec.weapons)
    out["violates"] = ";".join(rec.violates)
    out["rules"] = ";".join(rec.rules)
    out["quantity_min"] = rec.quantity.min if rec.quantity else None
    out["quantity_max"] = rec.quantity.max if rec.quantity else None
    out.update(review_fields(row.review))
    return out


def write_csv(rows: Iterable[Row], out: TextIO) -> int:
    """Write a header and one line per row to `out` (opened with newline=""); returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(csv_row(row))
        n += 1
    return n
