"""The seize frame: 'The Navy seized Iranian missiles bound for the Houthis'.

A seizure is evidence of a transfer from the origin to the destination; the
seizer is a witness (see events: it becomes the default claimant).
"""
from __future__ import annotations

from ..clauses import Roles, contents, destinations, pobjs_around, weapons_from
from ..phrases import actors_in_phrase
from .base import NounClause, VerbClause, noun_weapons, possessive_pronoun
from .registry import noun_roles, verb_roles


@verb_roles("seize")
def seize_verb(c: VerbClause, roles: Roles) -> None:
    """'seized missiles from Iran bound for Yemen': "from" supplies, the destination receives."""
    # "seized missile components, along with air defence components": what was seized beside the object
    # (a plain "with" on the verb is the means, not the cargo).
    beside = [p for p in c.with_objs if not (p.head.head.i == c.verb.i and p.head.lower_ == "with")]
    theme = c.objs + c.passive_theme
    if c.rel_head is not None:   # "weapons seized aboard the dhow (included missiles)": what the participle names
        theme += [c.rel_head, *contents(c.rules, c.rel_head)]
    roles.weapons = weapons_from(c.ctx, theme + beside)
    roles.theme = theme[0] if theme else None
    roles.agents = [a for o in pobjs_around(c.verb, {"from"}) for a in actors_in_phrase(c.ctx, o)]
    roles.recipients = destinations(c.ctx, c.rules, c.verb.sent)
    roles.witness = c.agent
    # "the Navy says it seized weapons of Iranian make": the pronoun is the seizer, a witness, not the supplier
    roles.pronoun = None


@noun_roles("seize")
def seize_noun(c: NounClause, roles: Roles) -> None:
    """'the US seizure of Iranian weapons bound for the Houthis': the possessor or light verb's subject
    witnesses."""
    ctx = c.ctx
    roles.agents = [a for o in c.from_ for a in actors_in_phrase(ctx, o)]
    roles.recipients = [a for o in c.to for a in actors_in_phrase(ctx, o)] or destinations(ctx, c.rules, c.noun.sent)
    roles.witness = (actors_in_phrase(ctx, c.poss[0]) if c.poss else []) or c.light_actors
    possessive_pronoun(c, roles)
    noun_weapons(c, roles)
