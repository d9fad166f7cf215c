"""EPUB books (.epub) -> articles with ebooklib: the chapters in reading order, as HTML pages are read.

Each chapter in the spine (the book's reading order; its generated table of
contents left out) is XHTML, stripped by `html.plain_text` into paragraphs;
chapters are a blank line apart. The title is the book's Dublin Core title.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ebooklib import epub

from ..records import Article
from .files import Skipped
from .html import plain_text
from .zipped import ZIP_BROKEN, Parsed, read_container

# AssertionError: ebooklib asserts on a container.xml that parses to no root element (an XML NUL, say).
_BROKEN = (epub.EpubException, *ZIP_BROKEN, KeyError, ValueError, TypeError, AttributeError, IndexError,
           OSError, UnicodeDecodeError, AssertionError)


def _chapters(book: epub.EpubBook) -> Iterator[str]:
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if isinstance(item, epub.EpubHtml) and item.is_chapter():
            text = plain_text("<body>" + item.get_body_content().decode("utf-8", "replace") + "</body>")
            if text.strip():
                yield text


def read_epub(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """The article of an .epub file, or why it cannot be read (not an EPUB, damaged, too big unpacked, empty)."""
    return read_container(path, published=published, max_bytes=max_bytes, source_format="epub",
                          what="EPUB file", broken=_BROKEN, parse=_parse)


def _parse(path: Path) -> Parsed:
    book = epub.read_epub(str(path), options={"ignore_ncx": True})
    chapters = list(_chapters(book))
    titles = book.get_metadata("DC", "title")
    title = " ".join(str(titles[0][0]).split()) or None if titles else None
    return ("\n\n".join(chapters) + "\n" if chapters else "", title)
