"""Blocks of a structured document (Markdown, OpenDocument) as the plain text armstrace stores.

Headings, paragraphs, list items and table rows become lines; the lines of one
list or table stay on consecutive lines and other blocks sit a blank line
apart, so sentence splitting and headline detection see the document's shape.
"""
from __future__ import annotations

from collections.abc import Sequence


def join_blocks(blocks: Sequence[tuple[str, str]]) -> str:
    """(kind, text) blocks as stored text; no blocks give the empty string."""
    parts: list[str] = []
    previous = ""
    for kind, text in blocks:
        if parts:
            parts.append("\n" if kind == previous and kind in ("item", "row") else "\n\n")
        parts.append(text)
        previous = kind
    return "".join(parts) + "\n" if parts else ""
