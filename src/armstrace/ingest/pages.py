"""Pages of text -> one stored text: running headers, footers and page numbers out, line-end hyphens undone.

A PDF gives text page by page. `join_pages` turns the pages into the text that
is stored (and that every evidence offset indexes) and the offset where each
page starts in it, so that a record's page is a lookup (`Article.page_at`).
Pages are separated by a form feed (U+000C, as pdftotext writes them).

What is chrome is data, one rule a line in `armstrace/data/rules/pages.jsonl`,
looked for only among the first and last `EDGE_LINES` lines of each page:

- `edge-line`: a line matching `pattern` (a page number: "12", "Page 3 of 40");
- `repeated-edge`: a line that, digits aside, stands at the top or bottom of at
  least `min_share` of the pages (and `min_pages`): a running header or footer.

Unlike page chrome in HTML (skipped, `Article.skip_spans`), these lines are
left out of the stored text: a sentence that runs on to the next page reads
on without the footer and header between its halves.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import Field, field_validator

from ..errors import BadData
from ..gazetteer import Entry, read_data_file

RULES_PACKAGE = "armstrace.data.rules"
RULES_FILE = "pages.jsonl"
PAGE_BREAK = "\f"
# Lines at each end of a page that may be a header, footer or page number: a header of two lines
# (report title and chapter) over a footer of two (organisation and "Page 3 of 40").
EDGE_LINES = 2

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# "ammu-" at a line end and "nition" on the next: lower-case letters on both sides of the hyphen.
# A hyphen after a digit or a capital ("Shahed-" / "136", "F-" / "16") is part of the name and stays.
_HYPHENATED = re.compile(r"(?<=[a-z\u00df-\u00ff])-\n(?=[a-z\u00df-\u00ff])")
# Control characters a broken font map can put in extracted text (tab and newline are kept).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st", "\u00ad": ""})

PageRuleKind = Literal["edge-line", "repeated-edge"]


class PageRule(Entry):
    """One page-chrome rule: `{"id": "page/number", "kind": "edge-line", "pattern": "^\\\\d+$", ...}`."""

    id: str = Field(pattern=r"^page/[a-z0-9]+(-[a-z0-9]+)*$")
    kind: PageRuleKind
    pattern: str | None = None                        # edge-line: Python regex, case-insensitive, on the stripped line
    min_pages: int | None = Field(default=None, ge=2)  # repeated-edge: on this many pages at least
    min_share: float | None = Field(default=None, gt=0, le=1)   # and on this share of the pages
    max_words: int | None = Field(default=None, ge=1)  # repeated-edge: lines this short only (body text is longer)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regex: {exc}") from exc
        return value


@dataclass(frozen=True)
class Paged:
    """The stored text of a paged document and where each page starts in it (page 1 at 0)."""

    text: str
    page_starts: list[int]


@lru_cache(maxsize=1)
def load_page_rules() -> tuple[PageRule, ...]:
    """The page-chrome rules, validated (read once per process)."""
    rules = tuple(read_data_file(RULES_PACKAGE, RULES_FILE, PageRule))
    for rule in rules:
        if (rule.kind == "edge-line") != (rule.pattern is not None):
            raise BadData(f"{RULES_PACKAGE}/{RULES_FILE} {rule.id}: an edge-line rule needs a pattern, no other has one")
        if rule.kind == "repeated-edge" and (rule.min_pages is None or rule.min_share is None):
            raise BadData(f"{RULES_PACKAGE}/{RULES_FILE} {rule.id}: a repeated-edge rule needs min_pages and min_share")
    return rules


def clean_page(text: str) -> list[str]:
    """A page's extracted text as lines: newlines normalised, ligatures spelled out, control characters and
    trailing spaces dropped."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES))
    return [line.rstrip() for line in text.split("\n")]


def _shape(line: str) -> str:
    """A line as running headers repeat it: digits as #, spaces collapsed, any case."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line.strip())).casefold()


def _edges(lines: Sequence[str]) -> list[int]:
    """Indexes of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def _running_shapes(pages: Sequence[Sequence[str]], rules: Sequence[PageRule]) -> set[str]:
    """The line shapes that stand at a page edge often enough to be running headers or footers."""
    counts = Counter(shape for lines in pages for shape in {_shape(lines[i]) for i in _edges(lines)})
    found: set[str] = set()
    for rule in rules:
        if rule.kind == "repeated-edge" and rule.min_pages is not None and rule.min_share is not None:
            needed = max(rule.min_pages, rule.min_share * len(pages))
            longest = rule.max_words or len(max(counts, key=len, default=""))
            found |= {shape for shape, n in counts.items() if n >= needed and len(shape.split()) <= longest}
    return found


def chrome_lines(pages: Sequence[Sequence[str]]) -> list[set[int]]:
    """For each page, the indexes of its lines that are page numbers, running headers or footers."""
    rules = load_page_rules()
    patterns = [re.compile(rule.pattern, re.IGNORECASE) for rule in rules if rule.pattern is not None]
    running = _running_shapes(pages, rules)
    chrome: list[set[int]] = []
    for lines in pages:
        chrome.append({i for i in _edges(lines)
                       if _shape(lines[i]) in running or any(p.search(lines[i].strip()) for p in patterns)})
    return chrome


def _page_text(lines: Sequence[str], chrome: set[int]) -> str:
    kept = "\n".join(line for i, line in enumerate(lines) if i not in chrome).strip("\n")
    return _HYPHENATED.sub("", kept) + "\n" if kept.strip() else ""


def join_pages(pages: Sequence[Sequence[str]]) -> Paged:
    """The stored text of pages (each a list of lines, see `clean_page`) and where each page starts.

    Page chrome goes; a word hyphenated at a line end is joined ("ammu-" /
    "nition" -> "ammunition"); pages are separated by a form feed. Offsets
    are computed on the final text, so they always point into it.
    """
    chrome = chrome_lines(pages)
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for number, (lines, skip) in enumerate(zip(pages, chrome, strict=True)):
        if number:
            parts.append(PAGE_BREAK)
            offset += len(PAGE_BREAK)
        starts.append(offset)
        text = _page_text(lines, skip)
        parts.append(text)
        offset += len(text)
    return Paged(text="".join(parts), page_starts=starts)
