"""Markdown (.md) -> articles with markdown-it-py: the text a reader sees, markup stripped.

Headings are kept as paragraphs of their own (headlines), and the first
top-level heading is the title. Emphasis, links and inline code keep their
text; images, HTML tags and the lines of a paragraph wrapped in the source are
not text (a soft line break becomes a space). A list item or a table row is one
line (cells joined by " | "); other blocks are paragraphs separated by a blank
line. YAML front matter (`---` lines at the top) gives `title:` and `date:`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..records import Article
from .blocks import join_blocks
from .boilerplate import find_chrome
from .dates import normalise_date
from .files import Skipped
from .html import plain_text
from .text import EMPTY

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(---|\.\.\.)[ \t]*(\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(title|date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


def _front_matter(source: str) -> tuple[str, dict[str, str]]:
    """The Markdown without its front matter, and the front matter's title and date."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return source, {}
    fields = {m.group(1).lower(): m.group(2).strip("'\"") for m in _FIELD.finditer(match.group(1))}
    return source[match.end():], fields


def _inline(token: Token) -> str:
    """The text of an inline token: markup dropped, soft breaks as spaces, hard breaks as newlines."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts).strip()


def _blocks(tokens: Sequence[Token]) -> Iterator[tuple[str, str]]:
    """(kind, text) in order: kind is "h1".."h6", "item" (of a list), "row" (of a table) or "para"."""
    row: list[str] | None = None   # the cells of the table row being read
    depth = 0                      # how many list items we are inside
    heading = ""                   # the tag of the heading being read
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = token.tag
        elif kind in ("list_item_open", "list_item_close"):
            depth += 1 if kind == "list_item_open" else -1
        elif kind in ("tr_open", "tr_close"):
            if row is not None:
                yield "row", " | ".join(row)
            row = [] if kind == "tr_open" else None
        elif kind == "inline":
            yield from _inline_block(_inline(token), heading, depth, row)
            heading = ""
        elif kind in ("fence", "code_block", "html_block"):
            text = plain_text(token.content) if kind == "html_block" else token.content.strip("\n")
            if text.strip():
                yield "para", text


def _inline_block(text: str, heading: str, depth: int, row: list[str] | None) -> Iterator[tuple[str, str]]:
    if row is not None:
        row.append(text)
    elif text and heading:
        yield heading, text
    elif text:
        yield ("item", f"- {text}") if depth else ("para", text)




def read_markdown(path: Path, source: str, *, published: str | None) -> Iterator[Article | Skipped]:
    """The article of a Markdown file's decoded text `source`, or why it holds none."""
    body, fields = _front_matter(source)
    blocks = list(_blocks(MarkdownIt("commonmark").enable("table").parse(body)))
    text = join_blocks(blocks)
    if not text.strip():
        yield Skipped(str(path), EMPTY)
        return
    title = fields.get("title") or next((t for kind, t in blocks if kind == "h1"), None) \
        or next((t for kind, t in blocks if kind.startswith("h")), None)
    date = normalise_date(fields["date"]) if fields.get("date") else None
    yield Article(doc_id=path.stem, text=text, title=title, published=date or published, source_path=str(path),
                  source_format="md", skip_spans=find_chrome(text, title=title))
