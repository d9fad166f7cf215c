"""Triggers whose word is there but whose event is not: warned off, barred, a payload, a phrasal verb.

"The US urged Iran not to supply missiles", "an embargo bars arms
exports", "bombers that can carry cruise missiles", "carry out
investigations", "the 2015 nuclear deal": each has a trigger word and
states no transfer. Deciding that once, before any role is read, keeps
the frames free of these exceptions.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.mentions import INSTRUMENT
from ..rules import Rules, TriggerRule
from .antecedents import weapons_before
from .completions import not_an_event
from .document import DocContext
from .phrases import is_weapon_phrase

_STATE_LABELS = ("STATE", "DEMONYM", "ORGAN", "BODY", "CAPITAL")


def skipped(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule,
            noun_triggers: set[tuple[int, str]]) -> bool:
    """True when the trigger states no event of its own in this sentence."""
    if under_non_event(rules, trigger):
        return True
    if trigger.dep_ == "compound" and (trigger.head.i, rule.type) in noun_triggers:
        return True   # "production facilities", "arms shipments": the head noun is the one event
    mention = ctx.mention(trigger)
    if mention is not None and mention.label_ == INSTRUMENT:
        return True   # "the 2015 nuclear deal" is a treaty, not an arms deal
    if rule.type == "use" and any(rules.is_cue("training-word", a.lemma_.lower()) for a in trigger.ancestors):
        return True   # "trained Russians on using drones": the training is the event
    if any(c.dep_ == "prt" and rules.is_cue("phrasal-particle", c.lower_) for c in trigger.children) or (
            rule.frame == "give" and trigger.i + 1 < trigger.sent.end
            and rules.is_cue("phrasal-particle", trigger.nbor().lower_)
            and rules.is_cue("phrasal-give-verb", trigger.lemma_.lower())):
        return True   # "carry out investigations", "carry on", "move on": phrasal verbs, not transfers
    if not_an_event(ctx, rules, trigger, rule):
        return True   # "drones for use in Ukraine", "fired during a drill", "offered to send", "a depot used by"
    if weapon_carries(ctx, rules, trigger):
        return True   # "aircraft modified so that they could carry nuclear weapons": a payload, not a transfer
    # "Britain has provided flight training": the training is the event
    return rule.type == "transfer" and any(rules.is_cue("training-word", t.lemma_.lower()) for c in trigger.children
                                           if c.dep_ == "dobj" for t in [c, *c.conjuncts])


def weapon_carries(ctx: DocContext, rules: Rules, trigger: Token) -> bool:
    """A weapon or platform carrying its payload ("bombers that can carry cruise missiles"), not a
    shipment: the subject is a weapon, or "they" stands for one."""
    if not rules.is_cue("carry-verb", trigger.lemma_.lower()) or trigger.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children) or (
            trigger.dep_ in ("acl", "relcl") and trigger.tag_ == "VBN"):
        return False   # "missiles carried by ship": the weapons are what is carried
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subj is None and trigger.dep_ == "relcl":
        subj = trigger.head
    if subj is None and trigger.dep_ in ("acl", "pcomp"):
        subj = trigger.head.head if trigger.dep_ == "pcomp" else trigger.head   # "drones capable of carrying"
    if subj is None:
        return False
    if is_weapon_phrase(ctx, subj):
        return True
    # "Su-25 aircraft modified so that they could carry nuclear weapons": "they" are the aircraft.
    able = any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in trigger.children)
    antecedent = weapons_before(ctx, trigger)
    actors_before = [m for t in trigger.sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < subj.i
                     for m in [ctx.mention(t)] if m is not None and m.label_ in _STATE_LABELS]
    return subj.pos_ == "PRON" and subj.lower_ in ("they", "it") and able and bool(antecedent) and not actors_before


def under_non_event(rules: Rules, trigger: Token) -> bool:
    """'warned Iran not to provide drones', 'bans arms exports': the event is warned off or barred.

    'US officials warned that Iran could supply missiles' reports a claim instead: a "that"
    clause under the warning verb is reported speech, not the thing warned against.
    """
    if trigger.dep_ == "xcomp" and any(c.dep_ == "neg" for c in trigger.children) and \
            rules.is_cue("object-control", trigger.head.lemma_.lower()):
        return True   # "the US urged Iran not to supply missiles": a warning, not an event
    if rules.is_cue("non-event", trigger.lemma_.lower()) and any(
            c.dep_ == "xcomp" and any(d.dep_ == "neg" for d in c.children) for c in trigger.children):
        return True   # "we would advise Iran not to do that": the trigger word itself warns
    child = trigger
    for anc in trigger.ancestors:
        if rules.is_cue("non-event", anc.lemma_.lower()) and child.dep_ not in ("nsubj", "nsubjpass"):
            # (the subject of a ban is no banned event: "an embargo bars the supply of weapons")
            reported = child.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            if not reported:
                return True
        child = anc
    return False
