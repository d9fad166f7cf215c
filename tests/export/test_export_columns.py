"""Record exports carry every column an analyst needs, in a pinned and documented order (issue 14)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from export_world import QUOTED_RECORDS, QUOTED_TITLE, QUOTED_URL
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.errors import UsageError
from armstrace.export import RECORD_COLUMNS
from armstrace.export.parquet import SCHEMA

DOC = Path(__file__).resolve().parents[2] / "docs" / "records.md"

PINNED = [
    "id", "event_id", "doc_id", "type", "actor", "actor_name", "recipient", "recipient_name", "location",
    "location_name", "place", "weapon_class", "weapons", "weapon_names", "quantity_min", "quantity_max", "time",
    "time_precision", "published", "claimant", "claimant_name", "speaker", "stance", "violates", "evidence",
    "evidence_start", "evidence_end", "url", "title", "page", "trigger", "rules", "gazetteer_ids", "confidence",
    "extractor_version", "data_version", "review", "review_corrections", "reviewer", "reviewed_at",
]


def _export(db: Path, out: Path, fmt: str, *args: str) -> Path:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def _documented() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Exported columns", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| \d+ \| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_record_columns_are_pinned_and_documented_in_order():
    assert list(RECORD_COLUMNS) == PINNED
    assert _documented() == PINNED


@pytest.mark.issue(14)
def test_csv_read_by_pandas_has_event_names_source_and_page(export_db, world, tmp_path):
    """Was: no published, time_precision, event_id, url, title or names in the CSV."""
    frame = pd.read_csv(_export(export_db, tmp_path / "r.csv", "csv"), dtype=str, keep_default_na=False)
    assert list(frame.columns) == PINNED
    row = frame.set_index("id").loc[QUOTED_RECORDS[0].record_id]
    assert (row["url"], row["title"], row["published"], row["page"]) == (QUOTED_URL, QUOTED_TITLE, "2023-07-01", "")
    assert (row["actor_name"], row["recipient_name"], row["claimant_name"]) == ("North Korea", "Russia", "author")
    assert row["event_id"].startswith("ev-") and row["weapon_names"].startswith("KN-23")
    denied = frame.set_index("id").loc[world["iran-russia"][1].record_id]
    assert (denied["claimant_name"], denied["review"]) == ("Iran", "")
    assert (frame["event_id"] != "").all()


@pytest.mark.issue(14)
def test_excel_csv_starts_with_a_bom_and_keeps_curly_quotes(export_db, tmp_path):
    """Was: no BOM, so Excel on Windows garbled curly quotes in evidence and titles."""
    out = _export(export_db, tmp_path / "excel.csv", "csv", "--excel")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,event_id,")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == PINNED
    assert QUOTED_TITLE in {row["title"] for row in rows}
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert frame.columns[0] == "id" and QUOTED_TITLE in set(frame["title"])
    plain = _export(export_db, tmp_path / "plain.csv", "csv")
    assert plain.read_bytes().startswith(b"id,")


def test_excel_is_refused_for_formats_other_than_csv(export_db, tmp_path):
    result = CliRunner().invoke(app, ["export", "--db", str(export_db), "--format", "parquet", "--excel",
                                      "--out", str(tmp_path / "x.parquet")])
    assert isinstance(result.exception, UsageError) and "--excel applies to CSV" in str(result.exception)
    assert not (tmp_path / "x.parquet").exists()


@pytest.mark.issue(14)
def test_parquet_read_by_pyarrow_and_pandas_has_the_csv_columns(export_db, tmp_path):
    """Was: Parquet lacked event_id and url."""
    table = pq.read_table(_export(export_db, tmp_path / "r.parquet", "parquet"))
    assert table.column_names == PINNED and table.schema.equals(SCHEMA)
    frame = table.to_pandas().set_index("id")
    row = frame.loc[QUOTED_RECORDS[0].record_id]
    assert (row["url"], row["title"], list(row["weapon_names"])) == (QUOTED_URL, QUOTED_TITLE, ["KN-23", "KN-24"])
    assert frame["event_id"].notna().all() and frame["page"].isna().all()


def test_jsonl_read_by_pandas_has_the_added_columns(export_db, tmp_path):
    frame = pd.read_json(_export(export_db, tmp_path / "r.jsonl", "jsonl"), lines=True, dtype=False)
    assert {"event_id", "url", "title", "page", "actor_name", "weapon_names", "review", "published",
            "time_precision"} <= set(frame.columns)
    row = frame.set_index("id").loc[QUOTED_RECORDS[0].record_id]
    assert (row["url"], row["title"], row["quantity"]) == (QUOTED_URL, QUOTED_TITLE, {"min": 6, "max": None})


def test_graphml_edges_carry_the_event_and_source(export_db, tmp_path):
    import networkx as nx

    graph = nx.read_graphml(_export(export_db, tmp_path / "r.graphml", "graphml"), force_multigraph=True)
    edge = graph.edges["PRK", "RUS", QUOTED_RECORDS[0].record_id]
    assert edge["event_id"].startswith("ev-") and (edge["url"], edge["title"]) == (QUOTED_URL, QUOTED_TITLE)
