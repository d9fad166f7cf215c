"""PDF reports built in the test run (fpdf2) -> articles: columns, footnotes, tables, chrome, pages, broken files."""
from __future__ import annotations

import re

import pytest
from fpdf import FPDF

from armstrace.ingest import Skipped, read_documents, read_file
from armstrace.ingest.pages import PAGE_BREAK
from armstrace.records import Article
from report_pdfs import FOOTNOTE, HEADER, LEFT_COLUMN, PAGE_THREE, RIGHT_COLUMN, TABLE, TITLE, write_report

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Article:
    path = write_report(tmp_path_factory.mktemp("pdf") / "monitor-2023.pdf", pages=5)
    (article,) = read_file(path)
    assert isinstance(article, Article)
    return article


def _pages(article: Article) -> list[str]:
    return article.text.split(PAGE_BREAK)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_is_read_as_a_document_with_its_pages(report):
    assert (report.doc_id, report.source_format, len(report.page_starts)) == ("monitor-2023", "pdf", 5)
    assert _flat(_pages(report)[0]).startswith(TITLE)


def test_pdf_two_column_page_keeps_each_column_whole(report):
    page = _flat(_pages(report)[1])
    assert LEFT_COLUMN in page and RIGHT_COLUMN in page


def test_pdf_footnote_is_kept_on_its_page(report):
    page = _pages(report)[2]
    assert PAGE_THREE in page and FOOTNOTE in page


def test_pdf_table_rows_come_out_as_lines(report):
    assert [" ".join(row) for row in TABLE] == _pages(report)[3].strip().split("\n")


def test_pdf_running_header_footer_and_page_numbers_are_not_in_the_text(report):
    assert (HEADER in report.text, re.search(r"Page \d+ of \d+", report.text), "arms-control research" in report.text) \
        == (False, None, False)


def test_pdf_word_hyphenated_at_a_line_end_is_joined(report):
    assert "had delivered ammunition and military" in _flat(report.text) and "ammu-" not in report.text


def test_pdf_page_of_an_offset_is_the_page_it_is_on(report):
    offset = report.text.index(PAGE_THREE)
    assert (report.page_at(offset), report.page_at(0), report.page_at(len(report.text) - 1)) == (3, 1, 5)


def test_pdf_progress_counts_pages(tmp_path):
    path = write_report(tmp_path / "long.pdf", pages=12)
    events: list[tuple[str, int]] = []
    (article,) = read_file(path, progress=lambda event, n: events.append((event, n)))
    assert events == [("pages", 12)] + [("page", 1)] * 12 and len(article.page_starts) == 12


def _corrupt(tmp_path, name: str) -> bytes:
    whole = write_report(tmp_path / "whole.pdf", pages=3).read_bytes()
    return {"garbage.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog garbage",
            "truncated.pdf": whole[: len(whole) // 3],
            "not-a-pdf.pdf": b"<html><body>Iran supplied drones to Russia.</body></html>",
            "empty.pdf": b""}[name]


@pytest.mark.parametrize("name", ["garbage.pdf", "truncated.pdf", "not-a-pdf.pdf", "empty.pdf"])
def test_corrupt_pdf_is_one_skip_naming_the_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(_corrupt(tmp_path, name))
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], Skipped) and items[0].source == str(path)
    assert "\n" not in str(items[0]) and not items[0].unsupported


def test_corrupt_pdf_does_not_stop_the_folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a-broken.pdf").write_bytes(b"%PDF-1.4\n%%EOF garbage")
    write_report(folder / "b-report.pdf", pages=4)
    items = list(read_documents([folder]))
    assert [type(i).__name__ for i in items] == ["Skipped", "Article"]


def test_encrypted_pdf_is_skipped_saying_so(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "Germany delivered Leopard 2 tanks to Ukraine in March 2023.")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and "encrypted" in item.reason


def test_pdf_without_text_is_skipped_as_a_scan(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and "no text" in item.reason


def test_pdf_over_max_bytes_is_skipped_unread(tmp_path):
    path = write_report(tmp_path / "big.pdf", pages=4)
    (item,) = read_file(path, max_bytes=1000)
    assert isinstance(item, Skipped) and "--max-bytes" in item.reason


def test_300_page_pdf_is_read_page_by_page(tmp_path):
    path = write_report(tmp_path / "annual.pdf", pages=300)
    pages_read: list[int] = []
    (article,) = read_file(path, progress=lambda event, n: pages_read.append(n) if event == "page" else None)
    assert (len(pages_read), len(article.page_starts)) == (300, 300)
    assert article.page_at(article.text.rindex("Storm Shadow")) == 296   # pages 9, 16, ... 296 repeat page 3's claim


def test_pdf_sentence_that_begins_on_a_short_wrapped_line_is_not_chrome(tmp_path):
    # A web page's short line without a full stop is a menu item; a PDF's is a line a sentence wrapped onto.
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ("Deliveries were reported by governments and by independent researchers in public.",
                 "Germany delivered tanks", "to Ukraine in March 2023, officials said."):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "narrow.pdf"
    pdf.output(str(path))
    (article,) = read_file(path)
    start = article.text.index("Germany delivered tanks")
    assert not any(a <= start < b for a, b in article.skip_spans)
