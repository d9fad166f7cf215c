"""OpenDocument text (.odt, built with odfdo) and EPUB (.epub, built with ebooklib) files -> articles."""
from __future__ import annotations

import pytest
from ebooklib import epub
from odfdo import Document, Header, List, Paragraph, Table

from armstrace.ingest import Skipped, read_file
from armstrace.records import Article
from files_on_disk import write

pytestmark = pytest.mark.issue(12)

IRIS = "Germany delivered IRIS-T air defence systems to Ukraine in October 2022."
CAESAR = "France delivered Caesar howitzers to Ukraine in 2022."
SHAHED = "In August 2022 Iran delivered Shahed-136 drones to Russia, according to the United States."


def test_odt_headings_paragraphs_lists_and_tables_in_document_order(tmp_path):
    document = Document("text")
    document.body.append(Header(1, "Air defence for Ukraine"))
    document.body.append(Paragraph(IRIS))
    table = Table("deliveries", width=2, height=2)
    table.set_values([["Supplier", "Weapon"], ["Germany", "IRIS-T"]])
    document.body.append(table)
    document.body.append(List(["Caesar howitzers", "Leopard 2 tanks"]))
    document.body.append(Paragraph(CAESAR))
    path = tmp_path / "briefing.odt"
    document.save(path)
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert (article.source_format, article.title) == ("odt", "Air defence for Ukraine")
    assert article.text == (f"Air defence for Ukraine\n\n{IRIS}\n\nSupplier | Weapon\nGermany | IRIS-T\n\n"
                            f"- Caesar howitzers\n- Leopard 2 tanks\n\n{CAESAR}\n")


def test_odt_spreadsheet_is_skipped_saying_what_it_is(tmp_path):
    path = tmp_path / "figures.odt"
    Document("spreadsheet").save(path)
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and "spreadsheet" in item.reason


def _book(path, *chapters: tuple[str, str]):
    book = epub.EpubBook()
    book.set_identifier("armstrace-test")
    book.set_title("Drones and tanks, 2022-2023")
    book.set_language("en")
    items = []
    for number, (heading, paragraph) in enumerate(chapters, start=1):
        item = epub.EpubHtml(title=heading, file_name=f"c{number}.xhtml", lang="en")
        item.content = f"<h1>{heading}</h1><p>{paragraph}</p>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.spine = ["nav", *items]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(path), book)
    return path


def test_epub_chapters_in_reading_order_without_the_table_of_contents(tmp_path):
    (article,) = read_file(_book(tmp_path / "book.epub", ("Drones", SHAHED), ("Howitzers", CAESAR)))
    assert (article.source_format, article.title) == ("epub", "Drones and tanks, 2022-2023")
    assert article.text == f"Drones\n\n{SHAHED}\n\nHowitzers\n\n{CAESAR}\n"


@pytest.mark.parametrize(("name", "reason"), [("broken.epub", "not a readable EPUB file"),
                                              ("broken.odt", "not a readable OpenDocument text")])
def test_broken_odt_and_epub_are_one_skip_naming_the_file(tmp_path, name, reason):
    path = write(tmp_path / name, b"PK\x03\x04 not a zip at all")
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and item.source == str(path) and reason in item.reason
