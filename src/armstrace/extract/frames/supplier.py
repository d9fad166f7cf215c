"""The supplier frame: agent nouns of supply ('supplier', 'provider', 'exporter').

'China was the top supplier to Russia of machine tools'; 'Iran, Russia's
main drone supplier': who the noun is said of supplies; its possessor or
'to X' receives.
"""
from __future__ import annotations

from ..clauses import Roles, pobjs, predicated_of, ranked_after, weapons_from
from ..phrases import actors_in_phrase
from .base import NounClause
from .registry import noun_roles


@noun_roles("supplier")
def supplier_noun(c: NounClause, roles: Roles) -> None:
    """The subject of 'be', the noun's apposition or the head it is in apposition to supplies."""
    ctx, noun = c.ctx, c.noun
    roles.rules.append("role/supplier/noun")
    said_of = predicated_of(c.rules, noun)
    if said_of is None and noun.dep_ == "appos":
        said_of = noun.head                     # "Iran, Russia's main drone supplier"
    if said_of is None:
        said_of = next((x for x in noun.children if x.dep_ == "appos"), None)   # "its top supplier, China"
    roles.agents = actors_in_phrase(ctx, said_of) if said_of is not None else []
    # "the third largest supplier of drones to Chile after Israel and Turkey": those two supply it too
    above = [a for a in ranked_after(ctx, noun) if a.actor not in {x.actor for x in roles.agents}]
    if above:
        roles.agents += above
        roles.rules.append("role/supplier/ranked-after")
    roles.recipients = [a for h in c.poss + c.to for a in actors_in_phrase(ctx, h)]
    roles.weapons = (weapons_from(ctx, c.of + [p for o in c.to for p in pobjs(o, {"of"})])
                     or weapons_from(ctx, [m for m in c.mods if ctx.mention(m) is not None]))
    roles.theme = c.of[0] if c.of else None
