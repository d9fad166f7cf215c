"""RSS and Atom feeds, on the web and in local files: one document per entry, with the entry's title and date."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.ingest.feeds import parse_feed
from armstrace.ingest.text import Unreadable
from armstrace.store import Store
from newsroom import IRAN_DRONES, Newsroom, atom, rss, running_newsroom

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def site() -> Iterator[Newsroom]:
    with running_newsroom() as newsroom:
        yield newsroom


def ingest(db: Path, *args: str):
    return CliRunner().invoke(app, ["ingest", *args, "--db", str(db)])


def stored(db: Path) -> dict[str, tuple]:
    """{url: (title, published, source_format, [(actor, recipient, weapons)])} of every stored document."""
    with Store(db) as store:
        out = {}
        for summary in store.documents():
            article = store.get_document(summary.doc_id)
            records = store.records(doc_id=summary.doc_id)
            out[article.url] = (article.title, article.published, article.source_format,
                                sorted({(r.actor, r.recipient, tuple(r.weapons)) for r in records}))
        return out


def test_ingest_rss_feed_reads_each_entry_with_its_title_and_date(site, db):
    result = ingest(db, site.url("/feed.rss"))
    assert result.exit_code == 0, result.stderr
    docs = stored(db)
    challenger, leopard = docs[site.url("/news/challenger.html")], docs[site.url("/news/leopard.html")]
    assert challenger[:3] == ("Britain to send Challenger 2 tanks to Ukraine", "2023-01-14", "html")
    assert ("GBR", "UKR", ("challenger-2",)) in challenger[3]
    assert leopard[:2] == ("Germany to send Leopard 2 tanks to Ukraine", "2023-01-25")   # the entry's, not the page's
    assert ("DEU", "UKR", ("leopard-2",)) in leopard[3]
    # content:encoded carried Challenger's full text: its page (a 404 on this site) was never asked for.
    assert site.hits["/news/challenger.html"] == 0 and site.hits["/news/leopard.html"] >= 1


def test_ingest_atom_feed_reads_content_and_fetches_summary_only_entries(site, db):
    result = ingest(db, site.url("/feed.atom"))
    assert result.exit_code == 0, result.stderr
    docs = stored(db)
    himars, f16 = docs[site.url("/news/himars.html")], docs[site.url("/news/f16.html")]
    assert himars[:2] == ("US to provide HIMARS to Ukraine", "2022-06-01")
    assert ("USA", "UKR", ("himars",)) in himars[3]
    assert f16[:2] == ("Netherlands to deliver F-16s to Ukraine", "2023-08-20")
    assert ("NLD", "UKR", ("f-16",)) in f16[3]


def test_ingest_feed_served_as_plain_xml_is_recognised(site, db):
    result = ingest(db, site.url("/feed-as-text-xml"))
    assert result.exit_code == 0, result.stderr
    assert set(stored(db)) == {site.url("/news/himars.html"), site.url("/news/f16.html")}


def test_ingest_local_feed_file(site, db, tmp_path):
    feed = tmp_path / "armsdesk.rss"
    feed.write_text(rss(site.base), encoding="utf-8")
    result = ingest(db, str(feed))
    assert result.exit_code == 0, result.stderr
    assert set(stored(db)) == {site.url("/news/challenger.html"), site.url("/news/leopard.html")}


def test_ingest_feed_twice_stores_nothing_new(site, db):
    assert ingest(db, site.url("/feed.atom")).exit_code == 0
    again = ingest(db, site.url("/feed.atom"))
    assert "2 read (0 added, 0 replaced, 2 unchanged)" in again.stderr


def test_ingest_feed_entry_that_fails_is_one_line_and_the_rest_goes_in(site, db, tmp_path):
    feed = tmp_path / "mixed.xml"
    feed.write_text(atom(site.base).replace(f"{site.base}/news/f16.html", f"{site.base}/gone/f16.html"),
                    encoding="utf-8")
    result = ingest(db, str(feed))
    assert result.exit_code == 1
    assert f"skipped {site.base}/gone/f16.html: HTTP 404 Not Found" in result.stderr.splitlines()
    assert set(stored(db)) == {site.url("/news/himars.html")}


def test_ingest_xml_file_that_is_no_feed_is_named(db, tmp_path):
    other = tmp_path / "inventory.xml"
    other.write_text("<?xml version='1.0'?><inventory><tank>T-72</tank></inventory>", encoding="utf-8")
    result = ingest(db, str(other))
    assert result.exit_code == 1
    assert f"skipped {other}: not an RSS or Atom feed" in result.stderr


@pytest.mark.parametrize("data", [IRAN_DRONES.encode(), b"", b"\x89PNG\r\n\x1a\n\0\0"])
def test_parse_feed_refuses_what_is_not_a_feed(data):
    assert isinstance(parse_feed(data), Unreadable)


def test_parse_feed_keys_entries_by_guid_and_keeps_full_content():
    feed = parse_feed(rss("http://example.org").encode())
    assert not isinstance(feed, Unreadable)
    challenger, leopard = feed.entries
    assert (challenger.key, challenger.content_is_html, "14 Challenger 2" in (challenger.content or "")) == (
        "news-challenger", True, True)
    assert (leopard.key, leopard.content, leopard.link) == ("news-leopard", None, "http://example.org/news/leopard.html")
