"""Event triggers and their arguments: who did what to whom, from the parse.

A trigger's frame (rules/triggers.jsonl) says how grammatical roles map to
event roles: for "give" verbs the subject supplies and "to X" receives; for
"receive" verbs the subject receives and "from X" supplies; for "equip" the
object receives; for "use" verbs "against/on/at X" is the target; for
nominal triggers the possessor or "by/from X" is the actor. Passives,
relative clauses, control verbs ("Iran agreed to supply", "helped Russia to
produce") and light verbs ("imposed sanctions on", "received training")
are read once, for every event type (extract/clauses.py, frames/base.py);
each frame maps them to roles in its own module under extract/frames/.
This module is the entry point the rest of extraction imports.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.mentions import CLASS, SPAN_KEY
from ..rules import Rules, TriggerRule
from .clauses import Roles
from .document import DocContext
from .frames import FRAMES, NounClause, VerbClause
from .negotiations import negotiated

__all__ = ["Roles", "fill_roles", "find_triggers"]


def find_triggers(rules: Rules, sent: Span) -> list[tuple[Token, TriggerRule]]:
    """Every (token, rule) in the sentence whose lemma and part of speech a trigger rule names."""
    found: list[tuple[Token, TriggerRule]] = []
    for tok in sent:
        pos = "VERB" if tok.pos_ in ("VERB", "AUX") else tok.pos_
        if pos not in ("VERB", "NOUN", "ADJ", "PROPN"):
            continue
        pos = "NOUN" if pos == "PROPN" else pos
        lemma = tok.lemma_.lower()
        candidates = rules.by_lemma.get((lemma, pos), []) or rules.by_lemma.get((tok.lower_, pos), [])
        hyphened = tok.i > sent.start and tok.nbor(-1).text == "-"
        origin = [r for r in rules.by_lemma.get((tok.lower_, pos), []) if r.frame == "origin"]
        if hyphened and origin and tok.dep_ in ("amod", "compound"):
            candidates = origin   # "a US-supplied Patriot system", however the tagger labels "supplied"
        for rule in candidates:
            if rule.in_weapon_name and not _heads_weapon_name(tok):
                continue
            if rule.frame == "origin" and not (tok.i > sent.start and tok.nbor(-1).text == "-"):
                continue
            if rule.frame == "intercept" and lemma == "shoot" and not any(
                    c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
                continue
            found.append((tok, rule))
    return found


def _heads_weapon_name(tok: Token) -> bool:
    """'lethal aid', 'security assistance': the word ends a weapon-class name the gazetteers know."""
    if tok.dep_ in ("compound", "amod"):
        return False   # "technical support staff" are people
    return any(span.label_ == CLASS and span.end - 1 == tok.i and span.end - span.start > 1
               for span in tok.doc.spans.get(SPAN_KEY, []) if span.start <= tok.i < span.end)


def fill_roles(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule) -> Roles:
    """The arguments of a trigger under its frame: the frame reads the trigger word itself ('US-supplied'),
    or the verb's clause, or the noun's phrase and light verb, each read once here."""
    roles = Roles(rule=rule, trigger=trigger)
    frame = FRAMES[rule.frame]
    if frame.word_roles is not None:
        frame.word_roles(ctx, rules, trigger, roles)
    elif trigger.pos_ in ("VERB", "AUX"):
        verb = VerbClause.read(ctx, rules, trigger, roles)
        roles.rules.append(f"role/{rule.frame}/verb")
        frame.verb_roles(verb, roles)
    else:
        noun = NounClause.read(ctx, rules, trigger, roles)
        roles.rules.append(f"role/{rule.frame}/noun")
        frame.noun_roles(noun, roles)
    negotiated(ctx, rules, roles)   # "talks with Russia on the supply of ...": the talks' two sides
    return roles
