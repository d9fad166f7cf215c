"""The watch loop as a library: rounds, what a restart fetches again, network errors, and stopping."""
from __future__ import annotations

import socket
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from armstrace.engines.watch import RoundReport, watch
from armstrace.settings import Settings
from armstrace.store import Store
from newsroom import Newsroom, running_newsroom

pytestmark = pytest.mark.issue(12)
QUICK = Settings(timeout=1.0, retries=0)


@pytest.fixture(scope="module")
def site() -> Iterator[Newsroom]:
    with running_newsroom() as newsroom:
        yield newsroom


def seen_rows(db: Path) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT source, item, doc_id FROM seen ORDER BY source, item").fetchall()


def test_watch_restart_fetches_only_what_is_new(site, db):
    feed = site.url("/feed.rss")
    (first,) = watch([feed], db=db, every=0, rounds=1, settings=QUICK)
    assert (first.summary.added, first.failed) == (2, 0)
    downloads = (site.downloads["/feed.rss"], site.downloads["/news/leopard.html"])
    (second,) = watch([feed], db=db, every=0, rounds=1, settings=QUICK)   # a new watch over the same database
    assert (second.summary.added, second.summary.replaced, second.not_fetched, second.failed) == (0, 0, 1, 0)
    # The feed answered 304 to its ETag, and the entries it lists were not fetched again.
    assert (site.downloads["/feed.rss"], site.downloads["/news/leopard.html"]) == downloads
    assert [row[1] for row in seen_rows(db)] == ["", "news-challenger", "news-leopard"]


def test_watch_page_unchanged_is_a_304_not_a_download(site, db):
    page = site.url("/news/f16.html")
    reports = watch([page], db=db, every=0, rounds=2, settings=QUICK)
    assert [(r.summary.added, r.not_fetched) for r in reports] == [(1, 0), (0, 1)]


def test_watch_survives_network_errors_and_goes_on(site, db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/feed.rss"
    reports = watch([closed, site.url("/missing-feed"), site.url("/feed.atom")], db=db, every=0, rounds=2,
                    settings=QUICK)
    assert [r.failed for r in reports] == [2, 2]   # each round names both, and is not stopped by them
    assert [str(s).split(": ")[0] for s in reports[0].summary.skipped] == [closed, site.url("/missing-feed")]
    assert reports[0].summary.added == 2 and reports[1].summary.added == 0


def test_watch_failed_entry_is_tried_again_next_round(site, db, tmp_path):
    site.pages["/changing/late"] = "<html><body><p>placeholder</p></body></html>"
    feed = tmp_path / "late.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Late page</title><link>{site.base}/changing/not-yet</link><guid>late</guid></item>
</channel></rss>""", encoding="utf-8")
    (first,) = watch([str(feed)], db=db, every=0, rounds=1, settings=QUICK)
    assert first.failed == 1 and seen_rows(db) == []   # not marked seen: next round asks again
    site.pages["/changing/not-yet"] = site.pages["/changing/late"].replace(
        "placeholder", "Germany will send 14 Leopard 2 tanks to Ukraine, Chancellor Olaf Scholz said.")
    (second,) = watch([str(feed)], db=db, every=0, rounds=1, settings=QUICK)
    assert (second.failed, second.summary.added) == (0, 1)


def test_watch_stop_ends_after_the_round_in_hand(site, db):
    stop = threading.Event()
    seen: list[RoundReport] = []

    def on_round(report: RoundReport) -> None:
        seen.append(report)
        stop.set()   # as Ctrl-C does

    reports = watch([site.url("/news/leopard.html")], db=db, every=3600, settings=QUICK, stop=stop,
                    on_round=on_round)
    assert len(reports) == len(seen) == 1   # no second round, no hour-long wait
    with Store(db) as store:
        assert store.count_documents() == 1


def test_round_line_says_what_the_round_did(site, db):
    (report,) = watch([site.url("/feed.atom"), site.url("/missing")], db=db, every=0, rounds=1, settings=QUICK)
    line = report.line()
    assert line.startswith("round 1 at ") and ": 2 sources, 2 new, 0 changed, 0 unchanged, 1 failed, " in line


def test_watch_folder_counts_unsupported_files_apart_from_failures(db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "note.txt").write_text("Germany delivered Leopard 2 tanks to Ukraine in March 2023.\n", encoding="utf-8")
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (report,) = watch([str(folder)], db=db, every=0, rounds=1, settings=QUICK)
    assert (report.summary.added, report.failed) == (1, 0)
    assert [skip.source for skip in report.summary.skipped] == [str(folder / "budget.xlsx")]
