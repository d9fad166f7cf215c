"""One page from two sources (a feed entry and its own address) is one stable document; a reader that raises costs
one line, in `ingest` and in every `watch` round, and what was read before it is stored."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.engines.driver import ingest_items
from armstrace.engines.local import extract_docs
from armstrace.engines.watch import watch
from armstrace.nlp import load_pipeline
from armstrace.records import Article
from armstrace.settings import Settings
from armstrace.store import Store
from newsroom import Newsroom, running_newsroom

pytestmark = pytest.mark.issue(12)
QUICK = Settings(timeout=1.0, retries=0)


@pytest.fixture(scope="module")
def site() -> Iterator[Newsroom]:
    with running_newsroom() as newsroom:
        yield newsroom


def ingest(db: Path, *args: str):
    return CliRunner().invoke(app, ["ingest", *args, "--db", str(db)])


@pytest.mark.parametrize("feed_first", [True, False])
def test_ingest_feed_and_its_article_address_twice_replaces_nothing(site, db, feed_first):
    # The feed dates Leopard's entry 2023-01-25; its page carries no date: two readings of one page.
    sources = [site.url("/feed.rss"), site.url("/news/leopard.html")]
    sources = sources if feed_first else sources[::-1]
    first = ingest(db, *sources)
    assert first.exit_code == 0, first.stderr
    again = ingest(db, *sources)
    assert "(0 added, 0 replaced, 2 unchanged)" in again.stderr, again.stderr
    with Store(db) as store:
        assert store.count_documents() == 2


@pytest.mark.parametrize("feed_first", [True, False])
def test_watch_feed_and_its_article_address_changes_nothing_after_the_first_round(site, db, feed_first):
    # A feed served without ETag is read again every round; the page has one.
    sources = [site.url("/no-etag/feed.rss"), site.url("/news/leopard.html")]
    reports = watch(sources if feed_first else sources[::-1], db=db, every=0, rounds=3, settings=QUICK)
    assert [r.summary.replaced for r in reports[1:]] == [0, 0]
    assert [r.failed for r in reports] == [0, 0, 0]
    assert reports[0].summary.added == 2


def test_watch_round_with_a_feed_entry_that_crashes_the_reader_goes_on(db, tmp_path):
    feed = tmp_path / "desk.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Desk</title>
<item><title>Broken</title><link>http://[oops/news</link><guid>broken</guid></item>
<item><title>Leopard 2</title><guid isPermaLink="false">leopard</guid><content:encoded>BERLIN - Germany will send
14 Leopard 2 tanks to Ukraine, Chancellor Olaf Scholz said on Wednesday.</content:encoded></item>
</channel></rss>""", encoding="utf-8")
    (report,) = watch([str(feed)], db=db, every=0, rounds=1, settings=QUICK)
    assert (report.summary.added, report.failed) == (1, 1)
    assert [str(s) for s in report.summary.skipped] == [
        f"{feed} entry broken: reading failed (ValueError: Invalid IPv6 URL)"]


def test_ingest_keeps_what_was_read_before_a_reader_raises(db):
    nlp = load_pipeline(QUICK.model)

    def reader() -> Iterator[Article]:   # a reader with a bug: one document, then an exception
        yield Article(doc_id="leopard", text="Germany will send 14 Leopard 2 tanks to Ukraine, Chancellor Olaf "
                      "Scholz said on Wednesday.", published="2023-01-25", source_path="notes/leopard.txt")
        raise RuntimeError("the parser fell over")

    summary = ingest_items(lambda articles: extract_docs(nlp, articles), reader(), db=db)
    assert (summary.added, summary.exit_code) == (1, 1)
    assert [str(s) for s in summary.skipped] == [
        "after notes/leopard.txt: reading failed (RuntimeError: the parser fell over); "
        "the sources after it were not read"]
    with Store(db) as store:
        assert store.count_documents() == 1 and store.records(doc_id="leopard")


def test_watch_round_with_a_page_that_does_not_decode_goes_on(site, db):
    bad = site.url("/bad-gzip")   # Content-Encoding: gzip, body plain HTML
    reports = watch([bad, site.url("/news/f16.html")], db=db, every=0, rounds=2, settings=QUICK)
    assert [(r.summary.added, r.failed) for r in reports] == [(1, 1), (0, 1)]   # named each round, tried again
    assert str(reports[0].summary.skipped[0]).startswith(f"{bad}: unreadable answer (DecodingError")
