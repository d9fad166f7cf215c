"""RSS and Atom feeds -> entries (link, title, date, and full content when the feed carries it), with feedparser.

feedparser reads RSS 0.9x-2.0, RDF and Atom, forgives the malformed XML real
feeds are full of, and maps `content:encoded` and Atom `<content>` to one
field. It is only ever given bytes: it never fetches anything itself (fetching
is `fetch.py`'s, with its timeouts and caps).
"""
from __future__ import annotations

import hashlib
import io
import re
import time
from dataclasses import dataclass
from typing import Any

import feedparser

from .dates import normalise_date
from .text import Unreadable

# Content types servers give feeds; a feed served as anything else is still found by sniffing.
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml",
})
# Suffixes of local files read as feeds when named on the command line.
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
NOT_A_FEED = "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> with entries)"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: where its page is, what it is called and when, and its content if carried."""

    key: str                  # the entry's id (guid), else its link, else a hash of its title
    link: str | None
    title: str | None
    published: str | None     # YYYY-MM-DD as written in the feed
    content: str | None       # full content (content:encoded, Atom <content>), HTML or text
    content_is_html: bool
    updated: str | None = None   # the entry's <updated>/<pubDate> as written: a feed bumps it on a correction

    @property
    def fingerprint(self) -> str:
        """SHA-256 of what the feed says about the entry: a changed title, date, update time or content changes it."""
        h = hashlib.sha256()
        for part in (self.key, self.link, self.title, self.published, self.updated, self.content):
            h.update((part or "").encode("utf-8") + b"\0")
        return h.hexdigest()


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title and entries in the order the feed lists them."""

    title: str | None
    entries: list[FeedEntry]


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """True when `data` is probably RSS/Atom: by content type, or an <rss>/<feed>/<rdf:RDF> root near the top."""
    if content_type in FEED_TYPES and content_type not in ("application/xml", "text/xml"):
        return True
    return bool(_ROOT.search(data[:2048]))


def _field(entry: Any, name: str) -> Any:
    """A field as the feed gave it: dict.get skips FeedParserDict's deprecated updated->published fallback."""
    return dict.get(entry, name)


def _date(entry: Any) -> str | None:
    """The entry's date as written (published, else updated), else feedparser's UTC reading of it."""
    for name in ("published", "updated", "created"):
        raw = _field(entry, name)
        if isinstance(raw, str) and (date := normalise_date(raw)):
            return date
    for name in ("published_parsed", "updated_parsed"):
        parsed = _field(entry, name)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _content(entry: Any) -> tuple[str | None, bool]:
    """The entry's full content and whether it is HTML; None when the feed carries only a summary."""
    for part in entry.get("content") or []:
        value = part.get("value")
        if isinstance(value, str) and value.strip():
            return value, "html" in str(part.get("type", "text/html"))
    return None, False


def _text(value: object) -> str | None:
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def _entry(raw: Any) -> FeedEntry | None:
    link = _text(raw.get("link"))
    title = _text(raw.get("title"))
    content, is_html = _content(raw)
    key = _text(raw.get("id")) or link
    if key is None:
        if not title and not content:
            return None   # an empty <item/>: nothing to read
        key = "title:" + hashlib.sha256((title or content or "").encode("utf-8")).hexdigest()[:16]
    return FeedEntry(key=key, link=link, title=title, published=_date(raw), content=content,
                     content_is_html=is_html, updated=_text(_field(raw, "updated")))


def parse_feed(data: bytes) -> Feed | Unreadable:
    """The feed in `data`, or why it is not one."""
    try:
        parsed = feedparser.parse(io.BytesIO(data))   # a file object: feedparser never treats it as a URL
    except Exception as exc:  # noqa: BLE001  feedparser is forgiving; anything it still raises is "not a feed"
        return Unreadable(f"{NOT_A_FEED}: {type(exc).__name__}")
    if not parsed.get("version"):
        return Unreadable(NOT_A_FEED)
    entries = [entry for entry in (_entry(raw) for raw in parsed.entries) if entry is not None]
    return Feed(title=_text(parsed.feed.get("title")), entries=entries)
