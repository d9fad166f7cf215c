"""OpenDocument text (.odt) -> articles with odfdo: headings, paragraphs, lists and tables in document order.

As `.docx`: each paragraph or heading a paragraph of the stored text (a blank
line apart), a list item or table row one line (cells joined by " | "); the
title is the document's title property, else its first heading.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.etree
from odfdo import Document

from ..records import Article
from .boilerplate import find_chrome
from .docx import MAX_UNPACKED_RATIO, unpacked_size
from .files import Skipped
from .text import EMPTY

_BROKEN = (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, IndexError, lxml.etree.LxmlError,
           EOFError, OSError)


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


def _join(blocks: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    previous = ""
    for kind, text in blocks:
        if parts:
            parts.append("\n" if kind == previous and kind in ("item", "row") else "\n\n")
        parts.append(text)
        previous = kind
    return "".join(parts) + "\n"


def read_odt(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """The article of an .odt file, or why it cannot be read (not OpenDocument, damaged, empty)."""
    source = str(path)
    try:
        if unpacked_size(path) > MAX_UNPACKED_RATIO * max_bytes:
            yield Skipped(source, f"unpacks to over {MAX_UNPACKED_RATIO} times --max-bytes (raise --max-bytes)")
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
    text = _join(blocks)
    yield Article(doc_id=path.stem, text=text, title=title, published=published, source_path=source,
                  source_format="odt", skip_spans=find_chrome(text, title=title))
