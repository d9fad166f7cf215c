"""The command line, through Typer's runner with temp databases, and once as a real subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from armstrace.cli import app

ARTICLE = ("Iran supplied Shahed-136 drones to Russia, the Pentagon said on Tuesday.\n\n"
           "Iran denied that.\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "b.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": "North Korea shipped artillery shells to Russia, "
                    "South Korea's defence ministry said.", "published": "2023-10-13"}) + "\n"
        + "{not json\n", encoding="utf-8")
    return folder


COMMANDS = sorted(typer.main.get_command(app).commands)   # every registered command, new ones too


def test_cli_has_the_commands_the_readme_promises():
    assert {"ingest", "extract", "records", "eval", "explain", "serve", "events", "contradictions"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_with_example(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, command
    assert "Example: armstrace " + command in " ".join(result.output.split()), command


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_is_in_readme(command):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"armstrace {command}" in readme, command


def test_cli_records_prints_markup_in_evidence_literally(runner, tmp_path, db, monkeypatch):
    from armstrace.cli.app import out_console

    monkeypatch.setattr(out_console, "width", 400)   # one line per row, whatever ran before
    (tmp_path / "a.txt").write_text("Iran supplied [red]Shahed[/red] drones [/] to Russia, officials said.\n",
                                    encoding="utf-8")
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    result = runner.invoke(app, ["records", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "[red]Shahed[/red] drones [/] to Russia" in result.output


def test_cli_records_exports_everything_by_default(runner, tmp_path, db):
    text = "".join(f"Iran supplied {n} drones to Russia in {1990 + n}.\n\n" for n in range(1, 120))
    (tmp_path / "many.txt").write_text(text, encoding="utf-8")
    runner.invoke(app, ["ingest", str(tmp_path / "many.txt"), "--db", str(db)])
    rows = runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl"]).output.splitlines()
    assert len([r for r in rows if r.startswith("{")]) > 100


def test_cli_ingest_duplicate_document_ids_are_named(runner, tmp_path, db):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"Iran supplied drones to Russia, {folder} said.\n",
                                                       encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--db", str(db)])
    assert result.exit_code == 1
    assert "duplicate document id 'report'" in result.output


def test_cli_ingest_stores_records_and_reports_skips(runner, corpus, db):
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1, result.output   # the malformed JSONL line was skipped
    assert "b.jsonl line 2" in result.output
    assert "2 read (2 added" in result.output
    listed = runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl", "--actor", "IRN"])
    rows = [json.loads(x) for x in listed.output.splitlines() if x.startswith("{")]
    assert any(r["type"] == "transfer" and r["actor"] == "IRN" and r["claimant"] == "USA" for r in rows)
    assert any(r["claimant"] == "IRN" and r["stance"] == "denied" for r in rows)


def test_cli_ingest_twice_adds_nothing(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    first = runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl", "--limit", "1000"]).output
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "2 unchanged" in again.output
    assert runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl", "--limit", "1000"]).output == first


def test_cli_ingest_changed_file_replaces_its_records(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    (corpus / "a.txt").write_text("Turkey sold Bayraktar TB2 drones to Poland.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "1 replaced" in result.output
    rows = runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl", "--limit", "1000"]).output
    assert "Shahed" not in rows and "bayraktar-tb2" in rows


def test_cli_records_csv_has_header_and_rows(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    result = runner.invoke(app, ["records", "--db", str(db), "--format", "csv", "--type", "transfer"])
    lines = result.output.splitlines()
    assert lines[0].startswith("id,event_id,doc_id,type,actor,actor_name")
    assert len(lines) >= 3


def test_cli_records_on_missing_database_is_usage_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "armstrace", "records", "--db", str(tmp_path / "none.db")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "none.db" in proc.stderr and "armstrace ingest" in proc.stderr


def test_cli_explain_shows_rules_and_sentence(runner, corpus, db):
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    rows = runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl"]).output
    record_id = json.loads(next(x for x in rows.splitlines() if x.startswith("{")))["id"]
    result = runner.invoke(app, ["explain", record_id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "trigger/" in result.output and "state/" in result.output


def test_cli_extract_as_subprocess_writes_scoreable_jsonl(tmp_path, corpus):
    out = tmp_path / "records.jsonl"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run([sys.executable, "-m", "armstrace", "extract", str(corpus / "a.txt"), "--out", str(out)],
                          capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all({"doc_id", "type", "actor", "claimant", "stance", "evidence"} <= r.keys() for r in rows)
    assert all(r["evidence"] in ARTICLE for r in rows)


def test_cli_ingest_bad_inputs_are_named_and_the_rest_goes_in(runner, tmp_path, db):
    """Binary, empty, non-UTF-8, broken HTML, malformed JSONL and a 50 MB file in one batch."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "first.txt").write_text("Iran supplied Shahed-136 drones to Russia.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(good), "--db", str(db)]).exit_code == 0

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    (batch / "empty.txt").write_text("   \n", encoding="utf-8")
    (batch / "latin.txt").write_bytes(("Russia bought drones from Iran, the ministry in Kyiv said. "
                                       "Caf\xe9 owners in Kyiv said drones flew overhead. " * 5).encode("cp1252"))
    (batch / "broken.html").write_text("<html><body><p>North Korea shipped artillery shells to Russia.<div><p>More",
                                       encoding="utf-8")
    (batch / "wire.jsonl").write_text('{"id": "w1", "text": "Turkey sold TB2 drones to Poland."}\n{oops\n',
                                      encoding="utf-8")
    with open(batch / "huge.txt", "wb") as fh:   # 50 MB, sparse: skipped on its size, never read
        fh.truncate(50_000_000)

    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 1
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    named = " ".join(skipped)
    for name in ("binary.txt", "empty.txt", "huge.txt", "wire.jsonl line 2"):
        assert name in named, name
    assert len(skipped) == 4, skipped     # latin.txt and broken.html went in
    docs = runner.invoke(app, ["records", "--db", str(db), "--format", "jsonl", "--limit", "500"]).output
    doc_ids = {json.loads(x)["doc_id"] for x in docs.splitlines() if x.startswith("{")}
    assert {"first", "latin", "broken", "w1"} <= doc_ids   # what was stored before is still there
