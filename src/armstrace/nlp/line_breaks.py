"""The `armstrace_line_breaks_v1` component (spaCy forbids dots in names): a line break always ends a sentence.

News pages put headlines, captions and menu lines on lines of their own,
without final punctuation; the parser would glue them to the next
paragraph, and evidence would then straddle a headline and a sentence. The
parser keeps boundaries that are set before it runs.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("armstrace_line_breaks_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after any token or whitespace holding a newline."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
