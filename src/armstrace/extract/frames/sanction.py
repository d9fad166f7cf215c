"""The sanction frame: 'the US sanctioned Iranian firms', 'EU sanctions on Iran Air', 'an arms embargo'.

The subject, possessor or "by X" imposes; the object or "on/against X"
is targeted, else whatever the sanctions act on, else the state a listed
firm or person serves. Sanctions carry no weapons.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..clauses import Roles, children, first_state, pobjs, pobjs_around, subject
from ..phrases import actors_in_phrase
from .base import NounClause, VerbClause, possessive_pronoun
from .registry import noun_roles, verb_roles

_IMPOSERS = ("STATE", "BODY", "ORGAN")


@verb_roles("sanction")
def sanction_verb(c: VerbClause, roles: Roles) -> None:
    """'the US sanctioned two officials, two entities', 'imposed on', 'designated ... entities that enable
    Iran's production of drones': the state whose programme they serve."""
    roles.agents = c.agent
    targets = c.objs + c.passive_theme + pobjs(c.verb, {"on", "against"})
    targets += [a for t in targets for a in t.children if a.dep_ == "appos"]   # "two officials, two entities"
    roles.recipients = [a for o in targets for a in actors_in_phrase(c.ctx, o)]
    if not roles.recipients:
        for o in targets:
            state = first_state(c.ctx, o)
            if state is not None:
                roles.recipients = [state]
                roles.rules.append("role/sanction/state-in-object")
                break


@noun_roles("sanction")
def sanction_noun(c: NounClause, roles: Roles) -> None:
    """'the EU's sanctions on Iran', 'a package of sanctions listed firms', 'placed under US sanctions'."""
    ctx, rules, noun, light = c.ctx, c.rules, c.noun, c.light
    possessive_pronoun(c, roles)
    poss, on = c.poss, c.on
    container = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if container is not None and rules.is_cue("sanction-container", container.lemma_.lower()):
        # "the EU's thirteenth package of sanctions listed companies in China": the package acts.
        poss = poss or children(container, "poss")
        on = on + pobjs(container, {"on", "against"})
        if container.dep_ == "nsubj" and container.head.pos_ == "VERB":
            # "listed several firms in Iran": the firms, or where they are
            on = on + children(container.head, "dobj") + pobjs(container.head, {"in"})
    if rules.is_cue("sanction-measure", noun.lemma_) and not any(
            rules.is_cue("sanction-qualifier", x.lower_) for x in noun.children):
        return   # "security measures", "travel restrictions": no sanction
    roles.agents = ((actors_in_phrase(ctx, poss[0]) if poss else []) or
                    [a for o in c.by for a in actors_in_phrase(ctx, o)] or
                    [a for a in c.mod_actors if a.label in _IMPOSERS] or
                    (c.light_actors if not c.light_is_recipient else []))
    if not roles.agents and noun.dep_ == "pobj" and noun.head.lower_ == "with":
        _instrument(c, roles)
        if roles.agents:
            return
    if light is not None:    # "imposed sanctions on Monday on Iran Air"
        on = on + [p for p in pobjs(light, {"on", "against"}) if p not in on]
    roles.recipients = [a for o in on for a in actors_in_phrase(ctx, o)]
    if not roles.recipients and noun.dep_ == "pobj" and noun.head.lower_ == "under" and light is not None:
        # "HESA had been placed under US sanctions", "firms under EU sanctions"
        holder, _ = subject(ctx, rules, light)
        if holder is None:
            holder = next((x for x in light.children if x.dep_ == "nsubjpass"), None)
        roles.recipients = actors_in_phrase(ctx, holder) if holder is not None else []
        roles.agents = [a for a in roles.agents if a.actor not in {r.actor for r in roles.recipients}] or \
            [a for a in c.mod_actors if a.label in _IMPOSERS]
    if not roles.recipients and c.light_is_recipient:
        roles.recipients = c.light_actors
    if not roles.recipients:
        _acted_on(c, roles, on)


def _acted_on(c: NounClause, roles: Roles, on: list[Token]) -> None:
    """Targets when no 'on X' names one: what the sanctions act on, who was hampered, whom a listed
    firm serves, or a demonym on the noun."""
    ctx, noun = c.ctx, c.noun
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        # "US sanctions have pushed those two countries to cooperate": what the sanctions act on;
        # "an embargo bars the supply of weapons to the Houthis": whom the barred supply was for.
        objects = children(noun.head, "dobj")
        roles.recipients = [a for o in objects for a in actors_in_phrase(ctx, o)] or [
            a for p in pobjs_around(noun.head, {"to", "for"}) + [
                p for o in objects for t in o.subtree for p in pobjs(t, {"to", "for"})]
            for a in actors_in_phrase(ctx, p)]
    if not roles.recipients and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        # "Iran was hampered by a UN arms embargo": the passive subject is the target.
        roles.recipients = [a for o in children(noun.head.head, "nsubjpass") for a in actors_in_phrase(ctx, o)]
    if not roles.recipients:
        # "sanctions on people and companies tied to Iran's drone programme": the state they serve
        state = next((f for f in (first_state(ctx, o) for o in on) if f is not None), None)
        roles.recipients = [state] if state is not None and state.actor not in {a.actor for a in roles.agents} else []
    if not roles.recipients:
        roles.recipients = [a for a in c.mod_actors if a.label in ("DEMONYM", "BODY_DEMONYM")
                            and a.actor not in {x.actor for x in roles.agents}]


def _instrument(c: NounClause, roles: Roles) -> None:
    """'hit Russia with new sanctions', 'trying to cripple the government's finances with sanctions': the
    sanctions are the means of the verb's subject against what it acts on (or whose it is)."""
    verb = next((a for a in c.noun.ancestors if a.pos_ == "VERB"), None)
    if verb is None:
        return
    objs = children(verb, "dobj")
    targets = [a for o in objs for a in actors_in_phrase(c.ctx, o)]
    targets += [a for o in objs for p in children(o, "poss") for a in actors_in_phrase(c.ctx, p)]
    subj, _ = subject(c.ctx, c.rules, verb)
    imposers = [a for a in actors_in_phrase(c.ctx, subj) if a.label in (*_IMPOSERS, "CAPITAL", "METONYM")] \
        if subj is not None else []
    imposers = [a for a in imposers if a.actor not in {t.actor for t in targets}]
    if imposers and targets:
        roles.agents, roles.recipients = imposers, targets
        roles.rules.append("role/sanction/instrument")
