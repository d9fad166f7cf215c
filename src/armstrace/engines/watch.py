"""Watch feeds and addresses: poll them every so often and ingest what is new, round after round.

A round reads every source once. What the database says was stored already is
not fetched again: a feed entry whose id and fingerprint are in the `seen`
table is skipped, and a feed or page is asked for with the validators it last
answered (ETag, Last-Modified), so an unchanged one costs a 304. New and
changed documents go through the same driver as `armstrace ingest` (one
transaction each), and their `seen` rows are written after them: a stop at any
moment leaves nothing half-written, and a restart picks up where it stopped.
A network error, or a reader that raises, costs one line naming the source,
which is tried again next round. A page met twice in a round (a feed entry
whose address is watched too) is read once: the first source to store it keeps
it, so later rounds change nothing.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from ..errors import ArmstraceError
from ..ingest import Skipped, count_failures, normalise_date, read_documents
from ..ingest.feeds import FEED_SUFFIXES, Feed, FeedEntry, looks_like_feed, parse_feed
from ..ingest.fetch import FetchOptions, Fetched, is_address
from ..ingest.guard import guarded
from ..ingest.text import Unreadable
from ..ingest.web import WebReader, web_doc_id
from ..nlp import load_pipeline
from ..records import Article
from ..settings import Settings
from ..store import Store
from ..store.seen import SELF, SeenItem, mark_seen, seen_items
from .driver import IngestSummary, ingest_items
from .local import extract_docs

Item = Article | Skipped


@dataclass
class RoundReport:
    """What one round did, for its summary line."""

    number: int
    sources: int
    summary: IngestSummary = field(default_factory=IngestSummary)
    not_fetched: int = 0          # entries already seen, and 304 answers: unchanged without a download
    error: str | None = None      # a round that could not run at all (the database locked, say)
    stopped: bool = False         # Ctrl-C arrived during the round: what was left is read next time

    @property
    def failed(self) -> int:
        """Sources, entries or documents that did not go in this round."""
        return count_failures(self.summary.skipped) + (self.error is not None)

    def line(self) -> str:
        """`round 2 at 16:31:05: 3 sources, 1 new, 0 changed, 5 unchanged, 0 failed, 4 records (1.2 s)`."""
        at = datetime.now(UTC).strftime("%H:%M:%S")
        s = self.summary
        text = (f"round {self.number} at {at} UTC: {self.sources} sources, {s.added} new, {s.replaced} changed, "
                f"{s.unchanged + self.not_fetched} unchanged, {self.failed} failed, {s.records} records "
                f"({s.seconds:.1f} s)")
        if self.error:
            text += f"; {self.error}"
        return text + ("; stopped" if self.stopped else "")


class _Round:
    """One round's reading: the articles to ingest, and the `seen` rows to write once they are stored."""

    def __init__(self, reader: WebReader, store: Store, stop: threading.Event) -> None:
        self.reader = reader
        self.store = store
        self.stop = stop
        self.pending: list[tuple[SeenItem, Article | None]] = []
        self.not_fetched = 0

    def items(self, sources: Iterable[str]) -> Iterator[Item]:
        """Every source once, in order; a source whose reader raises is one Skipped naming it."""
        for source in sources:
            if self.stop.is_set():
                return
            yield from guarded(source, partial(self._source, source))

    def _source(self, source: str) -> Iterator[Item]:
        if is_address(source):
            yield from self._address(source)
        elif Path(source).suffix.lower() in FEED_SUFFIXES and Path(source).is_file():
            yield from self._feed_file(source)
        else:   # a file or folder: re-read each round; the content hash tells what changed
            yield from read_documents([source], published=self.reader.published,
                                      max_bytes=self.reader.options.max_bytes)

    def _address(self, source: str) -> Iterator[Item]:
        me = seen_items(self.store, source).get(SELF)
        fetched = self.reader.fetch(source, etag=me.etag if me else None,
                                    last_modified=me.last_modified if me else None)
        if isinstance(fetched, Skipped):
            yield fetched
        elif fetched.not_modified:
            self.not_fetched += 1
            if me is not None and me.doc_id:
                self.reader.read_ids.add(me.doc_id)   # unchanged: a feed listing the same page must not replace it
        elif fetched.content_type != "text/html" and looks_like_feed(fetched.body, fetched.content_type):
            yield from self._feed_bytes(source, fetched.body, fetched)
        elif web_doc_id(source) in self.reader.read_ids:   # read this round from a feed listing it: done
            self.not_fetched += 1
            self.pending.append((SeenItem(source, SELF, doc_id=web_doc_id(source), etag=fetched.etag,
                                          last_modified=fetched.last_modified), None))
        else:
            for item in self.reader.page(fetched):
                if isinstance(item, Article):
                    self.pending.append((SeenItem(source, SELF, doc_id=item.doc_id, etag=fetched.etag,
                                                  last_modified=fetched.last_modified), item))
                yield item

    def _feed_file(self, source: str) -> Iterator[Item]:
        path = Path(source)
        try:
            data = path.read_bytes() if path.stat().st_size <= self.reader.options.max_bytes else None
        except OSError as exc:
            yield Skipped(source, f"cannot read it ({exc.strerror or type(exc).__name__})")
            return
        if data is None:
            yield Skipped(source, f"over the {self.reader.options.max_bytes}-byte limit (raise it with --max-bytes)")
            return
        yield from self._feed_bytes(source, data, None)

    def _feed_bytes(self, source: str, data: bytes, fetched: Fetched | None) -> Iterator[Item]:
        feed = parse_feed(data)
        if isinstance(feed, Unreadable):
            yield Skipped(source, feed.reason)
            return
        yield from self._entries(source, feed, fetched)

    def _entries(self, source: str, feed: Feed, fetched: Fetched | None) -> Iterator[Item]:
        known = seen_items(self.store, source)
        complete = True
        for entry in feed.entries:
            if self.stop.is_set():
                return
            prior = known.get(entry.key)
            if prior is not None and prior.fingerprint == entry.fingerprint:
                self.not_fetched += 1
                if prior.doc_id:
                    self.reader.read_ids.add(prior.doc_id)   # stored as this entry: no other source replaces it
                continue
            read = list(guarded(f"{source} entry {entry.key}", partial(self._entry, entry, source)))
            if read == [None]:   # its page was read already this round (an address, another feed)
                continue
            items = [item for item in read if item is not None]
            articles = [item for item in items if isinstance(item, Article)]
            if not articles:
                complete = False
            for article in articles:   # one (a PDF's unreadable pages are Skipped beside it, not retried)
                self.pending.append((SeenItem(source, entry.key, entry.fingerprint, article.doc_id), article))
            yield from items
        # The feed's validators only once every entry went in: a 304 next round must not hide a failed one.
        if complete and fetched is not None:
            self.pending.append((SeenItem(source, SELF, etag=fetched.etag, last_modified=fetched.last_modified), None))

    def _entry(self, entry: FeedEntry, source: str) -> list[Item | None]:
        """The entry's items, or [None] (and its seen row) when its page was read already this round."""
        _, _, doc_id = self.reader.entry_doc_id(entry, source)
        if doc_id in self.reader.read_ids:
            self.not_fetched += 1
            self.pending.append((SeenItem(source, entry.key, entry.fingerprint, doc_id), None))
            return [None]
        return list(self.reader.read_entry(entry, source))

    def stored(self) -> list[SeenItem]:
        """The seen rows whose documents are now stored (a failed extraction is tried again next round)."""
        return [item for item, article in self.pending
                if article is None or self.store.document_hash(article.doc_id) == article.content_hash]


def run_round(number: int, sources: list[str], *, db: str | Path, settings: Settings, published: str | None,
              stop: threading.Event) -> RoundReport:
    """Poll every source once and ingest what is new; never raises on a network error."""
    report = RoundReport(number=number, sources=len(sources))
    options = FetchOptions(timeout=settings.timeout, max_bytes=settings.max_bytes, retries=settings.retries)
    nlp = load_pipeline(settings.model)
    try:
        with WebReader(options, published=published, trusted=sources) as reader, Store(db) as store:
            polled = _Round(reader, store, stop)
            report.summary = ingest_items(lambda articles: extract_docs(nlp, articles), polled.items(sources), db=db)
            mark_seen(store, polled.stored())
            report.not_fetched = polled.not_fetched
    except ArmstraceError as exc:   # the database locked by another writer, say: this round is lost, not the watch
        report.error = str(exc)
    report.stopped = stop.is_set()
    return report


def watch(sources: Iterable[str], *, db: str | Path, every: float, rounds: int | None = None,
          settings: Settings | None = None, published: str | None = None, stop: threading.Event | None = None,
          on_round: Callable[[RoundReport], None] | None = None) -> list[RoundReport]:
    """Run rounds `every` seconds apart (start to start) until `rounds` are done or `stop` is set.

    Args:
        published: fallback date (YYYY-MM-DD) for documents that carry none.
        stop: set it (from a signal handler, say) to end after the current document.
        on_round: called with each round's report as soon as the round ends.
    """
    settings = settings or Settings()
    stop = stop or threading.Event()
    wanted = list(dict.fromkeys(str(source).strip() for source in sources))
    published = normalise_date(published) if published else None
    reports: list[RoundReport] = []
    while not stop.is_set() and (rounds is None or len(reports) < rounds):
        started = time.monotonic()
        report = run_round(len(reports) + 1, wanted, db=db, settings=settings, published=published, stop=stop)
        reports.append(report)
        if on_round:
            on_round(report)
        if rounds is not None and len(reports) >= rounds:
            break
        stop.wait(max(0.0, every - (time.monotonic() - started)))
    return reports
