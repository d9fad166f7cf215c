"""Parquet exports: read back with pyarrow, typed as documented."""
from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_world import QUOTED_RECORDS
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.export.parquet import EXPORT_VERSION, SCHEMA


def _export(db: Path, out: Path, *args: str) -> pa.Table:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "parquet", "--out", str(out),
                                      "--include-rejected", *args])
    assert result.exit_code == 0, result.output
    return pq.read_table(out)


def test_parquet_has_the_typed_schema(export_db, tmp_path):
    table = _export(export_db, tmp_path / "records.parquet")
    assert table.schema.equals(SCHEMA)
    assert table.schema.metadata[b"armstrace_export"] == EXPORT_VERSION.encode()


@pytest.mark.parametrize(("column", "arrow_type"), [
    ("weapons", pa.list_(pa.string())),
    ("violates", pa.list_(pa.string())),
    ("quantity_min", pa.int64()),
    ("quantity_max", pa.int64()),
    ("weapon_names", pa.list_(pa.string())),
    ("page", pa.int64()),
    ("published", pa.date32()),
    ("time", pa.string()),
    ("evidence_start", pa.int64()),
    ("confidence", pa.float64()),
    ("reviewed_at", pa.timestamp("ms", tz="UTC")),
])
def test_parquet_column_types(export_db, tmp_path, column, arrow_type):
    assert _export(export_db, tmp_path / "records.parquet").schema.field(column).type == arrow_type


def test_parquet_has_a_row_per_record_with_its_values(export_db, all_records, tmp_path):
    table = _export(export_db, tmp_path / "records.parquet")
    rows = {row["id"]: row for row in table.to_pylist()}
    assert (table.num_rows, set(rows)) == (len(all_records), set(all_records))
    row = rows[QUOTED_RECORDS[0].record_id]
    assert (row["weapons"], row["quantity_min"], row["quantity_max"], row["violates"], row["published"],
            row["evidence"]) == (["kn-23", "kn-24"], 6, None, ["UNSCR-1718"], date(2023, 7, 1),
                                 QUOTED_RECORDS[0].evidence)


def test_parquet_carries_the_review(export_db, world, tmp_path):
    rows = {row["id"]: row for row in _export(export_db, tmp_path / "records.parquet").to_pylist()}
    reviewed = rows[world["iran-russia"][0].record_id]
    assert (reviewed["review"], reviewed["reviewer"], json.loads(reviewed["review_corrections"])) == (
        "wrong", "ana", {"claimant": "GBR"})
    assert abs(reviewed["reviewed_at"] - datetime.now(UTC)).total_seconds() < 600
    assert sum(row["review"] is not None for row in rows.values()) == 1


def test_parquet_of_no_records_has_the_schema(export_db, tmp_path):
    table = _export(export_db, tmp_path / "none.parquet", "--actor", "NZL")
    assert (table.num_rows, table.schema.equals(SCHEMA)) == (0, True)
