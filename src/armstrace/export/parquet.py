"""Tables as Parquet, with typed schemas (pyarrow): records here, events and register rows beside them.

Record columns are those of the CSV, in the same order (`columns.RECORD_COLUMNS`),
typed for readers such as pandas, DuckDB, Polars or Spark:

- strings: ids, names, type, place, weapon_class, claimant, speaker, stance,
  time, time_precision, evidence, url, title, trigger, versions; null where
  the record has none;
- `list<string>`: weapons, weapon_names, violates, rules, gazetteer_ids (empty, never null);
- int64 quantity_min and quantity_max (null when the text gives no bound:
  "at least 1,160" is min 1160, max null), evidence_start, evidence_end and
  page (null until PDF ingest exists); float64 confidence;
- `time` stays a string: its precision varies ("2022", "2022-08", "2022-08-14",
  with `time_precision`), which no date type holds; `published` is always a
  whole day, so it is a date32;
- the analyst review, as in the CSV: review ("right", "wrong" or "corrected"),
  review_corrections (JSON text), reviewer, and reviewed_at as timestamp[ms, UTC].

The schema carries `armstrace_version` and `armstrace_export` ("records/2") in
its metadata; a change of columns gets a new `records/N`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import BadInput
from ..version import __version__
from .columns import RECORD_COLUMNS, record_values
from .rows import PAGE, Row

EXPORT_VERSION = "records/2"

TEXT = pa.string()
LIST = pa.list_(pa.string())
INT = pa.int64()
T = TypeVar("T")

_TYPES: dict[str, pa.DataType] = {
    "weapons": LIST, "weapon_names": LIST, "violates": LIST, "rules": LIST, "gazetteer_ids": LIST,
    "quantity_min": INT, "quantity_max": INT, "evidence_start": INT, "evidence_end": INT, "page": INT,
    "confidence": pa.float64(), "published": pa.date32(), "reviewed_at": pa.timestamp("ms", tz="UTC"),
}
_REQUIRED = frozenset({"id", "doc_id", "type", "actor", "claimant", "stance", "evidence", "evidence_start",
                       "evidence_end", "confidence", "extractor_version", "data_version", "weapons", "weapon_names",
                       "violates", "rules", "gazetteer_ids"})


def table_schema(columns: Iterable[str], types: dict[str, pa.DataType], required: Iterable[str],
                 export: str) -> pa.Schema:
    """A schema of string columns unless `types` says otherwise, with the export's name in its metadata."""
    needed = set(required)
    return pa.schema([pa.field(name, types.get(name, TEXT), nullable=name not in needed) for name in columns],
                     metadata={"armstrace_version": __version__, "armstrace_export": export})


SCHEMA = table_schema(RECORD_COLUMNS, _TYPES, _REQUIRED, EXPORT_VERSION)


def _day(value: str | None, record_id: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadInput(f"record {record_id}: published {value!r} is not a YYYY-MM-DD date; "
                       "re-ingest its document to normalise it") from exc


def parquet_row(row: Row) -> dict[str, Any]:
    """One record and its review as a row of SCHEMA."""
    out = record_values(row)
    out["published"] = _day(out["published"], out["id"])
    if out["reviewed_at"] is not None:
        out["reviewed_at"] = datetime.fromisoformat(out["reviewed_at"])
    return out


def _pages(rows: Iterable[T]) -> Iterator[list[T]]:
    source = iter(rows)
    while page := list(islice(source, PAGE)):
        yield page


def write_table_parquet(rows: Iterable[T], schema: pa.Schema, path: str | Path,
                        convert: Callable[[T], dict[str, Any]]) -> int:
    """Write rows (each made a dict of `schema` by `convert`) a row group per page; returns the number of rows."""
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for page in _pages(rows):
            writer.write_batch(pa.RecordBatch.from_pylist([convert(row) for row in page], schema=schema))
            n += len(page)
    return n


def write_parquet(rows: Iterable[Row], path: str | Path) -> int:
    """Write the records to a Parquet file at `path`; returns the number of rows."""
    return write_table_parquet(rows, SCHEMA, path, parquet_row)


def typed(schema: pa.Schema) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A converter of a dict row to `schema`: ISO date strings become dates for its date32 columns."""
    days = [field.name for field in schema if field.type == pa.date32()]

    def convert(row: dict[str, Any]) -> dict[str, Any]:
        for name in days:
            if isinstance(row.get(name), str):
                row[name] = date.fromisoformat(row[name])
        return row
    return convert
