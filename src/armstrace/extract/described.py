"""Speakers named by description rather than by name: a report's author ("according to a report by UN
experts"), a state described ("the Gulf state's ambassador"). Split from speakers.py, which calls these
before its fallbacks; the resolver is passed in to keep the import one-way.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..rules import Rules
from .document import DocContext, Speaker

# "The ministry added": only as far back as a reader would look (about three sentences).
POINT_BACK_CHARS = 600


def report_author(ctx: DocContext, rules: Rules, head: Token, text: str,
                  resolve: Callable[[DocContext, Rules, Token], Speaker]) -> Speaker | None:
    """'According to a report by UN experts', 'a summary of a study by the panel said', 'said the report
    by X, the UN special rapporteur': a report is its author's claim, through any chain of report nouns
    ('a summary of a study by')."""
    noun, seen = head, 0
    while rules.is_cue("finding-noun", noun.lemma_.lower()) and seen < 3:
        seen += 1
        objs = [o for p in noun.children if p.dep_ == "prep" and rules.is_cue("holder-prep", p.lower_)
                for o in p.children if o.dep_ == "pobj"]
        nxt = next((o for o in objs if rules.is_cue("finding-noun", o.lemma_.lower())), None)
        if nxt is not None:
            noun = nxt
            continue
        for obj in objs:
            speaker = resolve(ctx, rules, obj)
            if speaker.claimants and speaker.claimants != ["author"]:
                ctx.last_report = Speaker(speaker.claimants, text, rules=[*speaker.rules, "attribution/report-author"],
                                          gazetteer_ids=speaker.gazetteer_ids)
                return ctx.last_report
        if objs:
            ctx.last_report = None   # a report by an outlet or NGO: "the report" no longer means the last body's
            return None
        back = ctx.last_report
        if back is not None and seen == 1 and any(c.lower_ == "the" for c in noun.children) and \
                not any(c.dep_ in ("poss", "compound", "amod") for c in noun.children):
            # "..., the report said": the report named before, and its author
            return Speaker(back.claimants, text, rules=["attribution/report-back"], gazetteer_ids=back.gazetteer_ids)
        return None
    return None


def described_state(ctx: DocContext, rules: Rules, head: Token, text: str) -> Speaker | None:
    """'The Gulf state's ambassador said', 'the Balkan country's defence minister': a state named by a
    description ('the <modifiers> country') is the state named last before it; its official speaks for
    it. attribute() prefers the reported clause's own subject state where there is one."""
    noun = next((c for c in [head, *head.children] if c.dep_ in ("poss", head.dep_) and
                 rules.is_cue("state-noun", c.lemma_.lower())), None)
    if noun is None or not any(c.lower_ == "the" for c in noun.children):
        return None
    if noun.i == head.i and not any(c.dep_ in ("amod", "compound", "nmod") for c in noun.children):
        return None   # a bare "the country said" points back through the last speaker (role nouns)
    if noun.i != head.i and not rules.is_cue("official-title", head.lemma_.lower()) and \
            not rules.is_cue("state-organ", head.lemma_.lower()):
        return None   # "the country's largest newspaper" is no voice of the state
    stop = max(0, noun.idx - POINT_BACK_CHARS)
    for i in range(noun.i - 1, -1, -1):
        tok = ctx.doc[i]
        if tok.idx < stop:
            break
        span = ctx.mention(tok)
        actor = ctx.actor_of(span) if span is not None else None
        if span is not None and actor and len(actor) == 3 and actor.isupper() and not any(
                a <= tok.idx < b for a, b in ctx.skip_spans):
            return Speaker([actor], text, rules=["attribution/described-state"], gazetteer_ids=[span.kb_id_])
    return None
