"""The `armstrace_line_breaks_v1` component: line breaks and datelines end sentences.

News pages put headlines, captions and menu lines on lines of their own,
without final punctuation; the parser would glue them to the next
paragraph, and evidence would then straddle a headline and a sentence.
Wire copy opens with a dateline ("SEOUL, Nov. 1 (Reuters) — North Korea
has ..."): the claim starts after the dash. The parser keeps boundaries that
are set before it runs. (spaCy forbids dots in component names.)
"""
from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# An upper-case place ("KYIV", "WASHINGTON/LONDON"), optional ", date" and "(Agency)", then a dash.
# Also "(TBILISI)--": the place in brackets, the dash without spaces.
DATELINE = re.compile(r"^[ \t]*(?:[A-Z][A-Z.'/\- ]{1,40}(?:,[^\n—–]{1,40}?)?(?:\s*\([A-Za-z .]{1,20}\))?\s+[—–-]{1,2}\s+"
                      r"|\([A-Z][A-Z.'/\- ]{1,40}\)\s*[—–-]{1,2}\s*)", re.MULTILINE)


_FINAL = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", "'", ")", "]", "|", "\u2022", "-", "\u2013", "\u2014", "\u2026")


@Language.component("armstrace_line_breaks_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline and after a dateline's dash; elsewhere only after
    sentence-final punctuation (the parser otherwise splits at brackets and quotes mid-sentence).

    The flags are written once as an array: setting `Token.is_sent_start` token by token makes spaCy
    check the whole document's annotation each time, quadratic on long pages."""
    if len(doc) < 2:
        return doc
    flags = doc.to_array([SENT_START]).astype("int64").reshape(-1)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and "\n" not in prev.text + prev.whitespace_ and not prev.text.endswith(_FINAL):
            flags[tok.i] = -1
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                _start_sentence(doc, flags, nxt.i)
    for match in DATELINE.finditer(doc.text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            _start_sentence(doc, flags, span.start)
    flags[0] = 1
    doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))  # type: ignore[arg-type]
    return doc


def _start_sentence(doc: Doc, flags, i: int) -> None:  # type: ignore[no-untyped-def]
    """Start a sentence at token i, and keep its first word in it: "EU foreign ministers tackled ...",
    "U.S. Imposes Sanctions ...", "- North Korea has delivered ..." are no one-word sentences."""
    tok = doc[i]
    flags[i] = 1
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and any(c.isalpha() for c in tok.text) and "\n" not in tok.whitespace_ \
            and not after.is_punct and not after.is_space:
        flags[i + 1] = -1
