"""Tables as CSV: one row per record (or event, or register row), lists joined with ";".

Python's csv module quotes a field with a comma, a quote or a line break in
it (RFC 4180), so evidence sentences come back whole in any spreadsheet.
`excel=True` starts the file with a UTF-8 byte-order mark: without it Excel
on Windows reads the file as the local code page and garbles curly quotes
and accented names.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from .columns import RECORD_COLUMNS, record_values
from .rows import Row

CSV_FIELDS: tuple[str, ...] = RECORD_COLUMNS
BOM = "\ufeff"
# Lists of sentences or reasons, which hold ";" themselves: one item per line of the cell.
LINE_LISTS = frozenset({"evidence", "regime_reasons", "urls"})


# A cell a spreadsheet would run as a formula ("=HYPERLINK(...)" in a page title): page text is untrusted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any, column: str = "") -> Any:
    """A value as a CSV cell: lists joined with ";" (sentences: a line each), dicts as JSON, None empty;
    text that a spreadsheet would take for a formula gets a leading apostrophe (OWASP CSV injection)."""
    kind = type(value)
    if kind is list:
        value = ("\n" if column in LINE_LISTS else ";").join(map(str, value))
    elif kind is dict:
        return json.dumps(value, ensure_ascii=False)
    elif kind is bool:
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_table_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO, *,
                    excel: bool = False) -> int:
    """Write a header and one line per row to `out` (opened with newline=""); returns the number of rows."""
    if excel:
        out.write(BOM)
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({key: csv_cell(value, key) for key, value in row.items()})
        n += 1
    return n


def csv_row(row: Row) -> dict[str, Any]:
    """One record and its review as a CSV row (None is an empty cell)."""
    return {key: csv_cell(value) for key, value in record_values(row).items()}


def write_csv(rows: Iterable[Row], out: TextIO, *, excel: bool = False) -> int:
    """Write the records' header and one line per record to `out`; returns the number of rows."""
    return write_table_csv((record_values(row) for row in rows), RECORD_COLUMNS, out, excel=excel)
