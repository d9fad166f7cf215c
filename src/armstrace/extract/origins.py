"""Where a weapon phrase says its weapons come from in words of origin: 'drones of Iranian origin',
'the missiles appear to be of Iranian manufacture', 'weapons believed to be of Iranian "design and
manufacture"'.

Split from phrases.py. The parse of such phrases is often broken by quotation marks around the
origin words, so besides the parse a short run of words after the weapon is read: 'of', then a
demonym, then an origin noun, all inside the weapon's own phrase.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.mentions import DEMONYM
from ..rules import load_rules
from .document import DocContext

_WINDOW = 12   # tokens after the weapon noun within which 'of X origin' may follow


def stated_origin(ctx: DocContext, head: Token) -> str | None:
    """The state a phrase of origin on the weapon noun `head` names, or None."""
    holders = [head]
    if head.dep_ == "nsubj":
        holders += [t for t in head.head.subtree if t.lemma_ == "be" or t.i == head.head.i]
    # "weapons believed to be of Iranian design": the 'be' of a participle on the weapon
    holders += [x for a in head.children if a.dep_ == "acl" for x in a.children if x.lemma_ == "be"]
    for child in (c for h in holders for c in h.children):
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if load_rules().is_cue("origin-noun", pobj.lemma_.lower()):
                    for mod in pobj.children:
                        span = ctx.mention(mod)
                        if span is not None and span.label_ == DEMONYM:
                            return ctx.actor_of(span)
    return _origin_words_after(ctx, head)


def _origin_words_after(ctx: DocContext, head: Token) -> str | None:
    """'weapons ... believed to be of Iranian "design and manufacture"' read as words, inside the phrase
    of the weapon (or of the weapon it is coordinated with: 'weapons and components believed ...')."""
    top = head.head if head.dep_ == "conj" else head
    inside = {t.i for t in top.subtree}
    end = min(head.sent.end, head.i + _WINDOW)
    for i in range(head.i + 1, end):
        tok = ctx.doc[i]
        if i not in inside:
            return None
        if tok.lower_ != "of":
            continue
        span = ctx.mention(ctx.doc[i + 1]) if i + 1 < end else None
        if span is None or span.label_ != DEMONYM:
            return None
        after = [t for t in ctx.doc[span.end:min(end, span.end + 3)] if not t.is_punct]
        return ctx.actor_of(span) if after and load_rules().is_cue("origin-noun", after[0].lemma_.lower()) else None
    return None
