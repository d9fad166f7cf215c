"""Web addresses and feeds -> articles: fetched pages cleaned with trafilatura, feed entries with their metadata.

A web document's id comes from its address (the one asked for, not where a
redirect ended), so fetching the same address again gives the same id and the
store's content hash decides whether anything changed. The address is kept as
the document's `source_path` and the final URL (after redirects) as its `url`.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

from ..records import Article
from .boilerplate import find_chrome
from .feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from .fetch import FetchOptions, Fetched, client, fetch, is_address
from .files import Skipped, os_problem
from .html import declared_encoding, read_html
from .text import Unreadable, decode_bytes

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def web_doc_id(address: str) -> str:
    """The document id of a web address: readable (host and path) and unique (a hash of the whole address).

    No slashes: the id is one segment of the API's /api/documents/{doc_id}.
    """
    parts = urlsplit(address.strip())
    where = parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")
    slug = _SLUG.sub("-", where).strip("-.")[:150]
    return f"{slug}-{hashlib.sha256(address.strip().encode('utf-8')).hexdigest()[:10]}"


def _html_article(html: str, *, doc_id: str, address: str, url: str, published: str | None) -> Article | Unreadable:
    page = read_html(html)
    if isinstance(page, Unreadable):
        return page
    return Article(doc_id=doc_id, text=page.text, title=page.title, published=page.published or published,
                   url=url, source_path=address, source_format="html",
                   skip_spans=find_chrome(page.text, title=page.title))


def _text_article(text: str, *, doc_id: str, address: str, url: str, published: str | None) -> Article:
    return Article(doc_id=doc_id, text=text, published=published, url=url, source_path=address,
                   source_format="txt", skip_spans=find_chrome(text))


def page_article(fetched: Fetched, *, doc_id: str | None = None, published: str | None = None) -> Article | Skipped:
    """The article of a fetched page (HTML or plain text), or a Skipped naming the address and why not."""
    address = fetched.address
    kind = fetched.content_type
    if kind not in _HTML_TYPES and kind not in _TEXT_TYPES:
        return Skipped(address, f"content type {kind or 'not given'}: not a web page, plain text or feed "
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


class WebReader:
    """Reads addresses, feeds and feed entries into articles over one HTTP client (use it as a context manager)."""

    def __init__(self, options: FetchOptions, *, published: str | None = None) -> None:
        """`published`: the fallback date (YYYY-MM-DD) for documents whose page and feed say none."""
        self.options = options
        self.published = published
        self.http = client(options)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.http.close()

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
        yield page_article(fetched, published=self.published)

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
        """An article per entry of `feed` (read from `source`, an address or a file)."""
        if not feed.entries:
            yield Skipped(source, "the feed has no entries")
        for entry in feed.entries:
            yield self.read_entry(entry, source)

    def read_entry(self, entry: FeedEntry, source: str) -> Article | Skipped:
        """One entry: its full content if the feed carries it, else its page; the entry's title and date win."""
        if entry.link and is_address(source):   # a relative link is relative to the feed's address
            entry = replace(entry, link=urljoin(source, entry.link))
        address = entry.link or f"{source}#{entry.key}"
        doc_id = web_doc_id(address)
        fallback = entry.published or self.published
        article: Article | Unreadable | Skipped
        if entry.content is not None:
            url = entry.link or source
            if entry.content_is_html:
                article = _html_article(entry.content, doc_id=doc_id, address=address, url=url, published=fallback)
            else:
                article = _text_article(entry.content, doc_id=doc_id, address=address, url=url, published=fallback)
        elif entry.link is None:
            return Skipped(f"{source} entry {entry.key}", "no link and no content in the feed")
        else:
            fetched = self.fetch(entry.link)
            if isinstance(fetched, Skipped):
                return fetched
            article = page_article(fetched, doc_id=doc_id, published=fallback)
        if isinstance(article, Unreadable):
            return Skipped(address, article.reason)
        if isinstance(article, Skipped):
            return article
        updates = {"title": entry.title} if entry.title else {}
        if entry.published:
            updates["published"] = entry.published
        return article.model_copy(update=updates) if updates else article
