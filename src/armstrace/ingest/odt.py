"""OpenDocument text (.odt) -> articles with odfdo: headings, paragraphs, lists and tables in document order.

As `.docx`: each paragraph or heading a paragraph of the stored text (a blank
line apart), a list item or table row one line (cells joined by " | "); the
title is the document's title property, else its first heading.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from odfdo import Document
from odfdo.security import SecurityError

from ..records import Article
from .blocks import join_blocks
from .boilerplate import find_chrome
from .files import Skipped
from .text import EMPTY
from .zipped import ZIP_BROKEN, zip_problem

# SecurityError: odfdo's own guards (a part inflating over 200 times its packed size, over 10,000 parts,
# XML nested over 1,000 deep).
_BROKEN = (*ZIP_BROKEN, SecurityError, KeyError, ValueError, TypeError, AttributeError, IndexError, OSError)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _blocks(body: Any) -> Iterator[tuple[str, str]]:
    """(kind, text) of each heading ("h"), paragraph ("para"), list item ("item") and table row ("row")."""
    for element in body.children:
        if element.tag == "table:table":
            for row in element.get_rows():
                cells = [_one_line(str(value)) for value in row.get_values() if value is not None]
                if any(cells):
                    yield "row", " | ".join(cells)
        elif element.tag == "text:list":
            for line in element.text_recursive.split("\n"):
                if _one_line(line).lstrip("- "):
                    yield "item", "- " + _one_line(line).lstrip("- ")
        elif element.tag in ("text:h", "text:p") and _one_line(element.text_recursive):
            yield ("h" if element.tag == "text:h" else "para"), _one_line(element.text_recursive)




def read_odt(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """The article of an .odt file, or why it cannot be read (not OpenDocument, damaged, too big unpacked, empty)."""
    source = str(path)
    try:
        problem = zip_problem(path, max_bytes)
        if problem is not None:
            yield Skipped(source, problem)
            return
        document = Document(path)
        if document.get_type() != "text":
            yield Skipped(source, f"an OpenDocument {document.get_type()}, not a text document")
            return
        blocks = list(_blocks(document.body))
        title = _one_line(document.meta.title or "") or None
    except _BROKEN as exc:
        yield Skipped(source, f"not a readable OpenDocument text (.odt) file ({type(exc).__name__}: {exc})")
        return
    if not blocks:
        yield Skipped(source, EMPTY)
        return
    title = title or next((text for kind, text in blocks if kind == "h"), None)
    text = join_blocks(blocks)
    yield Article(doc_id=path.stem, text=text, title=title, published=published, source_path=source,
                  source_format="odt", skip_spans=find_chrome(text, title=title))
