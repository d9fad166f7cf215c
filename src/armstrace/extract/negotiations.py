"""Transfers negotiated between two sides: 'talks with Russia on the supply of Mi-35 helicopters'.

A supply or a purchase that is the subject of talks, an agreement or a deal
names its parties on the talks, not on itself: the party the talks are held
"with", and the one holding them. Which side supplies is read from the
weapons' makers: the holder supplies only what it makes and the other side
does not ("the US is in talks with Poland on the sale of Patriots");
otherwise the side the talks are "with" supplies ("Serbia held talks with
Shoigu on the supply of Mi-35s", "an agreement with the Netherlands on
supplying F-16s"). The holder, when the sentence does not name it, is left
to the article (extract/partners.py).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..rules import Rules
from .clauses import Roles, pobjs, subject
from .document import DocContext
from .phrases import ActorRef, actors_in_phrase

RULE = "role/transfer/negotiated-with"
_STEPS = 5   # trigger -> prep -> ["issue" -> "of" ->] talks


def negotiated(ctx: DocContext, rules: Rules, roles: Roles) -> None:
    """Fill a transfer's two sides from the talks it is the subject of, when it names neither."""
    if roles.agents or roles.recipients or roles.rule.type != "transfer":
        return
    talks = _talks_about(rules, roles.trigger)
    if talks is None:
        return
    other = [a for p in pobjs(talks, {"with"}) for a in actors_in_phrase(ctx, p)]
    if not other:
        return
    holder = _holder(ctx, rules, talks)
    holder = [a for a in holder if a.actor not in {o.actor for o in other}]
    makers = {ctx.referents[g].producer for w in roles.weapons for g in w.gazetteer_ids
              if g.startswith("weapon/") and g in ctx.referents} - {None}
    if holder and makers & {h.actor for h in holder} and not makers & {o.actor for o in other}:
        roles.agents, roles.recipients = holder, other
    else:
        roles.agents, roles.recipients = other, holder
    roles.rules.append(RULE)


def _talks_about(rules: Rules, trigger: Token) -> Token | None:
    """The talks noun whose 'on/over/about' phrase holds the trigger, through 'the issue of'."""
    tok = trigger
    for _ in range(_STEPS):
        if tok.dep_ not in ("pobj", "pcomp", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.dep_ == "prep" and not rules.is_cue("negotiation-topic-prep", tok.lower_):
            return None
        if tok.pos_ == "NOUN" and rules.is_cue("negotiation-noun", tok.lemma_.lower()):
            return tok
        if tok.pos_ == "VERB":
            # ("signed an agreement with France on ...": the parser hangs the topic on the verb)
            return next((o for o in tok.children if o.dep_ == "dobj" and
                         rules.is_cue("negotiation-noun", o.lemma_.lower())), None)
    return None


def _holder(ctx: DocContext, rules: Rules, talks: Token) -> list[ActorRef]:
    """Who holds the talks: the subject of 'held talks', 'is in talks', 'signed an agreement'."""
    verb = talks.head
    if talks.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subj, passive = subject(ctx, rules, verb)
    return actors_in_phrase(ctx, subj) if subj is not None and not passive else []
