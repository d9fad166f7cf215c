"""The local engine: read documents, extract with `nlp.pipe`, store with one writer.

Unchanged documents (same content hash as stored) are not parsed again, so
re-ingesting a corpus costs a read and a hash per file. A document that fails
extraction is reported and skipped; what is already stored stays.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import update_events
from ..extract import extract_doc
from ..ingest import Skipped, read_documents
from ..nlp import load_pipeline
from ..records import Article, Record
from ..settings import Settings
from ..store import Store


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
        """0 when every input went in, 1 when something was skipped."""
        return 1 if self.skipped else 0


Progress = Callable[[str, int], None]   # (event, n): "read", "done"


def _failed(article: Article, exc: Exception) -> Skipped:
    where = article.source_path or article.doc_id
    return Skipped(where, f"extraction failed on {article.doc_id!r}: {type(exc).__name__}: {exc}")


# Articles handed to one nlp.pipe call; if spaCy itself fails inside it, only this chunk is redone
# one document at a time, so one bad document costs at most a chunk's re-parse, not the run.
_CHUNK = 32


def extract_stream(articles: Iterable[Article], model: str, *, batch_size: int = 4,
                   n_process: int = 1) -> Iterator[tuple[Article, list[Record] | Skipped]]:
    """(article, records) for each article, or (article, Skipped) when extraction fails on it."""
    nlp = load_pipeline(model)
    chunk: list[Article] = []

    def run(chunk: list[Article]) -> Iterator[tuple[Article, list[Record] | Skipped]]:
        try:
            done = list(nlp.pipe(((a.text, a) for a in chunk), as_tuples=True, batch_size=batch_size,
                                 n_process=n_process))
        except Exception:  # noqa: BLE001  the parser failed inside the batch: find the document, keep the rest
            done = []
            for article in chunk:
                try:
                    done.append((nlp(article.text), article))
                except Exception as exc:  # noqa: BLE001  reported as a skipped document
                    yield article, _failed(article, exc)
        for doc, article in done:
            try:
                yield article, extract_doc(doc, article)
            except Exception as exc:  # noqa: BLE001  one bad document must not stop the batch
                yield article, _failed(article, exc)

    for article in articles:
        if len(article.text) > nlp.max_length:
            yield article, Skipped(article.source_path or article.doc_id,
                                   f"{len(article.text):,} characters is over the model's limit of "
                                   f"{nlp.max_length:,} (split the document)")
            continue
        chunk.append(article)
        if len(chunk) >= _CHUNK:
            yield from run(chunk)
            chunk = []
    if chunk:
        yield from run(chunk)


def ingest_paths(paths: Iterable[str | Path], *, db: str | Path, settings: Settings | None = None,
                 published: str | None = None, n_process: int = 1, force: bool = False,
                 progress: Progress | None = None) -> IngestSummary:
    """Ingest files and folders into the database at `db`; see the module docstring.

    `force` re-extracts unchanged documents too (after upgrading armstrace or its data).
    """
    settings = settings or Settings()
    summary = IngestSummary()
    started = time.perf_counter()
    with Store(db) as store:
        def fresh() -> Iterator[Article]:
            for item in read_documents(paths, published=published, max_bytes=settings.max_bytes):
                if isinstance(item, Skipped):
                    summary.skipped.append(item)
                    if progress:
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

        for article, result in extract_stream(fresh(), settings.model, n_process=n_process):
            if isinstance(result, Skipped):
                summary.skipped.append(result)
            else:
                outcome = store.save_document(article, result, force=force)
                if outcome == "added":
                    summary.added += 1
                elif outcome == "replaced":
                    summary.replaced += 1
                else:
                    summary.unchanged += 1
                summary.records += len(result)
                summary.words += len(article.text.split())
            if progress:
                progress("done", 1)
        # Once per run, not per document: each touched block is re-clustered once.
        update_events(store)
    summary.seconds = time.perf_counter() - started
    return summary


def extract_paths(paths: Iterable[str | Path], *, settings: Settings | None = None,
                  published: str | None = None, skipped: list[Skipped] | None = None,
                  n_process: int = 1) -> Iterator[Record]:
    """Records from files without a database (for `armstrace extract` and evaluation)."""
    settings = settings or Settings()
    sink = skipped if skipped is not None else []

    def articles() -> Iterator[Article]:
        for item in read_documents(paths, published=published, max_bytes=settings.max_bytes):
            if isinstance(item, Skipped):
                sink.append(item)
            else:
                yield item

    for _article, result in extract_stream(articles(), settings.model, n_process=n_process):
        if isinstance(result, Skipped):
            sink.append(result)
        else:
            yield from result
