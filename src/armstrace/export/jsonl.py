"""Records as JSON lines: each record's JSONL fields (as `armstrace extract` writes them), the export's
added columns (event, names, url, title, page) and `review` (null when unreviewed)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..store.reviews import record_with_review
from .columns import record_values
from .rows import Row

# Added to the record's own fields; the review stays one object, as in the API.
ADDED_FIELDS = ("event_id", "actor_name", "recipient_name", "location_name", "weapon_names", "claimant_name",
          "url", "title", "page")


def jsonl_object(row: Row) -> dict[str, Any]:
    """One record as a JSON object: its fields, the export's added columns and its review."""
    values = record_values(row)
    line = record_with_review(row.stored or row.record, row.review)
    review = line.pop("review")
    line.update({name: values[name] for name in ADDED_FIELDS})
    line["review"] = review
    return line


def write_table_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object per row to `out`; returns the number of rows."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_jsonl(rows: Iterable[Row], out: TextIO) -> int:
    """Write one JSON object per record to `out`; returns the number of rows."""
    return write_table_jsonl((jsonl_object(row) for row in rows), out)
