"""Records as Parquet, with a typed schema (pyarrow).

One row per record. Types, for readers such as pandas, DuckDB, Polars or Spark:

- strings: id, doc_id, type, actor, recipient, location, place, weapon_class,
  claimant, speaker, stance, time, time_precision, evidence, trigger,
  extractor_version, data_version; null where the record has none;
- `list<string>`: weapons, violates, rules, gazetteer_ids (empty, never null);
- `quantity`: `struct<min: int64, max: int64>`, null when the text gives no
  number ("at least 1,160" is min 1160, max null);
- int64 evidence_start and evidence_end (character offsets), float64 confidence;
- `time` stays a string: its precision varies ("2022", "2022-08", "2022-08-14",
  with `time_precision`), which no date type holds; `published` is always a
  whole day, so it is a date32;
- the analyst review, as in the CSV: review ("right", "wrong" or "corrected"),
  review_corrections (JSON text), reviewer, and reviewed_at as timestamp[ms, UTC]
  (Parquet has no seconds unit; the review times are whole seconds).

The schema carries `armstrace_version` and `armstrace_export` ("records/1") in
its metadata; a change of columns gets a new `records/N`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import BadInput
from ..version import __version__
from .rows import PAGE, Row, review_fields

EXPORT_VERSION = "records/1"

_TEXT = pa.string()
_LIST = pa.list_(pa.string())

SCHEMA = pa.schema(
    [
        pa.field("id", _TEXT, nullable=False),
        pa.field("doc_id", _TEXT, nullable=False),
        pa.field("type", _TEXT, nullable=False),
        pa.field("actor", _TEXT, nullable=False),
        pa.field("recipient", _TEXT),
        pa.field("location", _TEXT),
        pa.field("place", _TEXT),
        pa.field("weapon_class", _TEXT),
        pa.field("weapons", _LIST, nullable=False),
        pa.field("quantity", pa.struct([pa.field("min", pa.int64()), pa.field("max", pa.int64())])),
        pa.field("claimant", _TEXT, nullable=False),
        pa.field("speaker", _TEXT),
        pa.field("stance", _TEXT, nullable=False),
        pa.field("time", _TEXT),
        pa.field("time_precision", _TEXT),
        pa.field("violates", _LIST, nullable=False),
        pa.field("evidence", _TEXT, nullable=False),
        pa.field("evidence_start", pa.int64(), nullable=False),
        pa.field("evidence_end", pa.int64(), nullable=False),
        pa.field("trigger", _TEXT),
        pa.field("rules", _LIST, nullable=False),
        pa.field("gazetteer_ids", _LIST, nullable=False),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("extractor_version", _TEXT, nullable=False),
        pa.field("data_version", _TEXT, nullable=False),
        pa.field("published", pa.date32()),
        pa.field("review", _TEXT),
        pa.field("review_corrections", _TEXT),
        pa.field("reviewer", _TEXT),
        pa.field("reviewed_at", pa.timestamp("ms", tz="UTC")),
    ],
    metadata={"armstrace_version": __version__, "armstrace_export": EXPORT_VERSION},
)


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
    rec = row.record
    out: dict[str, Any] = rec.model_dump()
    out["id"] = rec.record_id
    out["quantity"] = rec.quantity.model_dump() if rec.quantity is not None else None
    out["published"] = _day(rec.published, rec.record_id)
    out.update(review_fields(row.review))
    if out["reviewed_at"] is not None:
        out["reviewed_at"] = datetime.fromisoformat(out["reviewed_at"])
    return out


def _pages(rows: Iterable[Row]) -> Iterator[list[Row]]:
    source = iter(rows)
    while page := list(islice(source, PAGE)):
        yield page


def write_parquet(rows: Iterable[Row], path: str | Path) -> int:
    """Write the rows to a Parquet file at `path`, a row group per page; returns the number of rows."""
    n = 0
    with pq.ParquetWriter(str(path), SCHEMA) as writer:
        for page in _pages(rows):
            writer.write_batch(pa.RecordBatch.from_pylist([parquet_row(row) for row in page], schema=SCHEMA))
            n += len(page)
    return n
