"""Word files (.docx) -> articles with python-docx: paragraphs and tables in document order.

Each paragraph is one paragraph of the stored text (separated by a blank line,
as HTML pages are stored); a table row is one line, its cells joined by " | ".
The title is the document's Title property, else its first paragraph in the
Title or Heading 1 style. Headers, footers, comments and tracked deletions are
not read: they are page chrome or not the text as published.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..records import Article
from .files import Skipped
from .zipped import ZIP_BROKEN, Parsed, read_container

_BROKEN = (OpcError, *ZIP_BROKEN, KeyError, ValueError, TypeError, AttributeError, IndexError)
_TITLE_STYLES = ("title", "heading 1")
_ON = ("1", "true", "on")   # ST_OnOff


def _style_names(document: docx.document.Document) -> tuple[dict[str, str], str]:
    """Paragraph style names (casefolded) by style id, and the default paragraph style's name.

    Read once per file, from the styles part's XML: python-docx's `paragraph.style`
    scans every style for the default on each call, which made a file of 14,000
    paragraphs take 17 s to read (benchmarks/word.py), and its style objects raise
    ValueError on a style of a type it does not know, where this leaves the style out.
    """
    names: dict[str, str] = {}
    default = ""
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if style.get(qn("w:type"), "paragraph") != "paragraph" or name is None or not style_id:
            continue
        names[style_id] = (name.get(qn("w:val")) or "").casefold()
        if style.get(qn("w:default")) in _ON:   # the last one wins, as in python-docx
            default = names[style_id]
    return names, default


def _blocks(document: docx.document.Document) -> Iterator[tuple[Paragraph | None, str]]:
    """(paragraph, text) of each non-empty paragraph and (None, text) of each table row, in document order."""
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = " ".join(item.text.split())
            if text:
                yield item, text
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                if any(cells):
                    yield None, " | ".join(cells)


def _texts_and_title(document: docx.document.Document) -> tuple[list[str], str | None]:
    """The text blocks, and the title: the Title property, else the first Title or Heading 1 paragraph."""
    title = (document.core_properties.title or "").strip() or None
    names, default = _style_names(document) if title is None else ({}, "")
    texts: list[str] = []
    for paragraph, text in _blocks(document):
        # the pStyle id as written (the public `paragraph.style` is the slow lookup); no id, or an unknown
        # one, is the default style, as python-docx reads it
        if title is None and paragraph is not None and names.get(paragraph._p.style or "", default) in _TITLE_STYLES:
            title = text
        texts.append(text)
    return texts, title


def read_docx(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """The article of a .docx file, or why it cannot be read (not a Word file, damaged, too big unpacked, empty)."""
    return read_container(path, published=published, max_bytes=max_bytes, source_format="docx",
                          what="Word (.docx) file", broken=_BROKEN, parse=_parse)


def _parse(path: Path) -> Parsed:
    texts, title = _texts_and_title(docx.Document(str(path)))
    return ("\n\n".join(texts) + "\n" if texts else "", title)
