"""HTML -> article text, title and date, with trafilatura; a plain strip of <body> when it finds nothing."""
from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

from .dates import dateline_date, normalise_date
from .text import Unreadable, normalise_newlines

NO_TEXT = "no article text found in the HTML"

# <meta charset="..."> or http-equiv content="...; charset=..." in the first 4 KB.
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")

# Elements after which the plain strip starts a new paragraph.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
# What trafilatura and lxml raise on malformed pages (seen: ValueError on odd encodings, RecursionError
# on very deep trees); the plain strip or a page without metadata takes over.
_PARSE_ERRORS = (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError,
                 lxml.etree.LxmlError)
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})


@dataclass(frozen=True)
class Page:
    """What an HTML page gives: the article text, and its title and date when the page says."""

    text: str
    title: str | None
    published: str | None


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if any."""
    match = _DECLARED.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _paragraphs(text: str) -> str:
    """Lines -> paragraphs separated by one blank line, spaces collapsed."""
    lines = (_SPACES.sub(" ", line).strip() for line in normalise_newlines(text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _trafilatura_text(html: str) -> str:
    # favor_precision: the same text on the 5 demo pages; on a short two-paragraph
    # page the default fell back to one flat blob with the "Related" link in it,
    # precision gave the two paragraphs alone. The plain strip below catches
    # pages where precision keeps nothing.
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   favor_precision=True, output_format="txt")
    except _PARSE_ERRORS:
        return ""
    return _paragraphs(text) if text else ""


def plain_text(html: str) -> str:
    """The visible text of <body> (script, style and head left out), one paragraph per block element."""
    try:
        # huge_tree: libxml2 otherwise drops what is nested deeper than 256 elements.
        root = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except _PARSE_ERRORS:
        return ""
    body = root.find("body")
    top = body if body is not None else root
    parts: list[str] = []
    skip_depth = 0
    for event, element in lxml.etree.iterwalk(top, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""   # comments and PIs have no str tag
        if event == "start":
            if skip_depth or tag in _INVISIBLE or not tag:
                skip_depth += 1
                continue
            if tag in _BLOCKS:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if skip_depth:
                skip_depth -= 1
            elif tag in _BLOCKS:
                parts.append("\n")
            if not skip_depth and element is not top and element.tail:
                parts.append(element.tail)
    return _paragraphs("".join(parts))


def _metadata(html: str) -> tuple[str | None, str | None]:
    try:
        # extensive=False: dates from the page's markup only; the extensive search takes
        # any year in the body ("2022" became 2022-01-01).
        meta = trafilatura.extract_metadata(html, extensive=False)
    except _PARSE_ERRORS:  # metadata is a bonus: a page without it still has text
        return None, None
    if meta is None:
        return None, None
    title = meta.title.strip() if isinstance(meta.title, str) and meta.title.strip() else None
    published = normalise_date(meta.date) if isinstance(meta.date, str) else None
    return title, published


def read_html(html: str) -> Page | Unreadable:
    """Article text (paragraphs separated by blank lines), title and date of an HTML page.

    The date comes from the page's metadata, else from an explicit dateline
    at the start of the text, never from a year in the body.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return Unreadable("empty document")
    text = _trafilatura_text(html) or plain_text(html)
    if not text.strip():
        return Unreadable(NO_TEXT)
    title, published = _metadata(html)
    return Page(text=text, title=title, published=published or dateline_date(text))
