"""Long paged documents (PDF reports) go through the pipeline a group of pages at a time.

spaCy's memory grows with the length of the document it parses: the bare
model took 276 MB over its loaded size for one document of 81,000 characters
and 28 MB for the same text in pieces of 10,000; a 300-page report ingested
whole peaked at 1.07 GB RSS, and a document over the model's `max_length`
(1,000,000 characters) could not be parsed at all. `by_page_groups` wraps an
engine's `Extract`: a paged article longer than `MAX_GROUP_CHARS` is handed to
it as consecutive groups of whole pages, and the records of the groups come
back as the article's, their evidence offsets shifted into the article's text.
Memory is then bounded by the group, not the report. What a document knows
(its people, the last speaker) is known within a group, and a sentence that
runs across a group boundary (a page break, every ~10,000 characters) is read
as two.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..ingest import Skipped
from ..records import Article, Record

if TYPE_CHECKING:   # driver imports this module
    from .driver import Extract, Result

# Characters of text per group: 4 to 10 report pages, two or three news articles (nlp.pipe batches 4 of them).
MAX_GROUP_CHARS = 10_000


def group_bounds(article: Article, max_chars: int = MAX_GROUP_CHARS) -> list[tuple[int, int]]:
    """[start, end) of each group of whole pages of `article`, each under `max_chars` unless one page is longer."""
    size = len(article.text)
    starts = article.page_starts
    if not starts or size <= max_chars:
        return [(0, size)]
    bounds: list[tuple[int, int]] = []
    begin = 0
    for page_start, page_end in zip(starts, [*starts[1:], size], strict=True):
        # Close the group before this page when the page would take it past max_chars (a group holds a page at least).
        if page_end - begin > max_chars and page_start > begin:
            bounds.append((begin, page_start))
            begin = page_start
    bounds.append((begin, size))
    return bounds


def _part(article: Article, start: int, end: int) -> Article:
    spans = [(max(a, start) - start, min(b, end) - start) for a, b in article.skip_spans if a < end and b > start]
    return article.model_copy(update={"text": article.text[start:end], "skip_spans": spans, "page_starts": []})


def _shifted(records: list[Record], offset: int) -> list[Record]:
    if not offset:
        return records
    return [r.model_copy(update={"evidence_start": r.evidence_start + offset, "evidence_end": r.evidence_end + offset})
            for r in records]


def by_page_groups(extract: Extract, max_chars: int = MAX_GROUP_CHARS) -> Extract:
    """`extract`, with long paged articles parsed a group of pages at a time (results in input order)."""

    def run(articles: Iterable[Article]) -> Iterator[Result]:
        owners: deque[tuple[Article, list[int]]] = deque()   # each article and where its groups start

        def parts() -> Iterator[Article]:
            for article in articles:
                bounds = group_bounds(article, max_chars)
                owners.append((article, [start for start, _ in bounds]))
                if len(bounds) == 1:
                    yield article
                else:
                    yield from (_part(article, start, end) for start, end in bounds)

        records: list[Record] = []
        failure: Skipped | None = None
        done = 0
        for _part_article, result in extract(parts()):
            article, offsets = owners[0]
            if isinstance(result, Skipped):
                failure = failure or result
            else:
                records += _shifted(result, offsets[done])
            done += 1
            if done == len(offsets):
                owners.popleft()
                yield article, (failure if failure is not None else records)
                records, failure, done = [], None, 0

    return run
