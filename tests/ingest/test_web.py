"""`armstrace ingest URL...`: pages fetched over real HTTP from a site the tests start on 127.0.0.1."""
from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.ingest.fetch import USER_AGENT
from armstrace.store import Store
from armstrace.version import __version__
from newsroom import IRAN_DRONES, Newsroom, running_newsroom

pytestmark = pytest.mark.issue(12)
SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture(scope="module")
def site() -> Iterator[Newsroom]:
    with running_newsroom() as newsroom:
        yield newsroom


def ingest(db: Path, *args: str):
    """Run `armstrace ingest ARGS --db DB` in this process (the model loads once per test session)."""
    return CliRunner().invoke(app, ["ingest", *args, "--db", str(db)])


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def count(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_ingest_url_stores_the_page_with_its_address_and_final_url(site, db):
    address = site.url("/go/iran-drones")   # a 302 to /news/iran-drones.html
    result = ingest(db, address)
    assert result.exit_code == 0, result.stderr
    with Store(db) as store:
        (summary,) = store.documents()
        article = store.get_document(summary.doc_id)
        records = store.records(doc_id=summary.doc_id)
    assert (article.source_path, article.url) == (address, site.url("/news/iran-drones.html"))
    assert (article.title, article.published) == ("US says Iran supplied drones to Russia", "2022-10-20")
    assert "Sign in" not in article.text   # cleaned by trafilatura: the menu is not the article
    assert any(r.actor == "IRN" and r.recipient == "RUS" and "shahed-136" in r.weapons and r.claimant == "USA"
               for r in records)
    assert "/" not in summary.doc_id   # one path segment of /api/documents/{doc_id}


def test_ingest_url_twice_stores_nothing_new(site, db):
    address = site.url("/news/iran-drones.html")
    assert ingest(db, address).exit_code == 0
    before = (count(db, "documents"), count(db, "records"))
    again = ingest(db, address)
    assert again.exit_code == 0
    assert "1 read (0 added, 0 replaced, 1 unchanged)" in again.stderr
    assert (count(db, "documents"), count(db, "records")) == before


def test_ingest_changed_page_stores_the_new_version(site, db):
    path = "/changing/iran"
    site.pages[path] = IRAN_DRONES
    assert ingest(db, site.url(path)).exit_code == 0
    site.pages[path] = IRAN_DRONES.replace(
        "</article>", "<p>Ukraine said it had shot down 223 Shahed drones by late October.</p></article>")
    changed = ingest(db, site.url(path))
    assert changed.exit_code == 0
    assert "1 read (0 added, 1 replaced, 0 unchanged)" in changed.stderr
    with Store(db) as store:
        (summary,) = store.documents()   # one document per address: the new version replaced the old
        assert "223 Shahed drones" in store.get_document(summary.doc_id).text


def test_ingest_text_plain_is_read_as_text(site, db):
    result = ingest(db, site.url("/news/dprk-shells.txt"))
    assert result.exit_code == 0, result.stderr
    with Store(db) as store:
        (summary,) = store.documents()
        article = store.get_document(summary.doc_id)
        records = store.records(doc_id=summary.doc_id)
    assert article.source_format == "txt" and article.text.startswith("North Korea ships munitions")
    assert any(r.actor == "PRK" and r.recipient == "RUS" for r in records)


# Each failing address: (path, what its one stderr line says).
FAILURES = [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken/once", "HTTP 500 Internal Server Error"),
    ("/loop", "more than 5 redirects"),
    ("/slow", "no answer within 0.5 s (timeout; raise it with --timeout)"),
    ("/huge", "over the 1000000-byte limit after"),
    ("/huge-declared", "3000007 bytes is over the 1000000-byte limit"),
    ("/chart.png", "content type image/png: not a web page, plain text, PDF or feed"),
]


def test_ingest_each_failing_address_is_one_line_and_the_batch_goes_on(site, db):
    good = site.url("/news/leopard.html")
    addresses = [site.url(path) for path, _ in FAILURES]
    result = ingest(db, *addresses[:3], good, *addresses[3:], "--timeout", "0.5", "--retries", "0",
                    "--max-bytes", "1000000")
    assert result.exit_code == 1   # something was skipped
    lines = stderr_lines(result)
    for address, (_, reason) in zip(addresses, FAILURES, strict=True):
        named = [line for line in lines if line.startswith(f"skipped {address}: ")]
        assert len(named) == 1 and reason in named[0], (address, lines)
    assert f"1 read (1 added, 0 replaced, 0 unchanged), {len(FAILURES)} skipped" in result.stderr
    assert count(db, "documents") == 1


def test_ingest_huge_page_is_dropped_while_streaming_not_after(site, db):
    result = ingest(db, site.url("/huge"), "--max-bytes", "1000000", "--retries", "0")
    # The site would send 5 MB; the fetcher stopped reading within one 64 KB piece past the cap.
    got = int(re.search(r"after (\d+) bytes", result.stderr).group(1))
    assert 1_000_000 < got < 1_000_000 + 70_000


def test_ingest_retries_a_503_and_stores_the_page(site, db):
    path = "/flaky/retry-once"
    result = ingest(db, site.url(path), "--retries", "1")
    assert result.exit_code == 0, result.stderr
    assert site.hits[path] == 2 and count(db, "documents") == 1


def test_ingest_retries_a_500_then_names_it(site, db):
    path = "/broken/retried"
    result = ingest(db, site.url(path), "--retries", "1")
    assert result.exit_code == 1
    assert site.hits[path] == 2
    assert f"skipped {site.url(path)}: HTTP 500 Internal Server Error" in stderr_lines(result)


def test_ingest_unreachable_address_is_one_line_after_retries(db):
    with socket.socket() as probe:   # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}/news"
    result = ingest(db, address, "--retries", "1")
    assert result.exit_code == 1
    (line,) = [line for line in stderr_lines(result) if line.startswith("skipped")]
    assert line.startswith(f"skipped {address}: cannot connect (") and line.endswith("after 2 tries")


def test_fetch_sends_a_user_agent_naming_armstrace_and_its_version(site, db):
    ingest(db, site.url("/news/f16.html"))
    assert USER_AGENT in site.user_agents and f"armstrace/{__version__}" in USER_AGENT


def test_ingest_urls_file_reads_addresses_and_names_bad_lines(site, db, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# arms desk\n\n{site.url('/news/leopard.html')}\n"
                    f"  {site.url('/news/f16.html')}   # F-16s\nnot-an-address\n", encoding="utf-8")
    result = ingest(db, "--urls", str(urls))
    assert result.exit_code == 1
    assert f"skipped {urls} line 5: 'not-an-address' is not a web address (http:// or https://)" in stderr_lines(result)
    with Store(db) as store:
        assert sorted(d.url for d in store.documents()) == [site.url("/news/f16.html"), site.url("/news/leopard.html")]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """The real command line (usage errors are translated by its entry point, not by the runner)."""
    return subprocess.run([sys.executable, "-m", "armstrace", *args], capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": SRC})


def test_ingest_urls_file_missing_is_a_usage_error(db, tmp_path):
    done = run_cli("ingest", "--urls", str(tmp_path / "none.txt"), "--db", str(db))
    assert done.returncode == 2
    assert done.stderr.strip() == (f"error: --urls {tmp_path / 'none.txt'}: no such file "
                                   "(give a file of web addresses, one a line)")


def test_ingest_with_nothing_to_read_is_a_usage_error(db):
    done = run_cli("ingest", "--db", str(db))
    assert done.returncode == 2 and "nothing to read" in done.stderr


def test_ingest_files_and_addresses_in_one_run(site, db, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Iran supplied Shahed-136 drones to Russia, the Pentagon said on Tuesday.\n", encoding="utf-8")
    result = ingest(db, str(note), site.url("/news/leopard.html"))
    assert result.exit_code == 0, result.stderr
    assert "2 read (2 added" in result.stderr


def test_extract_reads_a_web_address_too(site):
    result = CliRunner().invoke(app, ["extract", site.url("/news/leopard.html")])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(row["actor"] == "DEU" and row["recipient"] == "UKR" for row in rows)


def fetch_with(site_url: str, waits: list[float], **options) -> object:
    """`fetch` over a real client, its waits recorded instead of slept (the requests are real)."""
    from armstrace.addresses import origin
    from armstrace.ingest.fetch import FetchOptions, client, fetch

    opts = FetchOptions(**options)
    with client(opts, {origin(site_url)}) as http:   # the test names its own 127.0.0.1 site
        return fetch(http, site_url, opts, sleep=waits.append)


def test_fetch_waits_what_retry_after_asks_then_gets_the_page(site):
    waits: list[float] = []
    fetched = fetch_with(site.url("/busy/7"), waits, retries=1)
    assert (waits, getattr(fetched, "status", fetched)) == ([7.0], 200)


def test_fetch_does_not_wait_a_retry_after_past_a_minute(site):
    waits: list[float] = []
    fetched = fetch_with(site.url("/busy/3600"), waits, retries=2)
    assert waits == [] and str(fetched) == f"{site.url('/busy/3600')}: HTTP 429 Too Many Requests, retry after 3600 s; try later"


def test_fetch_backs_off_exponentially_on_connection_errors():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    waits: list[float] = []
    fetch_with(address, waits, retries=3, backoff=0.5)
    assert waits == [0.5, 1.0, 2.0]


def test_fetch_gives_up_on_a_page_that_drips_past_the_deadline(site):
    started = time.monotonic()
    fetched = fetch_with(site.url("/drip"), [], retries=0, timeout=1.0, deadline=0.5)
    assert "download still running after 0.5 s" in str(fetched) and time.monotonic() - started < 3


def test_feed_relative_links_are_fetched_from_the_feed_address(site, db):
    result = ingest(db, site.url("/feed-relative.rss"))
    assert result.exit_code == 0, result.stderr
    with Store(db) as store:
        assert site.url("/news/leopard.html") in {d.url for d in store.documents()}


@pytest.mark.parametrize("content_type", ["application/pdf", "application/octet-stream"])
def test_ingest_pdf_address_is_read_page_by_page(site, db, tmp_path, content_type):
    from report_pdfs import PAGE_THREE, write_report

    path = f"/files/annual-{content_type.split('/')[1]}.pdf"
    site.files[path] = (write_report(tmp_path / "annual.pdf", pages=5).read_bytes(), content_type)
    result = ingest(db, site.url(path))
    assert result.exit_code == 0, result.stderr
    with Store(db) as store:
        (summary,) = store.documents()
        article = store.get_document(summary.doc_id)
        records = store.records(doc_id=summary.doc_id)
    assert (article.source_format, article.source_path, article.url) == ("pdf", site.url(path), site.url(path))
    assert len(article.page_starts) == 5
    (storm_shadow,) = [r for r in records if r.evidence == PAGE_THREE]
    assert (storm_shadow.actor, storm_shadow.recipient, storm_shadow.page) == ("GBR", "UKR", 3)
