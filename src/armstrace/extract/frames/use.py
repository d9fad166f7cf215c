"""The use and intercept frames: 'Russia launched Iranian drones at Kyiv'; 'Ukraine shot down 63 drones'.

For a use, the subject attacks and "against/on/at X" or a non-weapon object
is the target; for an interception the subject is the defender (the target)
and whoever launched the weapons attacks. Both read the weapons, targets and
places of the clause the same way; they differ in who is who.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..clauses import Roles, children, first_place, pobjs, pobjs_around, subject, weapons_from
from ..phrases import ActorRef, WeaponRef, actors_in_phrase, is_weapon_phrase, weapons_in_phrase
from .base import NounClause, VerbClause, deniers, noun_weapons, possessive_pronoun
from .registry import noun_roles, verb_roles


@dataclass
class _Strike:
    """What a use or interception clause says was fired, and at what."""

    weapons: list[WeaponRef]
    targets: list[Token]
    theme: list[Token]
    subj_weapons: list[WeaponRef]


def _strike(c: VerbClause, roles: Roles, use: bool) -> _Strike:
    """The weapons and targets of the clause; a purpose or setting of combat marks `roles.purpose`."""
    ctx, rules, verb, objs = c.ctx, c.rules, c.verb, c.objs
    target_preps = rules.cue_words["target-prep"]
    relied_on = pobjs(verb, {"on", "upon"}) if rules.is_cue("rely", verb.lemma_.lower()) else []
    # ("shot down a missile with a Patriot": the defender's weapon is no part of the attack)
    theme = objs + c.passive_theme + (c.with_objs if use else []) + relied_on + (
        [c.rel_head] if c.rel_head is not None else [])
    # "struck ammunition depots": an object that is no weapon is the target, whatever its modifiers.
    # ("thousands of drones", "99 percent of the missiles" are weapons by their "of")
    weapons = weapons_from(ctx, [t for t in theme if t not in objs or t.pos_ in ("PRON", "NUM") or any(
        is_weapon_phrase(ctx, x) for x in [t, *pobjs(t, {"of"})])])
    subj_weapons = weapons_in_phrase(ctx, c.subj) if c.subj is not None else []
    if use and subj_weapons and not c.agent:
        # "Iranian drones struck Kyiv": the weapon is the subject, the target the object.
        weapons = subj_weapons
        targets = objs + pobjs(verb, target_preps | rules.cue_words["place-prep"])
    else:
        targets = [t for t in pobjs_around(verb, target_preps) if t not in relied_on]
        targets += [o for o in objs if not weapons_in_phrase(ctx, o)]
        for x in children(verb, "xcomp", "advcl"):    # "used drones to terrorize Kyiv"
            targets += children(x, "dobj") + pobjs(x, target_preps)
            # "used cluster munitions to conduct airstrikes against Houthi forces": the strikes' target
            strikes = [o for o in children(x, "dobj") if rules.is_cue("combat", o.lemma_.lower())]
            targets += [p for o in strikes for p in pobjs(o, target_preps)]
            if (rules.is_cue("combat", x.lemma_.lower()) or strikes) and any(t.lower_ == "to" for t in x.children):
                roles.purpose = True   # "deployed drones to attack ...": an attack, not a deployment
        if any(rules.is_cue("combat", p.lemma_.lower()) for p in pobjs_around(verb, rules.cue_words["combat-setting-prep"])):
            roles.purpose = True       # "Ukraine uses drones in the war", "on the battlefield"
    return _Strike(weapons, targets, theme, subj_weapons)


def _set_weapons(c: VerbClause, roles: Roles, strike: _Strike) -> None:
    roles.weapons = strike.weapons
    roles.theme = strike.theme[0] if strike.theme else (c.subj if strike.subj_weapons else None)


def _place(c: VerbClause, roles: Roles, targets: list[Token]) -> None:
    """Where: a place preposition on the verb, else the first target that is a place."""
    places = pobjs(c.verb, c.rules.cue_words["place-prep"]) + targets
    # "hit an arms depot near Damascus airport": where the thing struck is
    places += [p for t in [*targets, *c.objs] for p in pobjs(t, c.rules.cue_words["place-prep"])]
    roles.place = first_place(c.ctx, places) or roles.place


@verb_roles("use")
def use_verb(c: VerbClause, roles: Roles) -> None:
    """'Russia launched Iranian drones at Kyiv', 'Iranian drones struck Kyiv', 'relied on TB2s'."""
    strike = _strike(c, roles, use=True)
    if not strike.weapons:
        # "struck Houthi targets, using warplanes and Tomahawk missiles": the means are the weapons.
        means = [x for x in c.verb.children if x.dep_ in ("advcl", "xcomp", "acl")
                 and c.rules.is_cue("means-verb", x.lemma_.lower())]
        strike.weapons = weapons_from(c.ctx, [o for x in means for o in children(x, "dobj")])
    _set_weapons(c, roles, strike)
    roles.agents = c.agent or _acquirer(c)
    roles.recipients = [a for t in strike.targets for a in actors_in_phrase(c.ctx, t) if a.label != "PERSON"]
    if not roles.recipients:
        roles.recipients = _target_owners(c.ctx, strike.targets)
        if roles.recipients:
            roles.rules.append("role/use/target-owner")
    _place(c, roles, strike.targets)


@verb_roles("intercept")
def intercept_verb(c: VerbClause, roles: Roles) -> None:
    """'Ukraine shot down 63 drones launched by Russia': the defender is the target, the launcher attacks;
    'Russian drones shot down over Ukraine': a bare demonym names who launched them."""
    strike = _strike(c, roles, use=False)
    weapons = strike.weapons
    _set_weapons(c, roles, strike)
    roles.recipients = c.agent
    launcher: list[ActorRef] = []
    for w in weapons:
        for x in w.head.children:
            if x.dep_ in ("acl", "relcl"):
                s, _ = subject(c.ctx, c.rules, x)
                if s is not None and not is_weapon_phrase(c.ctx, s):
                    launcher = actors_in_phrase(c.ctx, s)
    roles.agents = launcher
    _place(c, roles, strike.targets)
    if not roles.agents and not roles.recipients and roles.place is None and roles.pronoun is None:
        roles.weapons = []   # "drones were destroyed" with no defender and no place: nothing to key
    if not roles.agents:
        # Unless the place has a known adversary ("Iranian drones over Ukraine" were launched by Russia)
        # or the demonym is a maker's ("Iranian-made").
        for w in weapons:
            if w.producer and not w.made_suffix:
                roles.agents = [ActorRef(w.producer, w.span, "DEMONYM")]
                roles.rules.append("role/intercept/demonym-launcher")
                break


@noun_roles("use")
def use_noun(c: NounClause, roles: Roles) -> None:
    """'Russia's use of Iranian drones', 'Israeli strikes on Hezbollah', 'Tehran blamed Israel for the
    strike'."""
    possessive_pronoun(c, roles)
    noun = c.noun
    if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of") and c.rules.is_cue("blame", noun.head.head.lemma_.lower()):
        _blamed(c, roles)
    else:
        _attack(c, roles)
    if not roles.weapons:
        noun_weapons(c, roles)


def _blamed(c: NounClause, roles: Roles) -> None:
    """'Tehran blamed Israel for the Damascus strike': the one blamed attacked; the place says where."""
    noun = c.noun
    roles.agents = [a for o in children(noun.head.head, "dobj") for a in actors_in_phrase(c.ctx, o)]
    roles.place = first_place(c.ctx, [noun]) or first_place(c.ctx, pobjs(noun, c.rules.cue_words["use-place-prep"]))
    roles.rules.append("role/use/blamed")


def _attack(c: NounClause, roles: Roles) -> None:
    """The possessor, 'by X', the light verb's subject or a modifier attacks; 'on/at X' is the target."""
    ctx = c.ctx
    roles.agents = (actors_in_phrase(ctx, c.poss[0]) if c.poss else []) or [
        a for o in c.by for a in actors_in_phrase(ctx, o)] or (c.light_actors if not c.light_is_recipient else [])
    if not roles.agents:
        roles.agents = [a for a in c.mod_actors if a.label != "DEMONYM"]
    if not roles.agents:
        roles.agents = deniers(c)
        if roles.agents:
            roles.rules.append("role/use/denier")
    if c.light_subj is not None and is_weapon_phrase(ctx, c.light_subj):
        # "Turkish aircraft have carried out strikes": the subject is the weapon, its demonym the actor.
        roles.weapons = weapons_in_phrase(ctx, c.light_subj)
    by_weapons = [o for o in c.by if is_weapon_phrase(ctx, o)]
    if by_weapons and not roles.weapons:
        # "strikes by Israeli jets on Hezbollah depots": the means, whose "on" the parser may hang on them
        roles.weapons = weapons_from(ctx, by_weapons)
    targets = c.on + pobjs(c.noun, c.rules.cue_words["attack-target-prep"]) + [
        p for o in by_weapons for p in pobjs(o, c.rules.cue_words["strike-prep"])]
    if c.light is not None:   # "responded with air strikes on Hezbollah positions"
        targets += [p for p in pobjs(c.light, c.rules.cue_words["strike-prep"]) if p not in targets]
    roles.recipients = [a for t in targets for a in actors_in_phrase(ctx, t) if a.label != "PERSON"]
    roles.place = first_place(ctx, targets) or roles.place


def _target_owners(ctx, targets: list[Token]) -> list[ActorRef]:  # type: ignore[no-untyped-def]
    """Who holds a struck thing that names no party itself: "struck a depot operated by Hezbollah",
    "hit an arms hub used by the militias" (the participle's agent)."""
    owners = [p for t in targets for x in t.children if x.dep_ in ("acl", "relcl") and x.tag_ == "VBN"
              for a in x.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return [a for o in owners for a in actors_in_phrase(ctx, o) if a.label != "PERSON"]


def _acquirer(c: VerbClause) -> list[ActorRef]:
    """'the Houthis' acquisition of missile components used against US forces': weapons acquired by one
    party and then used, with no user named, were used by the party that acquired them."""
    if c.rel_head is None or c.verb.dep_ != "acl" or c.verb.tag_ != "VBN":
        return []
    for noun in c.rel_head.ancestors:
        if noun.pos_ != "NOUN":
            continue
        if any(r.frame == "receive" for r in c.rules.by_lemma.get((noun.lemma_.lower(), "NOUN"), [])):
            return [a for p in children(noun, "poss") for a in actors_in_phrase(c.ctx, p)]
    return []
