"""Page chrome in plain text: menus, newsletter and paywall blurbs, related lists, share rows, comments.

`find_chrome(text)` returns character ranges of `text` (never modified) that
extraction skips (`Article.skip_spans`). The heuristics are data, one rule a
line in `armstrace/data/rules/boilerplate.jsonl`:

- `line`: skip the line;
- `block-start`: skip the line and the short lines after it (< 12 words, or
  list bullets) until a long prose paragraph;
- `tail-start`: skip from the line to the end (comment sections); only after
  the first kept sentence, so a page cannot lose its whole article.

One rule lives in code (`chrome/short-line`): a short line (< 6 words) without
a final full stop is a menu item, button or label, unless it is the article's
title, an isolated heading followed by prose, or part of a wrapped sentence.

Conservative by design: losing an article sentence costs a claim, keeping a
menu line costs nothing, so a line is skipped only on positive evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import Field, field_validator

from ..errors import BadData
from ..gazetteer import Entry, read_data_file

RULES_PACKAGE = "armstrace.data.rules"
RULES_FILE = "boilerplate.jsonl"
SHORT_LINE_RULE = "chrome/short-line"

# "Long prose paragraph": ends a block.
PROSE_WORDS = 12
# Lines shorter than this with no full stop are labels, not sentences.
SHORT_WORDS = 6

ChromeKind = Literal["line", "block-start", "tail-start"]

_BULLET = re.compile(r"^([•·▪►▸»›●◦‣*–—-]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_CONTINUES = re.compile(r"[,;:—–-]$")
_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")


def count_words(line: str) -> int:
    """Words of a line: tokens with a letter or digit ("•", "/", "|" are not words)."""
    return sum(1 for token in line.split() if _WORD.search(token))


class ChromeRule(Entry):
    """One boilerplate heuristic: `{"id": "chrome/skip-link", "kind": "line", "pattern": "^skip to ...", ...}`."""

    id: str = Field(pattern=r"^chrome/[a-z0-9]+(-[a-z0-9]+)*$")
    kind: ChromeKind
    pattern: str = Field(min_length=1)       # Python regex, case-insensitive, searched in the stripped line
    max_words: int | None = Field(default=None, ge=1)   # applies only to lines this short (guards prose)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regex: {exc}") from exc
        return value


@dataclass(frozen=True)
class CompiledRule:
    id: str
    kind: ChromeKind
    regex: re.Pattern[str]
    max_words: int | None

    def matches(self, line: str, words: int) -> bool:
        if self.max_words is not None and words > self.max_words:
            return False
        return self.regex.search(line) is not None


@dataclass(frozen=True)
class Chrome:
    """One skipped range of the text and the rule that skipped it."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str          # stripped
    words: int

    @property
    def bullet(self) -> bool:
        return _BULLET.match(self.text) is not None

    @property
    def prose(self) -> bool:
        return self.words >= PROSE_WORDS


@lru_cache(maxsize=1)
def load_chrome_rules() -> tuple[CompiledRule, ...]:
    """The boilerplate rules, validated and compiled (read once per process)."""
    rules = read_data_file(RULES_PACKAGE, RULES_FILE, ChromeRule)
    if not rules:
        raise BadData(f"{RULES_PACKAGE}/{RULES_FILE}: no rules")
    return tuple(CompiledRule(r.id, r.kind, re.compile(r.pattern, re.IGNORECASE), r.max_words) for r in rules)


def _lines(text: str) -> list[_Line | None]:
    """Each line with its offsets; None for blank lines."""
    lines: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped, count_words(stripped)))
        else:
            lines.append(None)
        pos += len(raw) + 1
    return lines


def _is_prose(line: _Line) -> bool:
    """A long paragraph, or a sentence: "Iran supplied drones to Russia." counts, "Home" does not."""
    return line.prose or (line.words >= 3 and _SENTENCE_END.search(line.text) is not None)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _is_label(lines: list[_Line | None], i: int, title: str | None) -> bool:
    """The generic rule: a short line with no full stop that is not a title, heading or wrapped sentence."""
    line = lines[i]
    assert line is not None
    if line.words >= SHORT_WORDS or _SENTENCE_END.search(line.text):
        return False
    if line.text[0].islower():                       # the rest of a wrapped sentence
        return False
    if line.bullet and _DIGIT.search(_BULLET.sub("", line.text)):
        return False                                 # "• 800 Stinger missiles": an article's list, not a menu
    before = lines[i - 1] if i > 0 else None
    after = lines[i + 1] if i + 1 < len(lines) else None
    if before is not None and before.words >= SHORT_WORDS and not _SENTENCE_END.search(before.text):
        return False                                 # the end of a hard-wrapped sentence
    if after is not None and after.words >= SHORT_WORDS and _CONTINUES.search(line.text):
        return False                                 # "He said:" and the quote below it
    if before is None and after is None:
        following = next((lines[j] for j in range(i + 1, len(lines)) if lines[j] is not None), None)
        if following is not None and following.words >= SHORT_WORDS:
            return False                             # an isolated heading over prose
    return True


def _first_title(lines: list[_Line | None], rules: tuple[CompiledRule, ...]) -> str | None:
    """A plain-text page's headline: the first line of 3+ words that no rule calls chrome."""
    for line in lines[:40]:
        if line is None or line.words < 3:
            continue
        if not any(r.matches(line.text, line.words) for r in rules):
            return line.text
    return None


def explain_chrome(text: str, *, title: str | None = None, short_lines: bool = True) -> list[Chrome]:
    """The chrome lines of `text`, each with the id of the rule that skipped it (in text order).

    `short_lines=False` leaves out the generic short-line rule: in a PDF's hard-wrapped
    lines a sentence may begin on a short line, and a report has no menus.
    """
    rules = load_chrome_rules()
    lines = _lines(text)
    title = title or _first_title(lines, rules)
    found: list[Chrome] = []
    seen_prose = False
    in_block = False
    for i, line in enumerate(lines):
        if line is None:
            continue
        if title and _same_text(line.text, title):   # the headline is never chrome
            in_block = False
            seen_prose = seen_prose or _is_prose(line)
            continue
        rule = next((r for r in rules if r.matches(line.text, line.words)), None)
        if rule is not None and rule.kind == "tail-start":
            if seen_prose:
                found.append(Chrome(line.start, len(text), rule.id))
                break
            rule = None
        if rule is not None:
            found.append(Chrome(line.start, line.end, rule.id))
            in_block = rule.kind == "block-start"
            continue
        if in_block:
            sentence = line.words >= SHORT_WORDS and _SENTENCE_END.search(line.text) is not None
            if line.bullet or (not line.prose and not sentence):
                found.append(Chrome(line.start, line.end, _block_rule(found)))
                continue
            in_block = False
        if short_lines and _is_label(lines, i, title):
            found.append(Chrome(line.start, line.end, SHORT_LINE_RULE))
        elif _is_prose(line):
            seen_prose = True
    return found


def _block_rule(found: list[Chrome]) -> str:
    """Lines inside a block carry the id of the block-start rule that opened it."""
    return found[-1].rule


def find_chrome(text: str, *, title: str | None = None, short_lines: bool = True) -> list[tuple[int, int]]:
    """Character ranges of `text` to skip as page chrome, sorted and merged.

    Each range runs from the end of the previous non-blank text (so a
    sentence starting at the blank line before a chrome line is inside it)
    to the end of the chrome line. `title`, when known, is never skipped.
    """
    spans: list[tuple[int, int]] = []
    for chrome in explain_chrome(text, title=title, short_lines=short_lines):
        start = chrome.start
        while start > 0 and text[start - 1].isspace():
            start -= 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], chrome.end))
        else:
            spans.append((start, chrome.end))
    return spans
