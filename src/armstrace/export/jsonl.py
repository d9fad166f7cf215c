"""Records as JSON lines: each record's JSONL fields (as `armstrace extract` writes them) plus `review`."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..store.reviews import record_with_review
from .rows import Row


def write_jsonl(rows: Iterable[Row], out: TextIO) -> int:
    """Write one JSON object per row to `out`; returns the number of rows."""
    n = 0
    for row in rows:
        out.write(json.dumps(record_with_review(row.record, row.review), ensure_ascii=False) + "\n")
        n += 1
    return n
