"""Issue 12: a long PDF is parsed a group of pages at a time, and its records are the same as parsed whole."""
from __future__ import annotations

from itertools import pairwise

import pytest

from armstrace.engines.local import extract_stream
from armstrace.engines.page_groups import by_page_groups, group_bounds
from armstrace.ingest.pages import clean_page, join_pages
from armstrace.records import Article
from armstrace.settings import DEFAULT_MODEL
from report_pdfs import FACTS

pytestmark = pytest.mark.issue(12)


def _report(n_pages: int) -> Article:
    paged = join_pages([clean_page(f"{FACTS[n % len(FACTS)]}\nOfficials confirmed the delivery in public.")
                        for n in range(n_pages)])
    return Article(doc_id="report", text=paged.text, source_format="pdf", page_starts=paged.page_starts,
                   skip_spans=[(0, 3)])


def test_groups_hold_whole_pages_under_the_limit():
    article = _report(10)
    bounds = group_bounds(article, max_chars=300)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(article.text)
    assert all(end == start for (_, end), (start, _) in pairwise(bounds))
    assert all(start in article.page_starts for start, _ in bounds)
    assert all(end - start <= 300 for start, end in bounds) and len(bounds) > 2


def test_a_page_longer_than_the_limit_is_a_group_of_its_own():
    article = _report(3)
    assert group_bounds(article, max_chars=10) == [(0, article.page_starts[1]),
                                                   (article.page_starts[1], article.page_starts[2]),
                                                   (article.page_starts[2], len(article.text))]


def test_a_document_without_pages_is_one_group():
    article = Article(doc_id="wire", text="Iran supplied drones to Russia. " * 1000)
    assert group_bounds(article, max_chars=100) == [(0, len(article.text))]


@pytest.mark.slow
def test_records_from_page_groups_equal_the_records_of_the_whole_document():
    article = _report(14)

    def extract(articles):
        return extract_stream(articles, DEFAULT_MODEL)

    ((_, whole),) = list(extract([article]))
    ((owner, grouped),) = list(by_page_groups(extract, max_chars=200)([article]))
    assert owner is article and len(group_bounds(article, max_chars=200)) > 3
    assert [r.record_id for r in grouped] == [r.record_id for r in whole] and len(whole) >= 14
    assert all(article.text[r.evidence_start:r.evidence_end] == r.evidence for r in grouped)
