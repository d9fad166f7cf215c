"""Web addresses and feeds -> articles: pages cleaned with trafilatura, PDFs read page by page, feed entries.

A web document's id comes from its address (the one asked for, not where a
redirect ended), so fetching the same address again gives the same id and the
store's content hash decides whether anything changed. The address is kept as
the document's `source_path` and the final URL (after redirects) as its `url`.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

from ..addresses import origin
from ..records import Article
from .boilerplate import find_chrome
from .feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from .fetch import FetchOptions, Fetched, client, fetch, is_address
from .files import Skipped, os_problem
from .guard import guarded
from .html import declared_encoding, read_html
from .pdf import read_pdf
from .text import Unreadable, decode_bytes

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def web_doc_id(address: str) -> str:
    """The document id of a web address: readable (host and path) and unique (a hash of the whole address).

    No slashes: the id is one segment of the API's /api/documents/{doc_id}.
    """
    parts = urlsplit(address.strip())
    where = parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")
    slug = _SLUG.sub("-", where).strip("-.")[:150]
    return f"{slug}-{hashlib.sha256(address.strip().encode('utf-8')).hexdigest()[:10]}"


def feed_file_doc_id(name: str, key: str) -> str:
    """The id of an entry of a local feed file without a link: its file name and entry key, never its folder."""
    slug = _SLUG.sub("-", f"{name}-{key}").strip("-.")[:150]
    return f"{slug}-{hashlib.sha256(f'{name}#{key}'.encode('utf-8')).hexdigest()[:10]}"


def _html_article(html: str, *, doc_id: str, address: str, url: str | None, published: str | None) -> Article | Unreadable:
    page = read_html(html)
    if isinstance(page, Unreadable):
        return page
    return Article(doc_id=doc_id, text=page.text, title=page.title, published=page.published or published,
                   url=url, source_path=address, source_format="html",
                   skip_spans=find_chrome(page.text, title=page.title))


def _text_article(text: str, *, doc_id: str, address: str, url: str | None, published: str | None) -> Article:
    return Article(doc_id=doc_id, text=text, published=published, url=url, source_path=address,
                   source_format="txt", skip_spans=find_chrome(text))


def _pdf_items(fetched: Fetched, *, doc_id: str, published: str | None) -> list[Article | Skipped]:
    """A PDF from the web, read by the PDF reader (from a temporary file), keyed by its address."""
    with tempfile.TemporaryDirectory(prefix="armstrace-") as folder:
        path = Path(folder) / "download.pdf"
        path.write_bytes(fetched.body)
        items = list(read_pdf(path, published=published))
    out: list[Article | Skipped] = []
    for item in items:
        if isinstance(item, Article):
            out.append(item.model_copy(update={"doc_id": doc_id, "url": fetched.final_url,
                                               "source_path": fetched.address}))
        else:   # "…/download.pdf page 7: …" -> "ADDRESS page 7: …"
            out.append(Skipped(item.source.replace(str(path), fetched.address), item.reason))
    return out


def page_article(fetched: Fetched, *, doc_id: str | None = None, published: str | None = None) -> Article | Skipped:
    """The article of a fetched page (HTML or plain text), or a Skipped naming the address and why not."""
    address = fetched.address
    kind = fetched.content_type
    if kind not in _HTML_TYPES and kind not in _TEXT_TYPES:
        return Skipped(address, f"content type {kind or 'not given'}: not a web page, plain text, PDF or feed "
                                "(download it and ingest the file if armstrace reads its format)")
    declared = fetched.charset or (declared_encoding(fetched.body) if kind in _HTML_TYPES else None)
    text = decode_bytes(fetched.body, declared=declared)
    if isinstance(text, Unreadable):
        return Skipped(address, text.reason)
    doc_id = doc_id or web_doc_id(address)
    if kind in _TEXT_TYPES:
        if not text.strip():
            return Skipped(address, "empty document")
        return _text_article(text, doc_id=doc_id, address=address, url=fetched.final_url, published=published)
    article = _html_article(text, doc_id=doc_id, address=address, url=fetched.final_url, published=published)
    return Skipped(address, article.reason) if isinstance(article, Unreadable) else article


def page_items(fetched: Fetched, *, doc_id: str | None = None, published: str | None = None) -> list[Article | Skipped]:
    """What a fetched page gives: its article (HTML, plain text or PDF), and a Skipped for each part that failed."""
    if fetched.content_type in _PDF_TYPES or fetched.body.startswith(b"%PDF-"):
        return _pdf_items(fetched, doc_id=doc_id or web_doc_id(fetched.address), published=published)
    return [page_article(fetched, doc_id=doc_id, published=published)]


class WebReader:
    """Reads addresses, feeds and feed entries into articles over one HTTP client (use it as a context manager).

    One reader reads each page once: a page met again (a feed entry whose page
    was given as an address too, or listed by two feeds) gives nothing the
    second time, so the first reading is the one stored, run after run.
    """

    def __init__(self, options: FetchOptions, *, published: str | None = None, trusted: Iterable[str] = ()) -> None:
        """`published`: the fallback date (YYYY-MM-DD) for documents whose page and feed say none.

        `trusted`: addresses the user named; their hosts are fetched even when not public (see `addresses`).
        """
        self.options = options
        self.published = published
        self.trusted: set[tuple[str, int]] = set()
        self.read_ids: set[str] = set()      # doc ids read by this reader: a page met again is not read again
        self.http = client(options, self.trusted)   # the client's hook sees hosts trusted later too
        for address in trusted:
            self.trust(address)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.http.close()

    def trust(self, address: str) -> None:
        """Allow `address`'s host and port even if not public: the user named it (or a feed file of theirs does)."""
        where = origin(address) if is_address(address) else None
        if where is not None:
            self.trusted.add(where)

    def fetch(self, address: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched | Skipped:
        """`fetch.fetch` with this reader's client and options."""
        return fetch(self.http, address, self.options, etag=etag, last_modified=last_modified)

    def read_address(self, address: str) -> Iterator[Article | Skipped]:
        """The article at `address`, or one per entry when it is a feed; Skipped for what fails."""
        fetched = self.fetch(address)
        if isinstance(fetched, Skipped):
            yield fetched
            return
        yield from self.read_fetched(fetched)

    def read_fetched(self, fetched: Fetched) -> Iterator[Article | Skipped]:
        """A fetched answer as articles: a feed's entries, or the page."""
        if fetched.content_type not in _HTML_TYPES and looks_like_feed(fetched.body, fetched.content_type):
            feed = parse_feed(fetched.body)
            if isinstance(feed, Unreadable):
                yield Skipped(fetched.address, feed.reason)
                return
            yield from self.read_feed(feed, fetched.address)
            return
        yield from self.page(fetched)

    def page(self, fetched: Fetched) -> list[Article | Skipped]:
        """`page_items` of a fetched page, or nothing when this reader has read that page already."""
        doc_id = web_doc_id(fetched.address)
        if doc_id in self.read_ids:
            return []
        return self._first(doc_id, page_items(fetched, doc_id=doc_id, published=self.published))

    def _first(self, doc_id: str, items: list[Article | Skipped]) -> list[Article | Skipped]:
        if any(isinstance(item, Article) for item in items):
            self.read_ids.add(doc_id)
        return items

    def read_feed_file(self, path: Path) -> Iterator[Article | Skipped]:
        """The entries of a local RSS/Atom file (their pages fetched unless the feed carries their content)."""
        try:
            size = path.stat().st_size
            if size > self.options.max_bytes:
                yield Skipped(str(path), f"{size} bytes is over the {self.options.max_bytes}-byte limit "
                                         "(raise it with --max-bytes)")
                return
            data = path.read_bytes()
        except OSError as exc:
            yield Skipped(str(path), os_problem(exc))
            return
        feed = parse_feed(data)
        if isinstance(feed, Unreadable):
            yield Skipped(str(path), feed.reason)
            return
        yield from self.read_feed(feed, str(path))

    def read_feed(self, feed: Feed, source: str) -> Iterator[Article | Skipped]:
        """An article per entry of `feed` (read from `source`, an address or a file); an entry that raises is one line."""
        if not feed.entries:
            yield Skipped(source, "the feed has no entries")
        for entry in feed.entries:
            yield from guarded(f"{source} entry {entry.key}", partial(self.read_entry, entry, source))

    def entry_doc_id(self, entry: FeedEntry, source: str) -> tuple[FeedEntry, str, str]:
        """(the entry with its link made absolute, the address it is read as, its doc id).

        An entry without a link is `SOURCE#KEY`; in a local file its id is keyed on
        the file's name, not its folder. The links of a local feed file are the
        user's own choice, so their hosts are trusted as named ones are.
        """
        if entry.link and is_address(source):   # a relative link is relative to the feed's address
            entry = replace(entry, link=urljoin(source, entry.link))
        if entry.link:
            if not is_address(source):
                self.trust(entry.link)
            return entry, entry.link, web_doc_id(entry.link)
        address = f"{source}#{entry.key}"
        return entry, address, web_doc_id(address) if is_address(source) else feed_file_doc_id(Path(source).name,
                                                                                                 entry.key)

    def read_entry(self, entry: FeedEntry, source: str) -> list[Article | Skipped]:
        """One entry: its full content if the feed carries it, else its page; the entry's title and date win.

        One Article, or a Skipped naming why not (a PDF may add a Skipped per unreadable page);
        nothing when this reader has read the entry's page already.
        """
        entry, address, doc_id = self.entry_doc_id(entry, source)
        if doc_id in self.read_ids:
            return []
        fallback = entry.published or self.published
        items: list[Article | Skipped]
        if entry.content is not None:
            url = entry.link or (source if is_address(source) else None)
            if entry.content_is_html:
                article = _html_article(entry.content, doc_id=doc_id, address=address, url=url, published=fallback)
            else:
                article = _text_article(entry.content, doc_id=doc_id, address=address, url=url, published=fallback)
            items = [Skipped(address, article.reason) if isinstance(article, Unreadable) else article]
        elif entry.link is None:
            return [Skipped(f"{source} entry {entry.key}", "no link and no content in the feed")]
        else:
            fetched = self.fetch(entry.link)
            if isinstance(fetched, Skipped):
                return [fetched]
            items = page_items(fetched, doc_id=doc_id, published=fallback)
        updates = {"title": entry.title} if entry.title else {}
        if entry.published:
            updates["published"] = entry.published
        return self._first(doc_id, [item.model_copy(update=updates) if isinstance(item, Article) and updates
                                    else item for item in items])
