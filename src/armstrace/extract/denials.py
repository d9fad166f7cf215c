"""Denials set inside the sentence that states the claim: the denying party's own claim, denied.

"..., a charge that Pyongyang rejected", "..., which Minsk also denied.", "..., but Tehran denies it",
"..., though Tehran has denied doing so", "..., an accusation rejected by Tehran". Each gives the
sentence's claims again with the denier as claimant and the stance denied (GUIDELINES: a record per
claimant). Unless the denial hangs on a charge noun, it only bears on what the denier is a party to.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..rules import Rules
from .document import DocContext
from .event import Event


def _closing_which(tok: Token) -> bool:
    """'..., which Minsk denied.': a relative clause after a comma that closes the sentence, opened by
    'which' as its object, comments on the whole statement before it, whatever noun the parser hung it on."""
    rel = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "which"), None)
    if rel is None or rel.i == tok.sent.start or tok.doc[rel.i - 1].text != ",":
        return False
    return all(t.is_punct or t.is_space for t in tok.doc[tok.i + 1:tok.sent.end])


def _points_back(rules: Rules, verb: Token) -> bool:
    """'denies it', 'rejected the claims', 'has denied doing so': the object is what was just said."""
    for child in verb.children:
        if child.dep_ == "dobj" and rules.is_cue("denial-object", child.lower_):
            return True
        if child.dep_ in ("xcomp", "dobj") and child.lower_ == "doing" and any(c.lower_ == "so" for c in child.children):
            return True
    return False


def _denier(rules: Rules, tok: Token) -> tuple[Token, bool] | None:
    """The denying phrase of a denial clause inside the sentence, and whether it hangs on a charge noun."""
    if not rules.is_cue("deny", tok.lemma_.lower()):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.dep_ == "relcl":
        charge = rules.is_cue("charge-noun", tok.head.lemma_.lower())
        return (subj, charge) if subj is not None and (charge or _closing_which(tok)) else None
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and rules.is_cue("charge-noun", tok.head.lemma_.lower()):
        agent = next((p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        return (agent, True) if agent is not None else None   # "an accusation rejected by Tehran"
    if tok.dep_ in ("conj", "advcl") and subj is not None and _points_back(rules, tok):
        return subj, False   # "..., but Tehran denies it", "..., though Tehran has denied doing so"
    return None


def relative_denials(ctx: DocContext, rules: Rules, sent: Span, events: list[Event]) -> list[Event]:
    """The sentence's claims again, denied by whoever the sentence says denies them (module docstring)."""
    from .attribution import resolve_speaker

    out: list[Event] = []
    for tok in sent:
        found = _denier(rules, tok)
        if found is None:
            continue
        denier = resolve_speaker(ctx, rules, found[0])
        if denier.claimants == ["author"]:
            continue
        denier.deny = True
        for ev in events:
            if ev.stance == "denied" or set(ev.speaker.claimants) & set(denier.claimants):
                continue
            if not found[1] and not {ev.actor, ev.recipient} & set(denier.claimants):
                continue   # a denial not tied to a charge is about what the denier did or got
            out.append(Event(ev.type, ev.actor, ev.recipient, ev.location, ev.place, ev.weapon_class, ev.weapons,
                             ev.quantity, denier, "denied", ev.time, ev.time_precision, [], sent, ev.trigger,
                             [*ev.rules, "stance/relative-denial"], ev.gazetteer_ids, ev.confidence - 0.1))
    return out
