"""Plural phrases that point back to the states last named: 'those two countries', 'both sides',
'the three states', and a bare 'the two' as a subject. Split from phrases.py.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.mentions import CAPITAL, DEMONYM, STATE
from ..rules import load_rules
from .document import DocContext
from .groups import ActorRef

_NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4}


def plural_back_reference(ctx: DocContext, head: Token) -> list[ActorRef]:
    """'those two countries', 'both sides', 'the three states': the states last named, nearest first.

    Counted when the phrase gives a number; otherwise the states named in the
    nearest sentence that names at least two.
    """
    # "China supplies Pakistan and the two jointly manufacture jets": a bare "the two" as a subject
    bare = head.lower_ in _NUMBER_WORDS and head.dep_ in ("nsubj", "nsubjpass") and (
        head.lower_ == "both" or any(c.lower_ == "the" for c in head.children))
    if not load_rules().is_cue("plural-back", head.lower_) and not bare:
        return []
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod", "predet", "quantmod")}
    dets |= {head.lower_} if bare else set()
    rules = load_rules()
    if not dets & (rules.cue_words["plural-det"] | _NUMBER_WORDS.keys()) or \
            any(c.dep_ in ("compound", "poss", "prep", "relcl", "acl", "amod") and ctx.mention(c) is not None
                for c in head.children):
        return []
    wanted = next((_NUMBER_WORDS[d] for d in dets if d in _NUMBER_WORDS), 0)
    if not wanted and not dets & rules.cue_words["plural-pointer-det"]:
        return []   # "the countries" alone is too loose to resolve
    found: list[ActorRef] = []
    sent_start = head.sent.start
    own_clause = {t.i for t in head.head.subtree}   # "US sanctions pushed those two countries": not the US
    for i in range(head.i - 1, max(-1, sent_start - 120), -1):
        if i in own_clause:
            continue
        if i < sent_start and ctx.doc[i + 1].is_sent_start:
            if len(found) >= max(wanted, 2):
                break   # the nearest sentence that names enough states is the one meant
            found = [f for f in found if f.span.start >= sent_start]   # not pooled across sentences
        span = ctx.mention(ctx.doc[i])
        if span is None or span.start != i or span.label_ not in (STATE, CAPITAL, DEMONYM, "METONYM"):
            continue
        actor = ctx.actor_of(span)
        if actor and len(actor) == 3 and actor.isupper() and all(r.actor != actor for r in found):
            found.append(ActorRef(actor, span, span.label_))
            if wanted and len(found) == wanted:
                break
    if len(found) < max(wanted, 2):
        return []
    return found
