"""The hooks through which sentences fill what trainings, sanctions and attacks leave implicit.

events.events_of_sentence calls these at four points of a trigger's life:
whether it is an event at all, its roles after the parse, the means when no
weapon is named, and its speaker, stance and extra events. The constructions
themselves live in trainees.py, sanctions.py and targets.py.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..rules import Rules, TriggerRule
from .arguments import Roles
from .document import DocContext, Speaker
from .phrases import WeaponRef
from .sanctions import callers, halt_events, halted_trade, halted_weapons, is_aim, proposed
from .sanctions import complete as complete_sanction
from .stance import StanceResult, decide_stance
from .targets import attack_class, is_holding
from .targets import complete as complete_targets
from .trainees import (
    assisted,
    funded_training_roles,
    mission_parties,
    received_training,
    taught_as,
    training_means,
)

Halt = tuple[Token, list, list]   # the halting word, who halts, to whom the halted trade went


def not_an_event(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule) -> bool:
    """'drones for use in Ukraine' is a purpose (but 'responsibility for the attack' is an attack);
    'sanctions targeting Chinese firms' aims sanctions; 'a depot used by militias' holds a depot;
    'fired during a drill' is an exercise; 'offered to send tanks' acts through its infinitive."""
    if rule.frame == "give" and _acts_through_infinitive(trigger):
        return True
    if rule.type != "use":
        return False
    if _in_exercise(rules, trigger):
        return True
    purpose = trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and \
        not rules.is_cue("involvement", trigger.head.head.lemma_.lower())
    return purpose or is_aim(rules, trigger) or is_holding(ctx, rules, trigger)


def complete_roles(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule, roles: Roles,
                   found: list) -> Halt | None:  # type: ignore[type-arg]
    """Fill roles the parse leaves open; the halt a transfer is under, if any."""
    if rule.frame == "use":
        complete_targets(ctx, rules, trigger, roles)
    if rule.type == "sanction":
        complete_sanction(ctx, rules, trigger, roles)
    halt = halted_trade(ctx, rules, trigger, roles) if rule.type == "transfer" else None
    if halt is not None:   # "Germany would halt arms exports to Turkey": who halts, to whom
        roles.agents, roles.recipients = roles.agents or halt[1], roles.recipients or halt[2]
        roles.weapons = roles.weapons or halted_weapons(ctx, trigger) or [
            WeaponRef("arms", None, trigger.doc[trigger.i:trigger.i + 1], trigger)]
    if rule.type == "training" and not roles.recipients:
        runners, trainees = mission_parties(ctx, rules, trigger)
        if trainees:   # "Turkey runs a training mission for Somali soldiers"
            roles.agents, roles.recipients = roles.agents or runners, trainees
            roles.rules.append("role/training/mission")
    if rule.type == "training" and not roles.agents:
        funders, funded = funded_training_roles(ctx, rules, trigger, found)
        if funders:   # "a donation to Serbia for training pilots": the donor trains
            roles.agents, roles.recipients = funders, roles.recipients or funded
            roles.rules.append("role/training/funded")
    return halt


def unnamed_means(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule, roles: Roles,
                  earlier: list[WeaponRef]) -> list[WeaponRef]:
    """What an attack or a training with no weapon beside it is made with, or []."""
    if rule.type == "use":
        # "the Air Force conducted targeted attacks", "a bombing", "Israel struck a hub" among air strikes
        weapon_class = attack_class(ctx, rules, trigger, roles.agents)
        if weapon_class:
            roles.rules.append("weapon/attack-word")
            return [WeaponRef(weapon_class, None, trigger.doc[trigger.i:trigger.i + 1], trigger)]
    if rule.type == "training":
        # "training Ukrainian pilots to use F-16 jets": the complement, else the trainees' trade;
        # "systems received from Russia ..., after crews completed training": the weapons just named
        taught = training_means(ctx, rules, trigger) or (
            taught_as(earlier, trigger) if received_training(rules, trigger) else [])
        if taught:
            roles.rules.append("weapon/taught")
            return taught
    return []


def speaker_and_stance(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule, roles: Roles,
                       speaker: Speaker) -> tuple[Speaker, StanceResult]:
    """The claim's speaker and stance, with calls for sanctions and tougher sanctions as proposals."""
    askers = callers(ctx, rules, trigger) if rule.type == "sanction" else []
    if askers:   # "Britain called for an EU arms embargo": the caller's proposal
        speaker = Speaker([a.actor for a in askers], askers[0].span.text, hedge=True,
                          rules=["attribution/caller"], gazetteer_ids=[a.span.kb_id_ for a in askers])
    stance = decide_stance(rules, trigger, speaker, roles.theme)
    if rule.type == "sanction" and stance.stance == "asserted" and proposed(rules, trigger):
        stance.stance, stance.rules = "hedged", [*stance.rules, "stance/sanctions-proposed"]
    if "role/halted/covered" in roles.rules and stance.stance == "asserted":   # withheld by the halt
        stance.stance, stance.rules = "hedged", [*stance.rules, "stance/halted"]
    if rule.type == "transfer" and stance.stance == "asserted" and _interdicted(rules, trigger, rule, roles):
        stance.stance, stance.rules = "hedged", [*stance.rules, "stance/interdicted"]
    return speaker, stance


def _interdicted(rules: Rules, trigger: Token, rule: TriggerRule, roles: Roles) -> bool:
    """A seized or intercepted shipment never arrived: like a withheld one, its transfer is hedged
    (real DECISIONS: interdicted shipments are hedged whoever the claimant). 'The shipment of weapons
    seized over the weekend': a seizure participle on the trigger noun or its weapons says the same."""
    if rule.frame == "seize":
        return True
    heads = [trigger, *([roles.theme] if roles.theme is not None else []),
             *(p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children)]
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and any(
        r.frame == "seize" for r in rules.by_lemma.get((c.lemma_.lower(), "VERB"), ()))
        for head in heads for c in head.children)


def extra_events(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule, made: list,  # type: ignore[type-arg]
                 halt: Halt | None, speaker: Speaker) -> list:  # type: ignore[type-arg]
    """The trigger's events plus those it implies: assisting trainers, the sanction a halt imposes."""
    if rule.type == "training":
        made = made + assisted(ctx, rules, trigger, made)
    if halt is not None:
        made = halt_events(made, decide_stance(rules, halt[0], speaker, None), halt[0])
    return made


def _in_exercise(rules: Rules, trigger: Token) -> bool:
    """'fire during a March drill', 'launched in joint exercises': the setting is an exercise."""
    return any(o.dep_ == "pobj" and rules.is_cue("exercise-prep", o.head.lower_) and rules.is_cue("exercise", o.lemma_.lower())
               for o in trigger.sent)   # (the parser hangs the setting anywhere in the clause)


def _acts_through_infinitive(verb: Token) -> bool:
    """A give verb with an infinitive and no object of its own ('moved to keep', 'offered to send'):
    the infinitive says what is done, and is its own trigger if it is one."""
    return verb.pos_ == "VERB" and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children) and \
        not any(c.dep_ in ("dobj", "dative") for c in verb.children)
