"""The equip frame: 'X armed/equipped Z (with Y)': the object receives, "with Y" is the weapon."""
from __future__ import annotations

from ..clauses import Roles, weapons_from
from ..phrases import actors_in_phrase
from .base import VerbClause, clause_weapon_default
from .registry import verb_roles


@verb_roles("equip")
def equip_verb(c: VerbClause, roles: Roles) -> None:
    """'Iran armed the Houthis with missiles'; 'armed from farther afield': a source, unnamed."""
    roles.agents = c.agent
    roles.recipients = [a for o in c.objs + c.passive_theme for a in actors_in_phrase(c.ctx, o)]
    sources = [p for p in c.verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by")
               and any(True for _ in p.children)]
    roles.source_named = bool(sources) and not c.agent
    roles.weapons = weapons_from(c.ctx, c.with_objs)
    roles.theme = c.with_objs[0] if c.with_objs else None
    clause_weapon_default(c, roles)
