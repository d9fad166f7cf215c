"""Word (.docx, built with python-docx in the test run) and Markdown files -> articles."""
from __future__ import annotations

import docx
import pytest

from armstrace.ingest import Skipped, read_file
from armstrace.records import Article
from files_on_disk import write

pytestmark = pytest.mark.issue(12)

CLAIM = "The United Kingdom supplied Storm Shadow cruise missiles to Ukraine in May 2023."
SECOND = "Germany delivered IRIS-T air defence systems to Ukraine in October 2022."


def _word(path, *, title: str | None = None):
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_heading("Long-range missiles for Ukraine", level=1)
    document.add_paragraph(CLAIM)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("Supplier", "Weapon", "Year"), ("United Kingdom", "Storm Shadow", "2023")],
                          strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph(SECOND)
    document.save(str(path))
    return path


def test_docx_paragraphs_headings_and_tables_in_document_order(tmp_path):
    (article,) = read_file(_word(tmp_path / "briefing.docx"))
    assert isinstance(article, Article)
    assert (article.doc_id, article.source_format, article.title) == (
        "briefing", "docx", "Long-range missiles for Ukraine")
    assert article.text == (f"Long-range missiles for Ukraine\n\n{CLAIM}\n\nSupplier | Weapon | Year\n\n"
                            f"United Kingdom | Storm Shadow | 2023\n\n{SECOND}\n")


def test_docx_title_property_wins_over_the_first_heading(tmp_path):
    (article,) = read_file(_word(tmp_path / "briefing.docx", title="Missiles briefing, June 2023"))
    assert article.title == "Missiles briefing, June 2023"


@pytest.mark.parametrize(("content", "reason"), [
    (b"PK\x03\x04 this is not a zip", "not a readable Word (.docx) file"),
    (b"Iran supplied drones to Russia.", "not a readable Word (.docx) file"),
    (b"", "not a readable Word (.docx) file"),
])
def test_broken_docx_is_one_skip_naming_the_file(tmp_path, content, reason):
    path = write(tmp_path / "memo.docx", content)
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and item.source == str(path) and reason in item.reason


def test_docx_without_text_is_skipped_as_empty(tmp_path):
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and item.reason == "empty document"


MARKDOWN = """---
title: "Drone deliveries"
date: 2023-07-10
---
# Iran and Russia

In August 2022 **Iran** delivered [Shahed-136](https://example.org/shahed) drones to Russia,
according to the `United States`. ![a drone](drone.png)<br>

## Deliveries so far

- Germany delivered Leopard 2 tanks to Ukraine in March 2023.
- France delivered Caesar howitzers to Ukraine in 2022.

| Supplier | Weapon |
|---|---|
| Iran | Shahed-136 |
"""


def test_markdown_markup_is_stripped_and_headings_kept_as_headlines(tmp_path):
    (article,) = read_file(write(tmp_path / "notes.md", MARKDOWN))
    assert (article.source_format, article.title, article.published) == ("md", "Drone deliveries", "2023-07-10")
    assert article.text == (
        "Iran and Russia\n\n"
        "In August 2022 Iran delivered Shahed-136 drones to Russia, according to the United States.\n\n"
        "Deliveries so far\n\n"
        "- Germany delivered Leopard 2 tanks to Ukraine in March 2023.\n"
        "- France delivered Caesar howitzers to Ukraine in 2022.\n\n"
        "Supplier | Weapon\nIran | Shahed-136\n")


def test_markdown_title_is_the_first_top_heading_without_front_matter(tmp_path):
    (article,) = read_file(write(tmp_path / "notes.markdown", "Intro line.\n\n# Storm Shadow\n\n" + CLAIM + "\n"))
    assert (article.title, article.published) == ("Storm Shadow", None)


def test_markdown_with_front_matter_alone_is_skipped_as_empty(tmp_path):
    (item,) = read_file(write(tmp_path / "draft.md", "---\ntitle: Draft\n---\n"))
    assert isinstance(item, Skipped) and item.reason == "empty document"
