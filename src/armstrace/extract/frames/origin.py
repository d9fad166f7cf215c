"""The origin frame: 'Iranian-supplied drones', 'US-provided HIMARS'.

Read from the trigger word itself, whatever the tagger calls it: the
supplier is named before the hyphen, the user is who holds the weapons.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...rules import Rules
from ..clauses import Roles, children
from ..document import DocContext
from ..phrases import ActorRef, actors_in_phrase, weapons_in_phrase
from .registry import word_roles


@word_roles("origin")
def origin_roles(ctx: DocContext, rules: Rules, trigger: Token, roles: Roles) -> None:
    """'Ukraine's US-supplied HIMARS'; 'shot it down with a US-supplied Patriot': the subject of the verb
    the weapon serves holds it."""
    roles.rules.append("role/origin/hyphen")
    start = trigger.i - 2
    if start < trigger.sent.start:
        return
    span = ctx.mention(ctx.doc[start])
    actor = ctx.actor_of(span) if span is not None else None
    if span is None or actor is None:
        return
    roles.agents = [ActorRef(actor, span, span.label_)]
    noun = trigger.head
    roles.weapons = weapons_in_phrase(ctx, noun)
    roles.theme = noun
    poss = children(noun, "poss")
    if poss:
        roles.recipients = actors_in_phrase(ctx, poss[0])
        return
    # "shot it down with a US-supplied Patriot": through the preposition to the verb
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    subj = next((x for x in verb.children if x.dep_ == "nsubj"), None) if verb.pos_ == "VERB" else None
    if subj is not None and subj.i != noun.i:
        roles.recipients = actors_in_phrase(ctx, subj)
        if not roles.recipients and subj.pos_ == "PRON":
            roles.pronoun = subj   # "it had shot down ...": resolved to the speaker by the caller
