"""The arrive frame: 'Chinese technicians reached Harare with two radar units'.

Whoever arrives brings the weapons to the state of the place reached. No
weapon brought along ("arrived with a proposal") or no place reached
("exports reached a record $5 billion, with drones ...") is no event.
"""
from __future__ import annotations

from ..clauses import Roles, first_place, pobjs, weapons_from
from ..phrases import actors_in_phrase
from .base import VerbClause
from .registry import verb_roles


@verb_roles("arrive")
def arrive_verb(c: VerbClause, roles: Roles) -> None:
    """'reached Harare with two radar units', 'arrived in Tripoli with armed drones'."""
    places = c.objs + pobjs(c.verb, c.rules.cue_words["arrive-place-prep"])
    own = {x.actor for x in c.agent}
    reached = [a for p in places for a in actors_in_phrase(c.ctx, p) if a.actor not in own]
    if not reached:
        return
    roles.weapons = weapons_from(c.ctx, c.with_objs)
    if not roles.weapons:
        return
    roles.agents, roles.recipients = c.agent, reached
    roles.theme = c.with_objs[0]
    roles.place = first_place(c.ctx, places) or roles.place
