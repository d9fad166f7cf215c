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

from spacy.language import Language
from spacy.tokens import Doc

# An upper-case place ("KYIV", "WASHINGTON/LONDON"), optional ", date" and "(Agency)", then a dash.
DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'/\- ]{1,40}(?:,[^\n—–]{1,40}?)?(?:\s*\([A-Za-z .]{1,20}\))?\s+[—–-]{1,2}\s+",
                      re.MULTILINE)


@Language.component("armstrace_line_breaks_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline and after a dateline's dash."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
                # "EU foreign ministers tackled ...", "U.S. Imposes Sanctions ...": a line's first word
                # is no sentence of its own when a word follows it without punctuation.
                after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
                if after is not None and any(c.isalpha() for c in nxt.text) and not nxt.whitespace_.count("\n") \
                        and not after.is_punct and not after.is_space:
                    after.is_sent_start = False
    for match in DATELINE.finditer(doc.text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc
