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
from .files import Skipped
from .zipped import ZIP_BROKEN, Parsed, read_container

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
    return read_container(path, published=published, max_bytes=max_bytes, source_format="odt",
                          what="OpenDocument text (.odt) file", broken=_BROKEN, parse=_parse)


def _parse(path: Path) -> Parsed:
    document = Document(path)
    if document.get_type() != "text":
        return f"an OpenDocument {document.get_type()}, not a text document"
    blocks = list(_blocks(document.body))
    title = _one_line(document.meta.title or "") or None
    title = title or next((text for kind, text in blocks if kind == "h"), None)
    return join_blocks(blocks), title
