"""Word files (.docx) -> articles with python-docx: paragraphs and tables in document order.

Each paragraph is one paragraph of the stored text (separated by a blank line,
as HTML pages are stored); a table row is one line, its cells joined by " | ".
The title is the document's Title property, else its first paragraph in the
Title or Heading 1 style. Headers, footers, comments and tracked deletions are
not read: they are page chrome or not the text as published.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import lxml.etree
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..records import Article
from .boilerplate import find_chrome
from .files import Skipped
from .text import EMPTY

# A .docx (.odt, .epub) is a zip: its parts, unpacked, may not exceed this many times --max-bytes
# (a zip bomb guard; Word's XML is about 10x its compressed size).
MAX_UNPACKED_RATIO = 50
_BROKEN = (OpcError, zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, IndexError,
           lxml.etree.LxmlError, EOFError)
_TITLE_STYLES = ("title", "heading 1")


def unpacked_size(path: Path) -> int:
    """Bytes the parts of a zip file (.docx, .odt, .epub) take unpacked."""
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def _style(paragraph: Paragraph) -> str:
    try:
        return (paragraph.style.name or "").casefold() if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return ""


def _blocks(document: docx.document.Document) -> Iterator[tuple[str, str]]:
    """(style, text) of each non-empty paragraph and table row, in document order."""
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = " ".join(item.text.split())
            if text:
                yield _style(item), text
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                if any(cells):
                    yield "table", " | ".join(cells)


def read_docx(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """The article of a .docx file, or why it cannot be read (not a Word file, damaged, empty)."""
    source = str(path)
    try:
        if unpacked_size(path) > MAX_UNPACKED_RATIO * max_bytes:
            yield Skipped(source, f"unpacks to over {MAX_UNPACKED_RATIO} times --max-bytes (raise --max-bytes)")
            return
        document = docx.Document(str(path))
        blocks = list(_blocks(document))
        title = (document.core_properties.title or "").strip() or None
    except _BROKEN as exc:
        yield Skipped(source, f"not a readable Word (.docx) file ({type(exc).__name__}: {exc})")
        return
    if not blocks:
        yield Skipped(source, EMPTY)
        return
    if title is None:
        title = next((text for style, text in blocks if style in _TITLE_STYLES), None)
    text = "\n\n".join(text for _, text in blocks) + "\n"
    yield Article(doc_id=path.stem, text=text, title=title, published=published, source_path=source,
                  source_format="docx", skip_spans=find_chrome(text, title=title))
