"""The produce frame: 'Russia produces Shahed drones in Alabuga', 'an Iranian drone factory in Tajikistan'.

The subject or possessor makes the weapons; "in/at/near X" is where. A
state that helps ('Iran helps Russia produce', 'with Iranian help') is the
helper: GUIDELINES count that help as a transfer of technology.
"""
from __future__ import annotations

from ..clauses import Roles, first_place, pobjs, pobjs_around, subject, weapons_from
from ..phrases import actors_in_phrase, place_in_phrase
from .base import NounClause, VerbClause, clause_weapon_default, noun_roles, noun_weapons, possessive_pronoun, verb_roles

_AT = {"in", "at", "near"}


@verb_roles("produce")
def produce_verb(c: VerbClause, roles: Roles) -> None:
    """'Russia produces drones in Yelabuga'; 'their missiles are produced in Yemen': the owner makes them."""
    ctx, verb = c.ctx, c.verb
    roles.agents = c.agent
    theme = c.objs + c.passive_theme
    if not c.agent and c.passive_theme:
        # "The Houthis say their missiles and drones are produced in Yemen": the owner makes them.
        owner = next((x for t in c.passive_theme for x in t.children if x.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON":
            roles.pronoun = owner
        elif owner is not None:
            roles.agents = actors_in_phrase(ctx, owner)
    roles.weapons = weapons_from(ctx, theme)
    roles.theme = theme[0] if theme else None
    if verb.dep_ == "relcl" and any(x.lower_ == "where" for x in verb.children):
        roles.place = place_in_phrase(ctx, verb.head)   # "in Dushanbe, ..., where it will produce drones"
    # ("the bomb in the Yemen bus attack was made by a US firm": an event the weapon was in is no place)
    places = [p for p in pobjs(verb, _AT) + [p for t in theme for p in pobjs(t, _AT)]
              if not c.rules.by_lemma.get((p.lemma_.lower(), "NOUN"))]
    roles.place = first_place(ctx, places) or roles.place
    _helpers(c, roles)
    clause_weapon_default(c, roles)


def _helpers(c: VerbClause, roles: Roles) -> None:
    """'Iran helps Russia produce drones'; 'a factory that makes Shahed drones with Iranian help',
    'help from Tehran': the helper transfers know-how."""
    ctx, rules, verb = c.ctx, c.rules, c.verb
    if verb.head.i != verb.i and rules.is_cue("help", verb.head.lemma_.lower()):
        helper_subj, _ = subject(ctx, rules, verb.head)
        if helper_subj is not None:
            roles.helper = actors_in_phrase(ctx, helper_subj)
    for aid in pobjs_around(verb, {"with"}):
        if rules.is_cue("help", aid.lemma_.lower()) or rules.is_cue("aid-noun", aid.lemma_.lower()):
            roles.helper += [a for x in aid.children if x.dep_ in ("amod", "poss", "compound")
                             for a in actors_in_phrase(ctx, x, follow_conj=False)]
            roles.helper += [a for p in pobjs(aid, {"from"}) for a in actors_in_phrase(ctx, p)]   # "help from Tehran"


@noun_roles("produce")
def produce_noun(c: NounClause, roles: Roles) -> None:
    """'Iran's drone production', 'an Iranian drone factory opened in Tajikistan'."""
    ctx, noun, light = c.ctx, c.noun, c.light
    possessive_pronoun(c, roles)
    roles.agents = (actors_in_phrase(ctx, c.poss[0]) if c.poss else []) or c.mod_actors or c.light_actors
    places = [p for t in noun.subtree for p in pobjs(t, _AT)]
    places += pobjs(light, _AT) if light is not None else []
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        places += pobjs(noun.head, _AT)   # "an Iranian drone factory opened in Tajikistan"
    roles.place = first_place(ctx, places) or roles.place
    noun_weapons(c, roles)
