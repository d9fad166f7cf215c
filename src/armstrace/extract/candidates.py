"""Candidate fillers for a party the trigger's own clause leaves unnamed, and a scorer that picks one.

Real reporting often names the supplier or attacker outside the clause of
the trigger: as the subject of the clause that governs it ("Norway was due
to deliver howitzers", "Poland is accused of having supplied rifles"), as
the subject of the main clause an adverbial hangs from ("By selling rifles
to Chad, Belarus ..."), or only as the state of the person speaking ("'The
frigate has been handed over to the Greek navy,' the French minister
said"). Each such place proposes a candidate with features (where it came
from, how many clauses away, whether it agrees with the pairs the document
keeps naming); a hand-weighted score picks one or leaves the role empty.
The choice is made at the end of the document (`choose_actor`), when the
topic pairs are known, and the record names the source in its `rules`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..rules import Rules, load_rules
from .clauses import Roles
from .document import DocContext, Speaker
from .phrases import ActorRef, WeaponRef, actors_in_phrase, is_weapon_phrase

if TYPE_CHECKING:
    from .event import Event

# Frames whose agent is the party that acts on the other (supplier, trainer, attacker).
AGENT_FRAMES = ("give", "equip", "train", "use", "sanction")
# Clause links a governing subject reaches down through ("was due to deliver", "accused of supplying").
_DOWN_LINKS = ("xcomp", "acomp", "pcomp", "prep", "advcl", "conj")
_CLAUSE_LINKS = ("xcomp", "pcomp", "advcl", "conj")   # a trigger that heads a clause of its own ("given" is no verb)
_MAX_CLAUSES = 3

# Hand weights: a subject the syntax hands down is strong, the speaker's state weaker, and each
# clause crossed costs; agreeing with a pair the document names elsewhere raises the score.
_BASE = {"governing-subject": 0.8, "main-clause-subject": 0.8, "adverbial-subject": 0.6, "speaker": 0.45}
_PER_CLAUSE = 0.1
_AGREES = 0.2
_CLASHES = -0.3
THRESHOLD = 0.5
# An article's main party is named at least this often (dev pages: 10-40 times).
_MAIN_PARTY_MIN = 5
# Mentions a state description ("the country", "the kingdom") points back to; a group's ("the group") are not.
_STATE_LABELS = ("STATE", "CAPITAL", "DEMONYM", "METONYM")


@dataclass(frozen=True)
class Candidate:
    """One proposed filler of a role, with the features the scorer reads."""

    actor: str
    source: str          # governing-subject, main-clause-subject, speaker
    distance: int        # clauses between the trigger and where the candidate was found
    frame: str


def _own_subject_blocks(ctx: DocContext, verb: Token) -> bool:
    """A clause with its own subject names its own agent, unless that subject is the theme
    ("the howitzers shipped to Lithuania", "the frigate has been handed over")."""
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return False
        if c.dep_ == "nsubj":
            return not is_weapon_phrase(ctx, c)
    return False


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN")


def governing_candidates(ctx: DocContext, rules: Rules, trigger: Token, frame: str) -> list[Candidate]:
    """Subjects of the clauses above a verb trigger with no subject of its own, nearest first; for
    sanctions, the subject of the verb that does something to them ("the US and the EU could tighten
    sanctions against Russia").

    Reporting verbs are left to the speaker candidate; a clause whose subject
    receives ("Kyiv expects tanks to be delivered") proposes nothing."""
    imposed = frame == "sanction" and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj"
    if not imposed and (trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ not in _CLAUSE_LINKS or
                        _is_passive(trigger) or _own_subject_blocks(ctx, trigger)):
        return []   # (a passive's governing subject is as often its recipient: "Kyiv hopes tanks are sent")
    out: list[Candidate] = []
    tok, clauses, adverbial = trigger, 0, False
    while tok.head.i != tok.i and (tok.dep_ in _DOWN_LINKS or (tok.i == trigger.i and imposed)) and clauses < _MAX_CLAUSES:
        # "By selling rifles to Chad, Belarus ...", "After delivering ..., Belarus": a fronted adverbial.
        fronted = tok.dep_ == "prep" and tok.i < tok.head.i
        adverbial = adverbial or tok.dep_ == "advcl" or fronted
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        clauses += 1
        lemma = tok.lemma_.lower()
        if rules.is_cue("report", lemma) and not _is_passive(tok):
            break   # "Norway confirmed that ...": a speaker, not an agent
        if rules.is_cue("recipient-verb", lemma) or rules.is_cue("object-control", lemma) or \
                rules.is_cue("violation", lemma):
            break   # "Iran faces sanctions", "Iran evaded sanctions": the subject is no sanctioner
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        source = "main-clause-subject" if adverbial else "governing-subject"
        out += [Candidate(ref.actor, source, clauses, frame) for ref in actors_in_phrase(ctx, subj)]
        break
    return out


def adverbial_candidates(ctx: DocContext, trigger: Token, frame: str) -> list[Candidate]:
    """For an agentless passive, the subject of the clause that says when or how it happened ("the
    weapon was first used when Hamas fighters launched an attack"; "the tanks were sent after Poland
    gave way")."""
    if trigger.pos_ not in ("VERB", "AUX") or not _is_passive(trigger) or frame not in ("give", "use"):
        return []
    out: list[Candidate] = []
    for clause in (c for c in trigger.children if c.dep_ == "advcl"):
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and not is_weapon_phrase(ctx, subj):
            out += [Candidate(ref.actor, "adverbial-subject", 1, frame) for ref in actors_in_phrase(ctx, subj)]
    return out


def speaker_candidates(ctx: DocContext, speaker: Speaker, trigger: Token, frame: str) -> list[Candidate]:
    """The speaking state, for an agentless passive of giving or training ("'The frigate has been
    handed over to the Greek navy,' the French minister said"; "the howitzers shipped to Lithuania")."""
    if frame not in ("give", "train") or trigger.pos_ not in ("VERB", "AUX"):
        return []
    theme_subject = any(c.dep_ == "nsubj" and is_weapon_phrase(ctx, c) for c in trigger.children)
    if not (_is_passive(trigger) or theme_subject):
        return []
    states = [c for c in speaker.claimants if len(c) == 3 and c.isupper()]
    if len(states) != 1 or len(speaker.claimants) != 1:
        return []
    return [Candidate(states[0], "speaker", 1, frame)]


def score(cand: Candidate, recipient: str | None, topic: dict[str, Counter]) -> float:
    """Hand-weighted score of a candidate for the agent role."""
    value = _BASE[cand.source] - _PER_CLAUSE * max(0, cand.distance - 1)
    partners = topic.get(cand.actor)
    if cand.source == "speaker":
        # A speaker supplies in its own words only where the document has it supplying (a third
        # party reporting "fighters were instructed" is no trainer); best, supplying this recipient.
        return value + (_AGREES if partners and (recipient is None or recipient in partners) else
                        _AGREES / 2 if partners else _CLASHES)
    if recipient is not None and partners and recipient in partners:
        value += _AGREES
    return value


def choose_actor(cands: list[Candidate], recipient: str | None,
                 topic: dict[str, Counter]) -> tuple[Candidate | None, float]:
    """The best candidate at or above the threshold (never the recipient itself), and its score."""
    best: tuple[Candidate | None, float] = (None, 0.0)
    for cand in cands:
        if cand.actor == recipient:
            continue
        value = score(cand, recipient, topic)
        if value >= THRESHOLD and value > best[1]:
            best = (cand, value)
    return best


def speaker_description(ctx: DocContext, speaker: Speaker, agents: list, sent_start: int) -> str | None:
    """The speaking state, when the agent is a description pointing back before the sentence ("Qatar's
    ministry said that the country is not supplying arms": the country is Qatar, not the last state
    named before). None when the speaker is not one state named in the sentence itself."""
    if not agents or not all(a.span.end <= sent_start and a.span.label_ in _STATE_LABELS for a in agents):
        return None
    states = [c for c in speaker.claimants if len(c) == 3 and c.isupper()]
    if len(states) != 1 or len(speaker.claimants) != 1 or states[0] in {a.actor for a in agents}:
        return None
    sent = ctx.doc[sent_start].sent
    named = {ctx.actor_of(m) for m in ctx.mentions_of(sent)}
    return states[0] if states[0] in named else None


def first_person_recipient(rules: Rules, speaker: Speaker, trigger: Token) -> str | None:
    """The speaking state, when a giving or training names its own side as the receiver ("Russia
    will supply us with planes," "deliver to our army," the Belarusian leader said)."""
    states = [c for c in speaker.claimants if len(c) == 3 and c.isupper()]
    if len(states) != 1 or len(speaker.claimants) != 1:
        return None
    slots = [c for c in trigger.children if c.dep_ in ("dative", "dobj")]
    slots += [g for c in trigger.children if c.dep_ in ("prep", "dative") for g in c.children if g.dep_ == "pobj"]
    for slot in slots:
        if (rules.is_cue("first-person", slot.lower_) and slot.pos_ == "PRON") or any(
                c.dep_ == "poss" and rules.is_cue("first-person", c.lower_) for c in slot.children):
            return states[0]
    return None


def link_outside_clause(ctx: DocContext, rules: Rules, roles: Roles, speaker: Speaker) -> None:
    """Complete the roles of one trigger from outside its clause, once its speaker is known: a state
    description in the speaker's clause is the speaker, a first-person receiver is the speaker's state,
    and a missing agent gets candidates to be chosen at the document's end."""
    trigger, frame = roles.trigger, roles.rule.frame
    own = speaker_description(ctx, speaker, roles.agents, trigger.sent.start) if frame in AGENT_FRAMES else None
    if own is not None:
        roles.agents = [ActorRef(own, roles.agents[0].span, "SPEAKER")]
        roles.rules.append("role/candidate/speaker-description")
    mine = first_person_recipient(rules, speaker, trigger) if frame in ("give", "equip", "train") and \
        not roles.recipients else None
    if mine is not None and mine not in {a.actor for a in roles.agents}:
        roles.recipients = [ActorRef(mine, trigger.doc[trigger.i:trigger.i + 1], "SPEAKER")]
        roles.rules.append("role/candidate/speaker-first-person")
    if not roles.agents and frame in AGENT_FRAMES:
        adverbial = adverbial_candidates(ctx, trigger, frame)
        roles.candidates = governing_candidates(ctx, rules, trigger, frame) + adverbial + \
            speaker_candidates(ctx, speaker, trigger, frame)
        if adverbial and any(rules.is_cue("combat", t.lemma_.lower()) for c in trigger.children
                             if c.dep_ == "advcl" for t in c.subtree):
            roles.purpose = True   # "used when Hamas launched an attack": in combat, not stationed


# Document-level choices made once every sentence is read (events.fill_from_partners).

def usual_recipient(actor: str, recipients: Counter, users: Counter,
                     actor_counts: Counter | None) -> tuple[str, str] | None:
    """The recipient a supplier with no partner named most likely means, and the rule that says why.

    The article's usual recipient if one stands out ("Britain sent 2,000 NLAWs" in a story about arms
    for Ukraine); else the party the article has using weapons ("North Korea supplying weapons" in a
    story about Hamas firing North Korean rockets); else the party the article names most, if it
    clearly stands out.
    """
    tiers = [(recipients, "role/transfer/document-recipient", 1), (users, "role/transfer/document-group-user", 1),
             (actor_counts or Counter(), "role/transfer/document-main-party", _MAIN_PARTY_MIN)]
    for counts, rule, least in tiers:
        ranked = [(a, n) for a, n in counts.most_common(3) if a != actor]
        if not ranked:
            continue
        if ranked[0][1] >= least and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            return ranked[0][0], rule
        return None
    return None


def buyer_of_class(ev: Event, class_pairs: dict) -> bool:
    """True when a transfer noun's only party ("the Thai deal") is, in this article, only ever the
    receiver of this weapon class and never a supplier of anything: "The Thai deal for the Gripens" in
    a story about Swedish Gripens for Thailand is Sweden's sale, not Thailand's."""
    if "role/give/noun" not in ev.rules or ev.weapon_class not in class_pairs:
        return False
    pairs = [p for c in class_pairs.values() for p in c]
    return any(r == ev.actor for _, r in class_pairs[ev.weapon_class]) and all(a != ev.actor for a, _ in pairs)


def seller_to(buyer: str, pairs: Counter) -> str:
    """Who the article has selling this class to the buyer most often."""
    return Counter({a: n for (a, r), n in pairs.items() if r == buyer}).most_common(1)[0][0]


def maker_supplies(ev: Event, referents: dict | None) -> Event:
    """A transfer whose recipient makes the named model and whose actor does not is written the wrong
    way round ("the Egyptian deal" for Rafales, its other party taken from the article): the maker
    supplies. Only where a party came from the document, never against the sentence's own roles."""
    if ev.type != "transfer" or not referents or ev.recipient is None or \
            not any(r.startswith("role/transfer/document-") for r in ev.rules):
        return ev
    makers = {referents[g].producer for g in ev.gazetteer_ids if g.startswith("weapon/") and g in referents}
    if makers == {ev.recipient} and ev.actor not in makers:
        return replace(ev, actor=ev.recipient, recipient=ev.actor, rules=[*ev.rules, "role/transfer/maker-supplies"])
    return ev


def specific_earlier(weapons: list[WeaponRef], prev_weapons: list[WeaponRef], roles: Roles) -> list[WeaponRef]:
    """'The weapon was first used ...' after an RPG launcher was named: a definite generic weapon word
    is the specific weapon just named, not arms in general."""
    if not weapons or any(w.weapon_class != "arms" or w.model or w.head.morph.get("Number", []) != ["Sing"]
                          for w in weapons):
        return weapons   # ("the weapons" sums up what was said; "the weapon" is the one just named)
    if not all(any(c.morph.get("Definite", []) == ["Def"] or c.morph.get("PronType", []) == ["Dem"]
                   for c in w.head.children if c.dep_ == "det") for w in weapons):
        return weapons
    specific = [w for w in prev_weapons if w.weapon_class != "arms"]
    if len({w.weapon_class for w in specific}) > 1:
        # "an RPG-7, a weapon used against armoured vehicles": a target is not the weapon; a named model
        # is what "the weapon" points back to before a class word.
        rules = load_rules()
        specific = [w for w in specific if not (w.head.dep_ == "pobj" and rules.is_cue("target-prep", w.head.head.lower_))]
        specific = [w for w in specific if w.model] if len({w.weapon_class for w in specific}) > 1 else specific
    if not specific or len({w.weapon_class for w in specific}) > 1:
        return weapons   # (several classes just named: which one is meant is unsaid)
    roles.rules.append("weapon/definite-generic-previous")
    return specific[:1]


def weapons_elsewhere(roles: Roles, pron: Token) -> bool:
    """True when the event's weapons are named outside the pronoun ("they used the drones"), so the
    pronoun is the user, not the weapons."""
    return bool(roles.weapons) and pron.dep_ == "nsubj" and all(
        w.head.i != pron.i and pron.i not in {a.i for a in w.head.ancestors} for w in roles.weapons)
