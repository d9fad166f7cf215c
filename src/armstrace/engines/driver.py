"""The driver's side of every engine: read documents, skip unchanged ones, store what comes back.

An engine supplies only an `Extract`: articles in, `(article, records or
Skipped)` out, in input order. Everything else is here, once, so that the local
and the Ray engine read, skip, count and store alike: the store is written by
this process alone (one writer), one transaction per document, and a document
whose content hash is stored already is not handed to the engine at all.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import pending_updates, update_events
from ..analysis.pending import clustering_paid, owe_clustering
from ..ingest import Skipped, count_failures, read_sources
from ..ingest.guard import failure
from ..records import Article, Record
from ..settings import Settings
from ..store import Store
from .page_groups import by_page_groups

Progress = Callable[[str, int], None]   # (event, n): "read", "skipped", "done"; "pages", "page" for PDF pages
Result = tuple[Article, list[Record] | Skipped]
Extract = Callable[[Iterable[Article]], Iterator[Result]]


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    records: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every input went in, 1 when something could not be read (a folder's unsupported files aside)."""
        return 1 if count_failures(self.skipped) else 0


def own_files(db: str | Path) -> frozenset[str]:
    """The database's own files (itself, its WAL, shared memory and tokens): never named as unsupported inputs."""
    path = os.path.realpath(db)
    return frozenset(path + suffix for suffix in ("", "-wal", "-shm", "-journal", ".tokens"))


def failed(article: Article, exc: Exception) -> Skipped:
    """The Skipped of an article whose extraction raised `exc`."""
    where = article.source_path or article.doc_id
    return Skipped(where, f"extraction failed on {article.doc_id!r}: {type(exc).__name__}: {exc}")


def surviving(items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
    """`items` until the reader raises, then one Skipped naming where it was: what was read before stays.

    The readers guard each source themselves (`ingest.guard`); this is the last
    line, for a reader handed in by a caller (a generator cannot be resumed after it raises).
    """
    where = "the first source"
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001  a reader's bug: one line, and what was read is stored
            yield Skipped(f"after {where}", failure(exc) + "; the sources after it were not read")
            return
        where = item.source if isinstance(item, Skipped) else (item.source_path or item.doc_id)
        yield item


def _read(paths: Iterable[str | Path], settings: Settings, published: str | None,
          progress: Progress | None = None) -> Iterator[Article | Skipped]:
    """Files, folders, web addresses and feeds, read with the settings' limits (PDF pages counted on `progress`)."""
    return read_sources(paths, published=published, max_bytes=settings.max_bytes, timeout=settings.timeout,
                        retries=settings.retries, progress=progress)


def ingest_with(extract: Extract, paths: Iterable[str | Path], *, db: str | Path, settings: Settings,
                published: str | None = None, force: bool = False,
                progress: Progress | None = None) -> IngestSummary:
    """Read `paths` (files, folders, addresses, feeds), extract the new or changed documents, store them in `db`."""
    return ingest_items(extract, _read(paths, settings, published, progress), db=db, force=force, progress=progress)


def ingest_items(extract: Extract, items: Iterable[Article | Skipped], *, db: str | Path, force: bool = False,
                 progress: Progress | None = None) -> IngestSummary:
    """Extract the new or changed articles of `items` with `extract` and store them in `db`; count the Skipped."""
    summary = IngestSummary()
    started = time.perf_counter()
    own = own_files(db)
    saved: list[str] = []   # the documents this run added or replaced: their records are the new ones
    with Store(db) as store:
        stopped_before = owe_clustering(store)
        def fresh() -> Iterator[Article]:
            for item in surviving(items):
                if isinstance(item, Skipped):
                    if item.unsupported and os.path.realpath(item.source) in own:
                        continue   # the database ingested into, kept in the corpus folder
                    summary.skipped.append(item)
                    if progress and not item.unsupported:
                        progress("skipped", 1)
                    continue
                summary.read += 1
                if progress:
                    progress("read", 1)
                if not force and store.document_hash(item.doc_id) == item.content_hash:
                    summary.unchanged += 1
                    if progress:
                        progress("done", 1)
                    continue
                yield item

        for article, result in by_page_groups(extract)(fresh()):
            if isinstance(result, Skipped):
                summary.skipped.append(result)
            else:
                outcome = store.save_document(article, result, force=force)
                if outcome == "unchanged":
                    # Another ingest stored the same text meanwhile: nothing was written here.
                    summary.unchanged += 1
                else:
                    saved.append(article.doc_id)
                    summary.added += outcome == "added"
                    summary.replaced += outcome == "replaced"
                    summary.records += len({record.record_id for record in result})   # as the store keeps them
                    summary.words += len(article.text.split())
            if progress:
                progress("done", 1)
        # Once per run, not per document: each touched block is re-clustered once. The new records are
        # found by their documents: looking for every record in no event read the whole store (2 s at
        # 100,000 articles, on every run). Only after a run that stopped before clustering (its note is
        # still there) or when the table sizes show records in no event is every record looked at.
        update_events(store, saved)
        if stopped_before or pending_updates(store):
            update_events(store)
        clustering_paid(store)
    summary.seconds = time.perf_counter() - started
    return summary


def extract_with(extract: Extract, paths: Iterable[str | Path], *, settings: Settings,
                 published: str | None = None, skipped: list[Skipped] | None = None) -> Iterator[Record]:
    """Records of the documents in `paths` without a database; what could not be read goes to `skipped`."""
    sink = skipped if skipped is not None else []

    def articles() -> Iterator[Article]:
        for item in surviving(_read(paths, settings, published)):
            if isinstance(item, Skipped):
                sink.append(item)
            else:
                yield item

    for article, result in by_page_groups(extract)(articles()):
        if isinstance(result, Skipped):
            sink.append(result)
        else:
            yield from article.with_pages(result)
