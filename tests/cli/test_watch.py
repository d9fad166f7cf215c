"""`armstrace watch` as a user runs it: a real subprocess polling a real site, stopped by --rounds or Ctrl-C."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from armstrace.cli.watch import parse_every
from armstrace.errors import UsageError
from newsroom import Newsroom, running_newsroom

pytestmark = [pytest.mark.issue(12), pytest.mark.slow]
SRC = str(Path(__file__).resolve().parents[2] / "src")
ENV = {**os.environ, "PYTHONPATH": SRC, "PYTHONWARNINGS": "ignore"}


@pytest.fixture(scope="module")
def site() -> Iterator[Newsroom]:
    with running_newsroom() as newsroom:
        yield newsroom


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "armstrace", "watch", *args]


def rows(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def test_watch_two_rounds_stores_the_entry_the_feed_gains_once(site, db):
    feed = site.url("/growing/two-rounds")   # two entries at first, three from its second read on
    done = subprocess.run(command(feed, "--rounds", "2", "--every", "1s", "--db", str(db), "--retries", "0"),
                          capture_output=True, text=True, env=ENV, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stdout
    assert lines[0].startswith("round 1 at ") and ": 1 sources, 2 new, 0 changed, 0 unchanged, 0 failed" in lines[0]
    assert lines[1].startswith("round 2 at ") and ": 1 sources, 1 new, 0 changed, 2 unchanged, 0 failed" in lines[1]
    assert rows(db, "SELECT count(*) FROM documents WHERE url LIKE '%/news/dprk-missiles.html'") == [(1,)]
    assert rows(db, "SELECT count(*) FROM documents") == [(3,)]
    assert site.downloads["/news/dprk-missiles.html"] == 1 and site.downloads["/news/leopard.html"] == 1
    assert ("PRK", "RUS") in rows(db, "SELECT actor, recipient FROM records")


def test_watch_stops_cleanly_on_ctrl_c(site, db):
    proc = subprocess.Popen(command(site.url("/feed.atom"), "--every", "1h", "--db", str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        first = proc.stdout.readline()   # round 1 is done; the watch now waits an hour
        assert first.startswith("round 1 at "), first
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert out == ""   # no second round
    assert "Traceback" not in err and "Aborted" not in err
    assert "stopped after 1 rounds" in err
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    # Every seen entry points at a stored document: nothing half-written.
    assert rows(db, "SELECT count(*) FROM seen WHERE doc_id IS NOT NULL AND doc_id NOT IN "
                    "(SELECT doc_id FROM documents)") == [(0,)]
    assert rows(db, "SELECT count(*) FROM documents") == [(2,)]


def test_watch_ctrl_c_twice_during_a_slow_fetch_exits_at_once(site, db):
    site.slow_s = 20
    proc = subprocess.Popen(command(site.url("/feed.atom"), site.url("/slow"), "--every", "1h", "--db", str(db),
                                    "--timeout", "15", "--retries", "0"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        while site.hits["/slow"] == 0 and proc.poll() is None:   # wait until it is stuck in the slow fetch
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)   # well before the 15 s timeout
    finally:
        if proc.poll() is None:
            proc.kill()
        site.slow_s = 3.0
    assert proc.returncode == 0, err
    assert "Traceback" not in err and err.strip().endswith("stopped")
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400),
                                                ("1s", 1), ("0.02m", 1.2)])
def test_parse_every_reads_durations(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "15 minutes", "-1m", "m"])
def test_parse_every_refuses_what_is_not_a_duration(text):
    with pytest.raises(UsageError, match="not a duration"):
        parse_every(text)


@pytest.mark.parametrize("text", ["0.5s", "0.01", "0.001m"])
def test_parse_every_refuses_less_than_a_second(text):
    # A round at most once a second: a typo of "0.01" must not poll someone's site a hundred times a second.
    with pytest.raises(UsageError, match=r"shorter than 1 s"):
        parse_every(text)


def test_watch_bad_every_is_a_usage_error(db):
    done = subprocess.run(command("http://127.0.0.1:9/feed", "--every", "soon", "--db", str(db)),
                          capture_output=True, text=True, env=ENV, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: --every 'soon': not a duration (write it like 15m, 90s, 2h or 1d)"
