"""Attribution that points back across sentences: 'This was stated by Armenia's deputy foreign minister.'

Split from attribution.py (which reads one sentence's reporting verbs); this module lets a short
sentence whose report points back give the sentence before it its speaker.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..rules import Rules
from .attribution import _is_reporting
from .document import DocContext, Speaker
from .speakers import resolve_speaker

def bare_attribution(ctx: DocContext, rules: Rules, sent: Span) -> Speaker | None:
    """'India has delivered howitzers to Armenia. This was stated by Armenia's deputy foreign minister.':
    a short sentence whose report points back ('this was stated by X', 'X confirmed this') gives the
    sentence before it its speaker."""
    if len(sent) > 30:
        return None
    for verb, kind in [(t, _is_reporting(rules, t)) for t in sent]:
        if kind != "report":
            continue
        pointer = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and rules.is_cue("pointer", c.lower_)), None)
        if pointer is None:
            continue
        if pointer.dep_ == "nsubjpass":
            holder = next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
        else:
            holder = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if holder is None or rules.is_cue("pointer", holder.lower_):
            continue
        speaker = resolve_speaker(ctx, rules, holder)
        if speaker.claimants and speaker.claimants != ["author"]:
            speaker.rules = [*speaker.rules, "attribution/pointed-back"]
            return speaker
    return None
