"""The come-from frame: 'Most of Hezbollah's arsenal comes from Iran'.

Only with a source and a weapon as subject: the source supplies, the
weapon's possessor (or its destination) receives.
"""
from __future__ import annotations

from ..clauses import Roles, contents, destinations, pobjs, weapons_from
from ..phrases import actors_in_phrase
from .base import VerbClause
from .registry import verb_roles


@verb_roles("come-from")
def come_from_verb(c: VerbClause, roles: Roles) -> None:
    """'the arsenal comes from Iran', 'the drones came from Russia'; no "from", no event."""
    ctx, subj = c.ctx, c.subj
    sources = pobjs(c.verb, {"from"})
    if not sources or subj is None:
        return
    theme_heads = [subj] + [p for p in pobjs(subj, {"of"})]
    roles.weapons = weapons_from(ctx, theme_heads) or weapons_from(ctx, contents(c.rules, subj))
    roles.theme = subj
    roles.agents = [a for o in sources for a in actors_in_phrase(ctx, o)]
    holders = [x for t in theme_heads for x in t.children if x.dep_ == "poss"]
    roles.recipients = [a for h in holders for a in actors_in_phrase(ctx, h)] or destinations(ctx, c.rules, c.verb.sent)
