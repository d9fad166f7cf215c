"""Issue 12: the article view names the PDF page a record's evidence is on."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from armstrace.records import Article, Record
from armstrace.store import Store

pytestmark = pytest.mark.issue(12)

PAGES = ("Germany delivered Leopard 2 tanks to Ukraine in March 2023.\n",
         "\fFrance delivered Caesar howitzers to Ukraine in 2022.\n",
         "\fThe United Kingdom supplied Storm Shadow cruise missiles to Ukraine in May 2023.\n")


def _save(db, *, pages: bool) -> Record:
    text = "".join(PAGES)
    evidence = PAGES[2].strip()
    start = text.index(evidence)
    starts = [0, len(PAGES[0]) + 1, len(PAGES[0]) + len(PAGES[1]) + 1] if pages else []
    record = Record(doc_id="monitor", type="transfer", actor="GBR", recipient="UKR", weapon_class="missile",
                    weapons=["storm-shadow"], claimant="author", stance="asserted", evidence=evidence,
                    evidence_start=start, evidence_end=start + len(evidence), published="2023-06-01")
    with Store(db) as store:
        store.save_document(Article(doc_id="monitor", text=text, published="2023-06-01",
                                    source_format="pdf" if pages else "txt", page_starts=starts), [record])
    return record


def test_article_view_shows_the_page_of_a_pdf_record(page, api_server):
    record = _save(api_server.db, pages=True)
    page.goto(f"{api_server.url}/#record={record.record_id}")
    expect(page.locator("#detail .article mark")).to_have_text(record.evidence)
    expect(page.locator("#record-page")).to_have_text("page 3")


def test_article_view_shows_no_page_for_a_document_without_pages(page, api_server):
    record = _save(api_server.db, pages=False)
    page.goto(f"{api_server.url}/#record={record.record_id}")
    expect(page.locator("#detail .article mark")).to_have_text(record.evidence)
    expect(page.locator("#record-page")).to_have_count(0)
