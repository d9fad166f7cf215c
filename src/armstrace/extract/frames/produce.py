"""The produce frame: 'Russia produces Shahed drones in Alabuga', 'an Iranian drone factory in Tajikistan'.

The subject or possessor makes the weapons; "in/at/near X" is where. A
state that helps ('Iran helps Russia produce', 'with Iranian help') is the
helper: GUIDELINES count that help as a transfer of technology.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...rules import Rules
from ..clauses import Roles, first_place, pobjs, pobjs_around, subject, weapons_from
from ..document import DocContext
from ..phrases import ActorRef, actors_in_phrase, place_in_phrase
from .base import NounClause, VerbClause, clause_weapon_default, noun_weapons, possessive_pronoun
from .registry import noun_roles, verb_roles

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
    if not theme and c.rel_head is not None:
        theme = [c.rel_head]   # "a missile manufactured in Iran", "drones that Iran builds"
    roles.weapons = weapons_from(ctx, theme)
    if theme and all(c.rules.is_cue("sector-noun", t.lemma_.lower()) for t in theme):
        # "to build up a domestic arms industry": a sector named after weapons is not weapons made
        roles.weapons = []
        roles.rules.append("role/produce/sector")
    roles.theme = theme[0] if theme else None
    if verb.dep_ == "relcl" and any(x.lower_ == "where" for x in verb.children):
        roles.place = place_in_phrase(ctx, verb.head)   # "in Dushanbe, ..., where it will produce drones"
    # ("the bomb in the Yemen bus attack was made by a US firm": an event the weapon was in is no place)
    at = c.rules.cue_words["site-prep"]
    sites = [p for p in pobjs(verb, at) + [p for t in theme for p in pobjs(t, at)]
             if not c.rules.by_lemma.get((p.lemma_.lower(), "NOUN"))]
    roles.place = first_place(ctx, sites) or roles.place or _national_site(ctx, sites)
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
    roles.helper += _with_help(c.ctx, c.rules, pobjs_around(verb, {"with"}))


def _with_help(ctx: DocContext, rules: Rules, aids: list[Token]) -> list[ActorRef]:
    """The helpers a 'with ... help' phrase names: 'with Iranian help', 'with help from Tehran',
    'with the help of China'."""
    out: list[ActorRef] = []
    for aid in aids:
        if rules.is_cue("help", aid.lemma_.lower()) or rules.is_cue("aid-noun", aid.lemma_.lower()):
            out += [a for x in aid.children if x.dep_ in ("amod", "poss", "compound")
                    for a in actors_in_phrase(ctx, x, follow_conj=False)]
            out += [a for p in pobjs(aid, {"from", "of"}) for a in actors_in_phrase(ctx, p)]
    return out


@noun_roles("produce")
def produce_noun(c: NounClause, roles: Roles) -> None:
    """'Iran's drone production', 'an Iranian drone factory opened in Tajikistan'."""
    ctx, noun, light = c.ctx, c.noun, c.light
    possessive_pronoun(c, roles)
    roles.agents = (actors_in_phrase(ctx, c.poss[0]) if c.poss else []) or c.mod_actors or c.light_actors
    at = c.rules.cue_words["site-prep"]
    places = [p for t in noun.subtree for p in pobjs(t, at)]
    places += pobjs(light, at) if light is not None else []
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        places += pobjs(noun.head, at)   # "an Iranian drone factory opened in Tajikistan"
    roles.place = first_place(ctx, places) or roles.place or _national_site(ctx, places)
    noun_weapons(c, roles)
    # "escalated its missile program with the help of China": the helper transfers know-how
    roles.helper += _with_help(ctx, c.rules, pobjs(noun, {"with"}) + (pobjs(light, {"with"}) if light is not None else []))


def _national_site(ctx: DocContext, sites: list[Token]) -> tuple[str, str] | None:
    """'at American shipyards', 'in Iranian factories': a production site named by its nation's adjective
    is in that state (only for production: "in Russian-held areas" says nothing of where a strike was)."""
    for site in sites:
        for mod in site.children:
            span = ctx.mention(mod)
            if mod.dep_ == "amod" and span is not None and span.label_ == "DEMONYM":
                actor = ctx.actor_of(span)
                if actor and len(actor) == 3 and actor.isupper():
                    return actor, ctx.doc[site.left_edge.i:site.i + 1].text
    return None
