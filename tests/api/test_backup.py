"""One file you can copy: a review written over HTTP is in the .db file alone, and `armstrace backup` copies it."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from http_raw import send

from armstrace.api.tokens import issue_token


def _reviews_in(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return [(str(r[0]), str(r[1])) for r in conn.execute("SELECT record_id, verdict FROM reviews")]
    finally:
        conn.close()


def _review(api_server, record_id: str) -> None:
    reply = send(api_server.url, "POST", f"/api/records/{record_id}/review", {"verdict": "wrong"},
                 headers={"Authorization": f"Bearer {issue_token(api_server.db, 'ana')}"})
    assert reply.status == 201, reply.json()


def test_a_review_over_http_is_in_a_copy_of_the_db_file_alone(api_server, world, tmp_path):
    rid = world["iran-russia"][0].record_id
    _review(api_server, rid)
    copy = tmp_path / "copy.db"
    shutil.copyfile(api_server.db, copy)            # the .db only: no -wal, no -shm, while the server runs
    assert not Path(f"{copy}-wal").exists()
    assert _reviews_in(copy) == [(rid, "wrong")]


def test_backup_while_the_server_runs_is_one_consistent_file(api_server, world, tmp_path):
    rid = world["kyiv-report"][0].record_id
    _review(api_server, rid)
    out = tmp_path / "backup.db"
    proc = subprocess.run([sys.executable, "-m", "armstrace", "backup", "--db", str(api_server.db), "--out", str(out)],
                          check=False, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "copied to" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert (rid, "wrong") in _reviews_in(out)


def test_backup_onto_the_database_itself_is_a_usage_error(api_server, world):
    proc = subprocess.run([sys.executable, "-m", "armstrace", "backup", "--db", str(api_server.db),
                           "--out", str(api_server.db)], check=False, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "is the database itself" in proc.stderr
