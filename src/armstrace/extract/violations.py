"""Instruments a sentence says are breached: 'violates Resolution 2231', 'in breach of the UN arms embargo'.

A numbered instrument is a mention the gazetteer resolves; one named
without its number is the resolution the article names elsewhere, else the
generic code (GUIDELINES: the short form of the words).
"""
from __future__ import annotations

from spacy.tokens import Span

from ..nlp.mentions import INSTRUMENT, SPAN_KEY
from ..rules import Rules
from .document import DocContext

_UNSCR = "UNSCR"   # a Security Council resolution named without its number
_EMBARGO_BODIES = {"un", "eu"}


def violations_in(ctx: DocContext, rules: Rules, sent: Span) -> list[str]:
    """Instruments the sentence says are breached ("violates Resolution 2231")."""
    if not any(rules.is_cue("violation", t.lemma_.lower()) or rules.is_cue("violation", t.lower_) for t in sent):
        return []
    codes = []
    for span in ctx.doc.spans[SPAN_KEY]:
        if span.label_ == INSTRUMENT and sent.start <= span.start < sent.end:
            code = ctx.referent(span).instrument
            if code and code not in codes:
                codes.append(code)
    return codes or _unnumbered_instruments(ctx, sent)


def _unnumbered_instruments(ctx: DocContext, sent: Span) -> list[str]:
    """Instruments named without a number: 'a Security Council resolution' is the resolution the article
    names, else UNSCR; 'the UN arms embargo' is UN-arms-embargo (GUIDELINES: the short form of the words)."""
    codes: list[str] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "resolution" and _UNSCR not in codes:
            resolutions = [c for c, _ in ctx.instrument_counts.most_common() if c.startswith(_UNSCR + "-")]
            if resolutions:
                return resolutions[:1]
            if any(t.lower_ == "council" for t in sent):
                codes.append(_UNSCR)
        elif lemma == "embargo":
            for mod in tok.children:
                span = ctx.mention(mod) if mod.dep_ in ("compound", "amod", "poss", "nmod") else None
                body = ctx.actor_of(span) if span is not None else None
                if body in _EMBARGO_BODIES and f"{body.upper()}-arms-embargo" not in codes:
                    codes.append(f"{body.upper()}-arms-embargo")
    return codes
