"""Issue 11: `armstrace ingest` on bad input: one line per problem, the batch goes on, honest exit codes.

0 everything went in, 1 something skipped, 2 usage error, 3 internal error (the
traceback only under --debug); the summary counts what this run stored.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import armstrace
from armstrace.cli import app

pytestmark = [pytest.mark.issue(11), pytest.mark.slow]

ARTICLE = "Iran supplied Shahed-136 drones to Russia, the Pentagon said on Tuesday.\n"
SRC = str(Path(armstrace.__file__).resolve().parents[1])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def count(db: Path, table: str = "documents") -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_symlink_loop_in_a_folder_is_named_and_the_rest_stored(runner, tmp_path, db):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "a.txt").symlink_to("b.txt")
    (corpus / "b.txt").symlink_to("a.txt")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert f"skipped {corpus / 'a.txt'}: symlink loop" in result.stderr
    assert "1 read (1 added, 0 replaced, 0 unchanged), 2 skipped" in result.stderr
    assert count(db) == 1


def test_unreadable_file_or_folder_named_is_skipped_not_a_usage_error(tmp_path, db, unprivileged):
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(ARTICLE, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    secret.chmod(0)
    locked.chmod(0)
    try:
        done = unprivileged([sys.executable, "-m", "armstrace", "ingest", str(secret), str(locked), str(good),
                             "--db", str(db)], env={**os.environ, "PYTHONPATH": SRC})
    finally:
        locked.chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert f"skipped {secret}: permission denied" in done.stderr
    assert f"skipped {locked}: permission denied (cannot list this folder" in done.stderr
    assert "1 read (1 added" in done.stderr and "2 skipped" in done.stderr
    assert count(db) == 1


def test_integer_id_of_5000_digits_names_the_file_and_line(runner, tmp_path, db):
    wire = tmp_path / "wire.jsonl"
    wire.write_text('{"id": ' + "7" * 5000 + ', "text": "x"}\n'
                    + json.dumps({"id": "ok", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(wire), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert f"skipped {wire} line 1: not valid JSON (Exceeds the limit (4300 digits)" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert count(db) == 1


def test_bad_published_value_is_reported_and_the_document_stored(runner, tmp_path, db):
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "d1", "text": ARTICLE, "published": 2023}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(wire), "--db", str(db)])
    assert result.exit_code == 1
    assert f'skipped {wire} line 1: "published" 2023 is a int, not a date string' in result.stderr
    assert count(db) == 1


def test_published_option_that_is_no_date_is_a_usage_error(tmp_path, db):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "armstrace", "ingest", str(good), "--db", str(db),
                           "--published", "last tuesday-ish"], capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": SRC})
    assert done.returncode == 2
    assert done.stderr.strip() == "error: --published 'last tuesday-ish': not a date (write it like 2023-07-10)"


def _boom(*args, **kwargs):
    raise RuntimeError("the store\nexploded")


def test_internal_error_is_exit_3_with_one_line_and_no_traceback(runner, tmp_path, db, monkeypatch):
    monkeypatch.setattr("armstrace.engines.ingest_paths", _boom)   # a bug, wherever it is
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    assert result.exit_code == 3
    assert stderr_lines(result) == ["internal error: RuntimeError: the store exploded (a bug in armstrace; "
                                    "run again with --debug for the traceback)"]
    debug = runner.invoke(app, ["--debug", "ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr and "_boom" in debug.stderr


def test_debug_anywhere_on_the_command_line_shows_the_traceback(tmp_path, db):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = ("import sys, armstrace.engines as m\n"
            "def boom(*a, **k): raise KeyError('bug')\n"
            "m.ingest_paths = boom\n"
            "from armstrace.cli import main\n"
            "sys.argv = ['armstrace', *sys.argv[1:]]\n"
            "main()\n")
    for extra, traceback in (([], False), (["--debug"], True)):
        done = subprocess.run([sys.executable, "-c", code, "ingest", str(tmp_path / "a.txt"), "--db", str(db),
                               *extra], capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONPATH": SRC})
        assert done.returncode == 3, done.stderr
        assert ("Traceback" in done.stderr) is traceback
        assert done.stderr.strip().splitlines()[-1].startswith("internal error: KeyError: 'bug'")


def test_a_second_ingest_that_finds_its_documents_stored_meanwhile_reports_none_stored(tmp_path, db):
    """Two ingests of one corpus at once: what the other stored first is "unchanged" here, not "stored"."""
    from armstrace.engines.driver import ingest_with
    from armstrace.engines.local import extract_stream
    from armstrace.settings import Settings
    from armstrace.store import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"d{n}.txt").write_text(ARTICLE.replace("Tuesday", f"day {n}"), encoding="utf-8")
    settings = Settings()

    def racing_extract(articles):
        with Store(db) as other:   # the other ingest, on its own connection, wins every document
            for article, result in extract_stream(articles, settings.model):
                assert not isinstance(result, Exception)
                other.save_document(article, result)
                yield article, result

    summary = ingest_with(racing_extract, [corpus], db=db, settings=settings)
    assert (summary.read, summary.added, summary.unchanged, summary.records) == (3, 0, 3, 0)
    assert count(db, "records") > 0


def _damage(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as fh:   # every page after the first two: the tables' contents
        fh.seek(8192)
        fh.write(b"\xff" * (db.stat().st_size - 8192))


def test_a_damaged_or_read_only_database_is_one_line_and_exit_2_not_a_bug(runner, tmp_path, db, unprivileged):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Tuesday", "Friday"), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)]).exit_code == 0
    readonly = tmp_path / "readonly.db"
    readonly.write_bytes(db.read_bytes())
    readonly.chmod(0o444)
    _damage(db)
    for target in (db, readonly):
        done = unprivileged([sys.executable, "-m", "armstrace", "ingest", str(tmp_path / "b.txt"), "--db",
                             str(target)], env={**os.environ, "PYTHONPATH": SRC})
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2, done.stderr
        assert len(lines) == 1 and lines[0].startswith("error: ") and "cannot" in lines[0], lines
