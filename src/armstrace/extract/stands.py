"""A state taking a stand on another's deal: the deal, named under its verb, is its claim.

Split from attribution.py, which calls it when no reporting verb or noun governs the event.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..rules import Rules
from .document import DocContext, Speaker
from .speakers import resolve_speaker


def stance_taker(ctx: DocContext, rules: Rules, trigger: Token, agents: set[int]) -> Speaker | None:
    """'Azerbaijan requested a reconsideration of India's decision to supply weapons to Armenia',
    'Greece voiced concern over Turkey's purchase of jets': a state that takes a stand on another's deal,
    named as a noun phrase under its verb, takes the deal as made."""
    noun_seen = trigger.pos_ == "NOUN"
    for anc in trigger.ancestors:
        if anc.pos_ in ("NOUN", "ADP"):
            noun_seen = noun_seen or anc.pos_ == "NOUN"
            continue
        if anc.pos_ not in ("VERB", "AUX") or anc.i in agents:
            return None
        if not noun_seen or not rules.is_cue("stance-verb", anc.lemma_.lower()):
            if anc.dep_ in ("acl", "xcomp", "pcomp") or anc.pos_ == "AUX":
                continue   # "decision to supply": still inside the noun phrase
            return None
        from .attribution import _conj_subject

        subj = next((c for c in anc.children if c.dep_ == "nsubj"), None) or _conj_subject(anc)
        if subj is None:
            return None
        speaker = resolve_speaker(ctx, rules, subj)
        if speaker.claimants == ["author"] or not speaker.claimants:
            return None
        speaker.rules = [*speaker.rules, "attribution/stance-taker"]
        return speaker
    return None
