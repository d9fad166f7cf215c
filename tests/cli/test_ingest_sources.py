"""Issue 12, as a user tries it: a folder of PDF, Word, Markdown, HTML and text files, and what the CLI says."""
from __future__ import annotations

import csv
import io
import json
import urllib.request
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from armstrace.api import create_app
from armstrace.cli import app
from report_pdfs import PAGE_THREE, write_report

pytestmark = [pytest.mark.issue(12), pytest.mark.slow]

MEMO = "Germany delivered IRIS-T air defence systems to Ukraine in October 2022."
PAGE = ("<html><head><title>S-400</title></head><body><article><p>Russia delivered S-400 missile systems "
        "to Turkey in July 2019, the Turkish defence ministry said.</p></article></body></html>")
WIRE = "The United States sent HIMARS rocket launchers to Ukraine in June 2022.\n"
NOTES = "# Howitzers\n\nFrance delivered *Caesar* howitzers to Ukraine in 2022.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _memo(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(MEMO)
    document.save(str(path))
    return path


def _records(runner: CliRunner, db: Path) -> list[dict]:
    listed = runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl", "--limit", "1000"])
    return [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]


def test_folder_of_a_pdf_and_a_docx_is_read_not_silently_ignored(runner, tmp_path, db):
    # Before issue 12: "0 read, 0 skipped" and exit 0.
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder / "monitor.pdf", pages=5)
    _memo(folder / "memo.docx")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 read (2 added, 0 replaced, 0 unchanged), 0 skipped" in result.stderr
    assert {r["doc_id"] for r in _records(runner, db)} == {"monitor", "memo"}


def test_mixed_folder_ingests_every_kind_and_names_every_skip(runner, tmp_path, db):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_report(folder / "monitor.pdf", pages=5)
    _memo(folder / "memo.docx")
    (folder / "turkey.html").write_text(PAGE, encoding="utf-8")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    for name in ("a.xlsx", "b.pptx", "c.zip"):
        (folder / name).write_bytes(b"PK\x03\x04")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output   # the broken PDF
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert lines[0].startswith(f"skipped {folder / 'broken.pdf'}: not a readable PDF")
    assert lines[1:] == [f"skipped 3 unsupported files: {folder / 'a.xlsx'}, {folder / 'b.pptx'}, {folder / 'c.zip'}"]
    assert "5 read (5 added, 0 replaced, 0 unchanged), 1 skipped" in result.stderr
    by_doc = {r["doc_id"]: r for r in _records(runner, db)}
    assert set(by_doc) == {"monitor", "memo", "turkey", "wire", "notes"}
    assert (by_doc["memo"]["page"], by_doc["notes"]["actor"]) == (None, "FRA")


def test_unsupported_files_in_a_folder_are_named_but_do_not_fail_the_run(runner, tmp_path, db):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "figures.xlsx").write_bytes(b"PK\x03\x04")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"skipped 1 unsupported file: {folder / 'figures.xlsx'}" in result.stderr
    assert "1 read (1 added, 0 replaced, 0 unchanged), 0 skipped" in result.stderr


def test_record_from_pdf_page_3_shows_page_3_in_explain_api_and_export(runner, tmp_path, db, serve_app):
    pdf = write_report(tmp_path / "monitor.pdf", pages=5)
    assert runner.invoke(app, ["ingest", str(pdf), "--db", str(db)]).exit_code == 0
    (claim,) = [r for r in _records(runner, db) if r["evidence"] == PAGE_THREE]
    assert claim["page"] == 3
    explained = runner.invoke(app, ["explain", claim["id"], "--db", str(db)])
    assert f"document monitor page 3 chars {claim['evidence_start']}-" in " ".join(explained.output.split())
    base = serve_app(create_app(db))
    with urllib.request.urlopen(f"{base}/api/records/{claim['id']}") as response:
        assert json.load(response)["page"] == 3
    out = tmp_path / "records.csv"
    runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)])
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {row["page"] for row in rows if row["id"] == claim["id"]} == {"3"}


def test_300_page_pdf_ingests_with_a_record_on_its_last_fact_page(runner, tmp_path, db):
    pdf = write_report(tmp_path / "annual.pdf", pages=300, body=1)   # text enough for a record a page, in ~20 s
    result = runner.invoke(app, ["ingest", str(pdf), "--db", str(db)])
    assert result.exit_code == 0, result.output
    pages = [r["page"] for r in _records(runner, db)]
    assert (min(pages), max(pages)) == (1, 300) and len(set(pages)) > 250


def test_the_database_in_the_corpus_folder_is_not_named_as_unsupported(runner, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "figures.xlsx").write_bytes(b"PK\x03\x04")
    db = folder / "events.db"
    runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    (folder / "wire.txt").write_text(WIRE + "\nA second paragraph.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])   # events.db, -wal, -shm exist now
    assert result.exit_code == 0, result.output
    assert f"skipped 1 unsupported file: {folder / 'figures.xlsx'}" in result.stderr
