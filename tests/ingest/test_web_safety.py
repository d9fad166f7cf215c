"""What a hostile or broken web gives the readers: bodies that do not decode, links that crash a parser, feed
links and redirects into this machine's network, and local feed files whose folder must not leak into ids."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.store import Store
from newsroom import CHALLENGER, Newsroom, running_newsroom

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def site() -> Iterator[Newsroom]:
    with running_newsroom() as newsroom:
        yield newsroom


@pytest.fixture(scope="module")
def intranet() -> Iterator[Newsroom]:
    """A second server on 127.0.0.1 (another port) that no test names: what a hostile feed points at."""
    with running_newsroom() as newsroom:
        yield newsroom


def ingest(db: Path, *args: str):
    return CliRunner().invoke(app, ["ingest", *args, "--db", str(db)])


def stored(db: Path) -> dict[str, tuple[str | None, str | None]]:
    """{doc_id: (url, source_path)} of every stored document."""
    with Store(db) as store:
        return {s.doc_id: (store.get_document(s.doc_id).url, store.get_document(s.doc_id).source_path)
                for s in store.documents()}


def rss_file(folder: Path, items: str, name: str = "desk.rss") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
                    f'content/"><channel><title>Desk</title>{items}</channel></rss>', encoding="utf-8")
    return path


CARRIED = f"<item><title>Challenger 2 for Ukraine</title><guid isPermaLink=\"false\">challenger</guid>" \
          f"<content:encoded><![CDATA[{CHALLENGER}]]></content:encoded></item>"


def test_page_whose_gzip_is_not_gzip_is_one_line_and_the_pages_around_it_go_in(site, db):
    bad = site.url("/bad-gzip")
    result = ingest(db, site.url("/news/iran-drones.html"), bad, site.url("/news/f16.html"))
    assert result.exit_code == 1, result.stderr   # not 3: nothing read before or after it is lost
    assert any(line.startswith(f"skipped {bad}: unreadable answer (DecodingError")
               for line in result.stderr.splitlines()), result.stderr
    assert sorted(url for url, _ in stored(db).values()) == [site.url("/news/f16.html"),
                                                             site.url("/news/iran-drones.html")]


def test_feed_entry_whose_link_crashes_the_url_parser_is_one_line_and_the_next_entry_goes_in(db, tmp_path):
    feed = rss_file(tmp_path, "<item><title>Broken</title><link>http://[oops/news</link><guid>broken</guid></item>"
                    + CARRIED)
    result = ingest(db, str(feed))
    assert result.exit_code == 1, result.stderr
    assert f"skipped {feed} entry broken: reading failed (ValueError: Invalid IPv6 URL)" in result.stderr
    assert len(stored(db)) == 1


def test_feed_entry_linking_into_an_unnamed_local_host_is_refused(site, intranet, db):
    secret = intranet.url("/news/leopard.html")
    site.files["/hostile.rss"] = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>Secret</title><link>{secret}</link><guid>secret</guid></item>"
        f"<item><title>F-16s</title><link>{site.url('/news/f16.html')}</link><guid>f16</guid></item>"
        f"</channel></rss>".encode(), "application/rss+xml")
    result = ingest(db, site.url("/hostile.rss"))
    assert result.exit_code == 1, result.stderr
    assert (f"skipped {secret}: refused {secret}: 127.0.0.1 is not a public address (loopback, private, "
            "link-local or metadata); name its host on the command line to fetch it") in result.stderr
    assert intranet.hits["/news/leopard.html"] == 0   # never asked
    assert [url for url, _ in stored(db).values()] == [site.url("/news/f16.html")]   # the named host's entry went in


def test_redirect_hop_into_an_unnamed_local_host_is_refused_and_a_named_one_is_followed(site, intranet, db):
    target = intranet.url("/news/f16.html")
    hop = site.url("/redirect?to=" + quote(target, safe=""))
    refused = ingest(db, hop)
    assert refused.exit_code == 1 and f"skipped {hop}: refused {target}: 127.0.0.1 is not a public" in refused.stderr
    assert intranet.hits["/news/f16.html"] == 0
    followed = ingest(db, hop, intranet.url("/news/iran-drones.html"))   # the user names the intranet host too
    assert followed.exit_code == 0, followed.stderr
    assert intranet.hits["/news/f16.html"] == 1


@pytest.mark.parametrize(("host", "private"), [
    ("127.0.0.1", True), ("10.1.2.3", True), ("169.254.169.254", True), ("100.64.0.1", True), ("::1", True),
    ("::ffff:127.0.0.1", True), ("fd00:ec2::254", True), ("localhost", True), ("8.8.8.8", False),
    ("2001:4860:4860::8888", False)])
def test_private_address_knows_loopback_private_link_local_and_metadata(host, private):
    from armstrace.addresses import private_address

    assert (private_address(host, 80) is not None) is private


def test_local_feed_entry_without_link_is_keyed_on_the_file_name_not_its_folder(db, tmp_path):
    first = rss_file(tmp_path / "home" / "alice" / "private-notes", CARRIED)
    assert ingest(db, str(first)).exit_code == 0
    ((doc_id, (url, source_path)),) = stored(db).items()
    assert url is None and "private-notes" not in doc_id and "alice" not in doc_id and "desk.rss" in doc_id
    assert source_path == f"{first}#challenger"   # the local path, which the API cuts to its name
    moved = tmp_path / "elsewhere" / "desk.rss"
    moved.parent.mkdir()
    shutil.copy(first, moved)
    again = ingest(db, str(moved))   # the same file in another folder is the same document
    assert "1 read (0 added, 0 replaced, 1 unchanged)" in again.stderr, again.stderr


def test_the_address_connected_to_is_checked_too(site):
    # DNS may answer a public address to the check and a private one to the connect (rebinding): the
    # response hook checks the socket's peer, whatever the name said. Here it runs alone, on a real answer.
    import httpx

    from armstrace.addresses import origin
    from armstrace.ingest.fetch import RefusedAddress, _refuse_private_peer

    with (httpx.Client(event_hooks={"response": [_refuse_private_peer(())]}) as http,
          pytest.raises(RefusedAddress, match=r"127\.0\.0\.1 is not a public address")):
        http.get(site.url("/news/f16.html"))
    with httpx.Client(event_hooks={"response": [_refuse_private_peer({origin(site.base)})]}) as http:
        assert http.get(site.url("/news/f16.html")).status_code == 200
