"""The halted frame: 'components for fighter jets, drone parts and naval systems were subjected to the
licence suspension'.

A national halt of arms exports is a sanction and the exports it stops are
withheld, so hedged, transfers (real DECISIONS 204-212: suspended licences for
named item kinds give one hedged transfer per class). When the halted items
stand as the subject of the verb the halt is the object of ("were subjected
to", "are affected by", "fall under"), the halt noun is the trigger: the items
before the verb are its weapons, one event per class; the halting state and
the recipient are the halt's own ("Britain's suspension ... to Israel") or
the document's (the anaphoric default). The words are data: triggers.jsonl
"halted-items", cues.jsonl "halt-cover-prep".
"""
from __future__ import annotations

from ..clauses import Roles, weapons_from
from ..members import weapon_heads
from ..phrases import actors_in_phrase
from .base import NounClause
from .registry import noun_roles


@noun_roles("halted")
def halted_noun(c: NounClause, roles: Roles) -> None:
    """'X, Y and Z were subjected to the suspension': X, Y and Z, each by its class."""
    noun, ctx = c.noun, c.ctx
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or not c.rules.is_cue("halt-cover-prep", prep.lower_):
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or not any(s.dep_ in ("nsubj", "nsubjpass") and s.i < verb.i
                                                     for s in verb.children):
        return
    # The list runs from the reporting verb the clause hangs on (or the sentence start) to the verb.
    start = verb.head.i + 1 if verb.dep_ == "ccomp" and verb.head.i < verb.i else verb.sent.start
    roles.weapons = weapons_from(ctx, weapon_heads(ctx, start, verb.i))
    if not roles.weapons:
        return
    roles.agents = (actors_in_phrase(ctx, c.poss[0]) if c.poss else []) or [
        a for a in c.mod_actors if a.label != "DEMONYM"]
    roles.recipients = [a for o in c.to for a in actors_in_phrase(ctx, o)]
    roles.rules.append("role/halted/covered")
