"""The train frame: 'Iran trained Russian troops on the drones', 'Ukrainian pilots' training in Denmark'.

The subject or possessor trains, the object or "for/of X" learns; with no
object, the subject learns ('pilots have begun training'). Every place a
training is held is kept (`hosts`).
"""
from __future__ import annotations

from ..clauses import Roles, children, pobjs, pobjs_around, possessive_owner, subject, weapons_from
from ..phrases import WeaponRef, actors_in_phrase, place_in_phrase
from .base import NounClause, VerbClause, noun_weapons, possessive_pronoun
from .registry import noun_roles, verb_roles


@verb_roles("train")
def train_verb(c: VerbClause, roles: Roles) -> None:
    """'Iran trained Russian troops on the drones in Crimea', 'instructors who train its soldiers'."""
    ctx, verb, objs = c.ctx, c.verb, c.objs
    if objs or c.passive_theme or pobjs(verb, {"by"}):
        roles.agents = c.agent
        roles.recipients = [a for o in objs + c.passive_theme for a in actors_in_phrase(ctx, o)]
        if not roles.recipients:   # "instructors who train its soldiers"
            roles.recipients = [r for o in objs for r in possessive_owner(ctx, o, c.agent)]
    else:
        # "Iranian pilots have begun training on the Su-35": without an object, the subject learns.
        roles.recipients = c.agent
    theme = pobjs(verb, c.rules.cue_words["training-theme-prep"]) + [p for o in objs for p in pobjs(o, {"on", "with"})]
    # "trained pilots to use F-16 jets", "trained Russians on using drones": what the act is done with.
    acts = [x for x in verb.children if x.dep_ in ("advcl", "xcomp") and x.tag_ in ("VB", "VBG")]
    acts += [x for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "in") for x in p.children
             if x.dep_ == "pcomp"]
    theme += [o for a in acts for o in a.children if o.dep_ == "dobj"]
    roles.weapons = weapons_from(ctx, theme)
    roles.theme = theme[0] if theme else None
    preps = [x for x in verb.children if x.dep_ == "prep" and x.lower_ in ("in", "at")]
    preps += [x for p in preps for x in p.conjuncts if x.dep_ in ("prep", "conj")]   # "in Denmark, ... and in the US"
    place_heads = pobjs_around(verb, {"in", "at"}) + [p for t in theme for p in pobjs(t, {"in", "at"})]
    place_heads += [o for prep in preps for o in prep.children if o.dep_ == "pobj"]
    for head in place_heads:
        found = place_in_phrase(ctx, head)
        if found:
            if roles.place is None:
                roles.place = found
            if found not in roles.hosts:
                roles.hosts.append(found)


@noun_roles("train")
def train_noun(c: NounClause, roles: Roles) -> None:
    """'received training from Iran', 'soldiers have begun training on the Patriot', 'Iran's training
    of Russian pilots', 'instructors were helping Russian troops launch drones'."""
    ctx, rules, noun, light = c.ctx, c.rules, c.noun, c.light
    possessive_pronoun(c, roles)
    help_weapons: list[WeaponRef] = []
    if c.light_is_recipient:
        roles.recipients = c.light_actors
        roles.agents = [a for o in c.by + c.from_ for a in actors_in_phrase(ctx, o)] or c.mod_actors
    elif noun.dep_ in ("xcomp", "dobj") and rules.is_cue("begin", noun.head.lemma_.lower()):
        # "Ukrainian soldiers have begun training on the Patriot": the subject learns.
        learner, _ = subject(ctx, rules, noun.head)
        roles.recipients = actors_in_phrase(ctx, learner) if learner is not None else []
        roles.agents = [a for o in c.by + c.from_ for a in actors_in_phrase(ctx, o)]
    else:
        roles.agents = (actors_in_phrase(ctx, c.poss[0]) if c.poss else []) or c.mod_actors or c.light_actors
        # "provided flight training to Ukrainian pilots": the parser may hang the "to" on the light verb
        given_to = pobjs(light, {"to"}) if light is not None and noun.dep_ == "dobj" and noun.head.i == light.i else []
        trainees = pobjs(noun, c.rules.cue_words["trainee-prep"]) + given_to
        roles.recipients = [a for o in trainees for a in actors_in_phrase(ctx, o)]
        help_weapons = _helped(c, roles)
    places = pobjs(noun, {"in", "at"}) + (pobjs(light, {"in", "at"}) if light is not None else [])
    if help_weapons:
        # the helped clause's weapon is what is taught, not the helpers' own trades
        roles.weapons = help_weapons
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        places += pobjs(noun.head, {"in", "at"})   # "Training of Ukrainian pilots began in Denmark"
    for p in places:
        found = place_in_phrase(ctx, p)
        if found:
            roles.place = found
    if not roles.weapons:
        noun_weapons(c, roles)
        # ("provide training, technical support and logistics": what else is provided is not taught)
        roles.weapons = [w for w in roles.weapons if w.head.i not in {x.i for x in noun.conjuncts}]


def _helped(c: NounClause, roles: Roles) -> list[WeaponRef]:
    """'Iranian instructors were helping Russian troops launch drones': the helped learn, and learn the
    weapon of the clause they are helped in (returned)."""
    ctx, rules, noun = c.ctx, c.rules, c.noun
    helping = noun.head if rules.is_cue("help", noun.head.lemma_.lower()) else next(
        (x for x in noun.head.children if x.dep_ in ("advcl", "xcomp", "acl") and
         rules.is_cue("help", x.lemma_.lower())), None)   # "trainers were in Crimea helping ..."
    if roles.recipients or noun.dep_ != "nsubj" or helping is None:
        return []
    clauses = children(helping, "ccomp", "xcomp")
    helped = children(helping, "dobj") or [s for x in clauses for s in children(x, "nsubj")]
    roles.recipients = [a for o in helped for a in actors_in_phrase(ctx, o)]
    return weapons_from(ctx, [o for x in clauses for o in children(x, "dobj")])
