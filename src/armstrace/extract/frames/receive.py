"""The receive frame: 'Z received/bought Y from X', 'Z's purchase of Y from X'.

The subject or possessor receives; "from X" supplies. A "from" that names
no known actor still marks the source as written (`source_named`).
"""
from __future__ import annotations

from ..clauses import Roles, pobjs, pobjs_around, weapons_from
from ..phrases import actors_in_phrase, weapons_in_phrase
from .base import NounClause, VerbClause, clause_weapon_default, noun_weapons, possessive_pronoun
from .registry import noun_roles, verb_roles


@verb_roles("receive")
def receive_verb(c: VerbClause, roles: Roles) -> None:
    """'Russia received drones from Iran', 'large quantities of shells from North Korea'."""
    ctx, verb, objs = c.ctx, c.verb, c.objs
    roles.recipients = c.agent if c.subj is not None and not c.passive_theme else []
    sources = pobjs_around(verb, {"from"}) or [   # "large quantities of shells from North Korea"
        p for o in objs for t in o.subtree if t.i != o.i and t.dep_ == "pobj" and t.head.lower_ == "of"
        for p in pobjs(t, {"from"})]
    roles.agents = [a for o in sources for a in actors_in_phrase(ctx, o)]
    roles.source_named = bool(sources) and not roles.agents
    theme = objs + c.passive_theme + ([c.rel_head] if c.rel_head is not None else [])
    roles.weapons = weapons_from(ctx, theme)
    roles.theme = theme[0] if theme else None
    if not roles.agents and not roles.source_named:
        _sources_per_weapon(c, roles)
    clause_weapon_default(c, roles)


def _sources_per_weapon(c: VerbClause, roles: Roles) -> None:
    """'received missiles such as the Storm Shadow from Britain and the French-made SCALP': each
    example named with its own 'from X' came from X (and the parser may hang the next example on X)."""
    ctx = c.ctx
    for ref in list(roles.weapons):
        for source in pobjs(ref.span.root, {"from"}) + (pobjs(ref.head, {"from"}) if ref.head.i != ref.span.root.i else []):
            found = actors_in_phrase(ctx, source, follow_conj=False)
            if not found:
                continue
            ref.supplier = ref.supplier or found[0].actor
            roles.rules.append("role/receive/source-per-weapon")
            for more in source.conjuncts:
                mention = ctx.mention(more)
                roles.weapons += [w for w in weapons_in_phrase(ctx, more) if mention is None or
                                  mention.label_ in ("WEAPON", "CLASS")]


@noun_roles("receive")
def receive_noun(c: NounClause, roles: Roles) -> None:
    """'Russia's purchase of drones from Iran'; 'Kuwait signed a contract for TB2s': the signer receives."""
    possessive_pronoun(c, roles)
    buyer = actors_in_phrase(c.ctx, c.poss[0]) if c.poss else []
    # "an Indonesian order for Rafale jets": a state's adjective on a purchase names the buyer
    buyer = buyer or [a for a in c.mod_actors if a.label in ("DEMONYM", "STATE")]
    roles.recipients = buyer or c.light_actors
    roles.agents = [a for o in c.from_ for a in actors_in_phrase(c.ctx, o)]
    noun_weapons(c, roles, deep=True)
