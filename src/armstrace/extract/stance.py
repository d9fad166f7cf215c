"""How firmly a claim is made: asserted, hedged or denied.

Negation on the event itself ("have not supplied", "no drones were
delivered") denies it; a denial verb over it ("Iran denied supplying") too.
Modals, futures, plans and beliefs over it, and hedge words anywhere in its
clause ("reportedly", "alleged", "if"), hedge it. The scope is the chain of
heads from the event up to the reporting verb, not the whole sentence:
"the Pentagon, which has not commented, said Iran supplied drones" is
asserted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..rules import Rules, load_rules
from .document import Speaker

# Heads that stop the scope: beyond them is another clause's business.
# A relative clause states its event as given: "the drones that Russia is using ... appear to be
# Iranian" hedges the origin, not the use.
_STOP_AT = {"ccomp", "parataxis", "ROOT", "relcl"}


@dataclass
class StanceResult:
    stance: str
    rules: list[str] = field(default_factory=list)


def _own_clause_conj(tok: Token) -> bool:
    """A conjoined verb with its own subject is a clause of its own: "missiles have not been delivered,
    and Russia has let Israel strike" does not negate the strikes."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _under_agreement(rules: Rules, verb: Token) -> bool:
    """'Pakistan will acquire eight submarines in a $5 billion agreement': the future is settled by a deal
    that exists, so it is asserted (real DECISIONS: an agreement stated as signed)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "under"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and rules.is_cue("agreement-noun", obj.lemma_.lower()) and not any(
                        rules.is_cue("hedge-word", c.lower_) for c in obj.children):
                    return True
    return False


def _prevents(rules: Rules, tok: Token) -> bool:
    """A refusal or block over the event, itself affirmed ('vetoed', 'refused to', 'ruled out'); a
    negated one lets the event happen ('has not prevented')."""
    word = tok.lemma_.lower()
    if not rules.is_cue("prevent-verb", word) or any(c.dep_ == "neg" for c in tok.children):
        return False
    if word == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return word != "deny" or tok.pos_ == "NOUN"   # the verb 'deny' reports (attribution), its noun refuses


def _outer_hedge(rules: Rules, top: Token, last: bool) -> str | None:
    """What the clause holding the event hangs on, when that hedges it: the content of an allegation
    no one in the sentence owns ('allegations that Chad supplied the RSF', 'reports that ...'), or a
    plan, permission or expectation the parser made take a clause ('allowed Latvia to send')."""
    if top.dep_ not in ("ccomp", "acl", "relcl") or top.head.i == top.i:
        return None
    head = top.head
    if head.pos_ == "NOUN" and rules.is_cue("hearsay-noun", head.lemma_.lower()):
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in top.children)
        owned = any(c.dep_ == "poss" for c in head.children) or any(
            p.dep_ == "prep" and p.lower_ in ("by", "from") for p in head.children)
        if (that or top.dep_ == "acl") and not owned:
            return "stance/hearsay-content"
    if last and top.dep_ == "ccomp" and head.pos_ == "VERB" and rules.is_cue("hedge-verb", head.lemma_.lower()) and \
            not rules.is_cue("report", head.lemma_.lower()) and head.tag_ not in ("VBZ", "VBP"):
        # (a standing arrangement in the present, "the law allows X to train in Y", is stated as fact)
        return "stance/hedge-verb-clause"
    return None


def _directly_under(trigger: Token, verb: Token) -> bool:
    """The event is what the verb refuses or blocks: its object or infinitive ('vetoed the sale', 'refused
    to send'), or 'from'/'on' + gerund ('blocked X from sending'); not something further down ('declined
    to name the sellers', 'preventing X expanding its programmes')."""
    head = trigger.head
    if head.dep_ == "prep" and head.lower_ in ("from", "on") and trigger.dep_ == "pcomp":
        head = head.head
    return head.i == verb.i and trigger.dep_ in ("xcomp", "dobj", "pcomp", "ccomp")


def _scope(trigger: Token, rules: Rules | None = None) -> list[Token]:
    """The trigger and its heads up to a clause boundary.

    A noun that is a subject stops at once: in "Iran's drone deal could involve jets" the
    modal hedges the involving, not the deal.
    """
    chain = [trigger]
    tok = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass") and not (
            rules is not None and rules.is_cue("contain", trigger.head.lemma_.lower())):
        return chain   # (but "the aid could include missiles": what it holds is only possible)
    while tok.head.i != tok.i:
        if tok.dep_ in _STOP_AT or _own_clause_conj(tok):
            break
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj") and rules is not None and \
                rules.is_cue("violation", tok.head.lemma_.lower()):
            break   # "would violate a UN resolution": the resolution stands, whatever becomes of the breach
        if load_rules().is_cue("keep-verb", tok.head.lemma_.lower()) and tok.dep_ == "dobj" and not any(
                c.dep_ == "neg" for c in tok.head.children):
            break   # "they would keep their own sanctions": what is kept exists; the modal is about keeping
        tok = tok.head
        chain.append(tok)
        if tok.dep_ in ("ROOT", "parataxis"):
            break
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass"):
            break   # "attacks on drone factories are threatening": the subject's own words end here
    return chain


def decide_stance(rules: Rules, trigger: Token, speaker: Speaker, theme: Token | None) -> StanceResult:
    """Decide the stance of the claim that `trigger` states."""
    chain = _scope(trigger, rules)
    fired: list[str] = []
    negated = hedged = False
    outer = next((h for h in (_outer_hedge(rules, t, t.i == chain[-1].i) for t in chain) if h), None)
    if outer:
        hedged = True
        fired.append(outer)
    # Negation counts on the event and on verbs it completes ("did not agree to supply"),
    # not across clauses ("it is not clear if Iran funnels weapons" is a hedge, not a denial).
    neg_scope = {trigger.i}
    tok = trigger
    while tok.dep_ in ("xcomp", "conj", "aux", "auxpass", "pcomp", "pobj", "prep", "acl") and tok.head.i != tok.i \
            and not _own_clause_conj(tok):
        tok = tok.head
        neg_scope.add(tok.i)
        if tok.pos_ == "NOUN" and not rules.is_cue("absence-noun", tok.lemma_.lower()):
            break   # "no sign of X supplying" denies; "no part of a deal to supply" is not ours to judge
    # "had seen no sign of the ministry supplying drones": the parser may hang the event on the verb
    # beside the absent sign rather than under it.
    first = trigger
    while first.dep_ == "conj" and first.head.i != first.i:   # "... supplying or purchasing drones"
        first = first.head
    if first.dep_ in ("advcl", "acl", "ccomp", "xcomp") and any(
            c.dep_ in ("dobj", "attr") and rules.is_cue("absence-noun", c.lemma_.lower()) and
            any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in first.head.children):
        negated = True
        fired.append("stance/absence")
    for tok in chain:
        for child in tok.children:
            word = child.lower_
            if child.dep_ == "mark" and rules.is_cue("condition-mark", word):
                hedged = True
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and rules.is_cue("negation", word)):
                if tok.i != trigger.i and rules.is_cue("hinder-verb", tok.lemma_.lower()):
                    fired.append("stance/unprevented")   # not prevented: it went ahead
                elif tok.i in neg_scope:
                    negated = True
                else:
                    hedged = True
            elif child.dep_ in ("aux", "advmod", "amod", "mark", "npadvmod") and (
                    rules.is_cue("hedge-word", word) or
                    (child.dep_ == "aux" and rules.is_cue("hedge-verb", word))):
                if child.dep_ == "aux" and rules.is_cue("future", word) and _under_agreement(rules, tok):
                    fired.append("stance/agreed-future")
                    continue
                hedged = True
        if tok.i != trigger.i and rules.is_cue("hedge-verb", tok.lemma_.lower()) and not (
                "attribution/stance-taker" in speaker.rules and rules.is_cue("stance-verb", tok.lemma_.lower())):
            hedged = True   # (but "X requested a reconsideration of Y's decision to supply" takes it as made)
        if tok.i != trigger.i and _prevents(rules, tok) and _directly_under(trigger, tok):
            negated = True   # "refused to send tanks", "blocked Germany from sending shells"
            fired.append("stance/prevented")
        if tok.i != trigger.i and rules.is_cue("deny", tok.lemma_.lower()):
            negated = True
    # Hedge words on the trigger noun or its theme: "alleged shipments", "possible deliveries".
    for tok in [trigger, *( [theme] if theme is not None else [])]:
        for child in tok.children:
            if child.dep_ in ("amod", "advmod") and rules.is_cue("hedge-word", child.lower_):
                hedged = True
            if child.dep_ == "det" and child.lower_ == "no":
                negated = True
    if trigger.dep_ == "nsubj" and rules.is_cue("exclude", trigger.head.lemma_.lower()):
        negated = True   # "the arms package excludes Meteor missiles"
        fired.append("stance/excluded")
    # "Russia is seeking missiles", "Britain promised tanks": the event word itself is a plan or promise.
    if rules.is_cue("hedge-verb", trigger.lemma_.lower()) and trigger.pos_ in ("VERB", "AUX"):
        hedged = True
    if speaker.deny:
        # "Iran denied that it had not ..." is too rare to model; a denial wins.
        return StanceResult("denied", [*fired, "stance/denial-verb"])
    if negated:
        return StanceResult("denied", [*fired, "stance/negation"])
    if hedged or speaker.hedge:
        return StanceResult("hedged", [*fired, "stance/hedge"])
    return StanceResult("asserted", [*fired, "stance/asserted"])
