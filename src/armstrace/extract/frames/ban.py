"""The ban frame: 'Any arms trade with North Korea is banned under UN Security Council resolutions'.

The body whose instrument bans sanctions the party the banned trade is with;
a state that bans its own arms exports imposes an embargo of its own.
"""
from __future__ import annotations

from ..clauses import Roles, bodies_in, pobjs
from ..phrases import actors_in_phrase
from .base import VerbClause
from .registry import verb_roles


@verb_roles("ban")
def ban_verb(c: VerbClause, roles: Roles) -> None:
    """'banned under UN resolutions', 'Germany banned arms exports to Saudi Arabia'; no body, no event."""
    ctx, verb, subj, passive_theme = c.ctx, c.verb, c.subj, c.passive_theme
    instruments = pobjs(verb, {"under", "by"}) + ([subj] if subj is not None and not passive_theme else [])
    bodies = [a for i in instruments for a in bodies_in(ctx, i)]
    banned = passive_theme + c.objs
    if not bodies and subj is not None and not passive_theme and any(
            c.rules.is_cue("arms-trade", b.lemma_.lower()) for b in banned):
        bodies = c.agent   # "Germany banned arms exports to Saudi Arabia": an embargo of its own
    if not bodies:
        return
    roles.agents = bodies[:1]
    parties = [p for b in banned for p in pobjs(b, c.rules.cue_words["ban-party-prep"])]
    parties += pobjs(verb, c.rules.cue_words["ban-verb-prep"])   # "prohibit arms sales to Iran" (parser's attachment)
    roles.recipients = [a for p in parties for a in actors_in_phrase(ctx, p) if a.actor != bodies[0].actor]
    roles.rules.append("role/ban/instrument")
