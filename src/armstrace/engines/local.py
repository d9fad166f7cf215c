"""The local engine: read documents, extract on every core, store with one writer.

Extraction (parse and our rules) runs in `processes` worker processes, by
default one per core (`engines.pool`); each worker parses its share with
`nlp.pipe` and extracts the records itself, so our code after the parser runs
in parallel too and only small records come back, not serialised Docs. A
corpus too small to be worth starting workers is extracted in this process.

Unchanged documents (same content hash as stored) are not parsed again, so
re-ingesting a corpus costs a read and a hash per file. A document that fails
extraction is reported and skipped; what is already stored stays. Reading,
skipping and storing are `engines.driver`'s, shared with the Ray engine.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..extract import extract_doc
from ..ingest import Skipped
from ..nlp import load_pipeline
from ..records import Article, Record
from ..settings import Settings
from .driver import IngestSummary, Progress, Result, extract_with, failed, ingest_with

__all__ = ["BATCH_SIZE", "IngestSummary", "default_processes", "extract_docs", "extract_paths", "extract_stream",
           "ingest_paths"]

# Articles per nlp.pipe batch. News articles run 300-1,500 words: ~4 whole articles a batch is fastest with
# the sm model on this kind of machine (NOTES: 64+ costs 1.5 GB and is slower; 1 loses the batching).
BATCH_SIZE = 4


def default_processes() -> int:
    """Worker processes when none are asked for: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # not Linux
        return os.cpu_count() or 1


def _parsed(nlp: Language, articles: Iterable[Article], batch_size: int) -> Iterator[tuple[Article, Doc | Skipped]]:
    """(article, Doc) in input order through one long `nlp.pipe`; an article spaCy fails on becomes a Skipped.

    One pipe for the whole stream keeps its batches full. If spaCy raises inside
    it, the articles handed to it and not yet returned are parsed one at a time
    (finding the bad one), then a new pipe takes the rest. An error of the input
    itself (the store, the reader) is raised as it is, never taken for a bad document.
    """
    source = iter(articles)
    pending: deque[tuple[Article, Skipped | None]] = deque()   # handed to spaCy (or refused), not yet yielded
    input_error: list[Exception] = []

    def feed() -> Iterator[tuple[str, Article]]:
        while True:
            try:
                article = next(source)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001  raised again once what was read is out
                input_error.append(exc)
                return
            if len(article.text) > nlp.max_length:
                pending.append((article, Skipped(article.source_path or article.doc_id,
                                                 f"{len(article.text):,} characters is over the model's limit of "
                                                 f"{nlp.max_length:,} (split the document)")))
                continue
            pending.append((article, None))
            yield article.text, article

    def refused() -> Iterator[tuple[Article, Skipped]]:
        while pending and pending[0][1] is not None:
            article, skip = pending.popleft()
            yield article, skip   # type: ignore[misc]

    while True:
        try:
            for doc, article in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
                yield from refused()
                pending.popleft()
                yield article, doc
            yield from refused()
            break
        except Exception:  # noqa: BLE001  the parser failed inside the batch: find the document, keep the rest
            yield from refused()
            while pending:
                article, _ = pending.popleft()
                try:
                    yield article, nlp(article.text)
                except Exception as exc:  # noqa: BLE001  reported as a skipped document
                    yield article, failed(article, exc)
                yield from refused()
            if input_error:
                break
    if input_error:
        raise input_error[0]


def extract_docs(nlp: Language, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """(article, records) for each article through a loaded pipeline, or (article, Skipped) when it fails.

    The one extraction loop of every engine: the local engine runs it in this
    process or in each worker (`engines.pool`), the Ray engine in each of its actors.
    """
    for article, parsed in _parsed(nlp, articles, batch_size):
        if isinstance(parsed, Skipped):
            yield article, parsed
            continue
        try:
            yield article, extract_doc(parsed, article)
        except Exception as exc:  # noqa: BLE001  one bad document must not stop the batch
            yield article, failed(article, exc)


def extract_stream(articles: Iterable[Article], model: str, *, batch_size: int = BATCH_SIZE,
                   n_process: int | None = None) -> Iterator[Result]:
    """(article, records) for each article, or (article, Skipped) when extraction fails on it.

    `n_process` worker processes (default one per core); a stream shorter than
    what one worker would take at a time is extracted here, without workers.
    """
    from .pool import extract_in_workers

    source = iter(articles)
    first = next(source, None)
    if first is None:
        return   # nothing new (a re-ingest of unchanged documents): the model is not even loaded
    nlp = load_pipeline(model)   # here first: a missing model is one error, and forked workers inherit it
    stream = chain([first], source)
    processes = n_process or default_processes()
    if processes <= 1:
        yield from extract_docs(nlp, stream, batch_size=batch_size)
    else:
        yield from extract_in_workers(nlp, model, stream, processes=processes, batch_size=batch_size)


def ingest_paths(paths: Iterable[str | Path], *, db: str | Path, settings: Settings | None = None,
                 published: str | None = None, n_process: int | None = None, force: bool = False,
                 progress: Progress | None = None) -> IngestSummary:
    """Ingest files and folders into the database at `db`; see the module docstring.

    `n_process`: worker processes (default one per core). `force` re-extracts
    unchanged documents too (after upgrading armstrace or its data).
    """
    settings = settings or Settings()

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        return extract_stream(articles, settings.model, n_process=n_process)

    return ingest_with(extract, paths, db=db, settings=settings, published=published, force=force,
                       progress=progress)


def extract_paths(paths: Iterable[str | Path], *, settings: Settings | None = None,
                  published: str | None = None, skipped: list[Skipped] | None = None,
                  n_process: int | None = None) -> Iterator[Record]:
    """Records from files without a database (for `armstrace extract` and evaluation)."""
    settings = settings or Settings()

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        return extract_stream(articles, settings.model, n_process=n_process)

    return extract_with(extract, paths, settings=settings, published=published, skipped=skipped)
