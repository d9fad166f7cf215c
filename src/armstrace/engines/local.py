"""The local engine: read documents, extract with `nlp.pipe`, store with one writer.

Unchanged documents (same content hash as stored) are not parsed again, so
re-ingesting a corpus costs a read and a hash per file. A document that fails
extraction is reported and skipped; what is already stored stays. Reading,
skipping and storing are `engines.driver`'s, shared with the Ray engine.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from ..extract import extract_doc
from ..ingest import Skipped
from ..nlp import load_pipeline
from ..records import Article, Record
from ..settings import Settings
from .driver import IngestSummary, Progress, Result, extract_with, failed, ingest_with

__all__ = ["IngestSummary", "extract_docs", "extract_paths", "extract_stream", "ingest_paths"]

# Articles handed to one nlp.pipe call; if spaCy itself fails inside it, only this chunk is redone
# one document at a time, so one bad document costs at most a chunk's re-parse, not the run.
_CHUNK = 32


def extract_docs(nlp: Language, articles: Iterable[Article], *, batch_size: int = 4,
                 n_process: int = 1) -> Iterator[Result]:
    """(article, records) for each article through a loaded pipeline, or (article, Skipped) when it fails.

    The one extraction loop of every engine: the local engine runs it in this
    process, the Ray engine in each of its actors.
    """
    chunk: list[Article] = []

    def run(chunk: list[Article]) -> Iterator[Result]:
        try:
            done = list(nlp.pipe(((a.text, a) for a in chunk), as_tuples=True, batch_size=batch_size,
                                 n_process=n_process))
        except Exception:  # noqa: BLE001  the parser failed inside the batch: find the document, keep the rest
            done = []
            for article in chunk:
                try:
                    done.append((nlp(article.text), article))
                except Exception as exc:  # noqa: BLE001  reported as a skipped document
                    yield article, failed(article, exc)
        for doc, article in done:
            try:
                yield article, extract_doc(doc, article)
            except Exception as exc:  # noqa: BLE001  one bad document must not stop the batch
                yield article, failed(article, exc)

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


def extract_stream(articles: Iterable[Article], model: str, *, batch_size: int = 4,
                   n_process: int = 1) -> Iterator[Result]:
    """(article, records) for each article, or (article, Skipped) when extraction fails on it."""
    return extract_docs(load_pipeline(model), articles, batch_size=batch_size, n_process=n_process)


def ingest_paths(paths: Iterable[str | Path], *, db: str | Path, settings: Settings | None = None,
                 published: str | None = None, n_process: int = 1, force: bool = False,
                 progress: Progress | None = None) -> IngestSummary:
    """Ingest files and folders into the database at `db`; see the module docstring.

    `force` re-extracts unchanged documents too (after upgrading armstrace or its data).
    """
    settings = settings or Settings()

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        return extract_stream(articles, settings.model, n_process=n_process)

    return ingest_with(extract, paths, db=db, settings=settings, published=published, force=force,
                       progress=progress)


def extract_paths(paths: Iterable[str | Path], *, settings: Settings | None = None,
                  published: str | None = None, skipped: list[Skipped] | None = None,
                  n_process: int = 1) -> Iterator[Record]:
    """Records from files without a database (for `armstrace extract` and evaluation)."""
    settings = settings or Settings()

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        return extract_stream(articles, settings.model, n_process=n_process)

    return extract_with(extract, paths, settings=settings, published=published, skipped=skipped)
