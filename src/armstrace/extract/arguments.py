"""Event triggers and their arguments: who did what to whom, from the parse.

A trigger's frame (rules/triggers.jsonl) says how grammatical roles map to
event roles: for "give" verbs the subject supplies and "to X" receives; for
"receive" verbs the subject receives and "from X" supplies; for "equip" the
object receives; for "use" verbs "against/on/at X" is the target; for
nominal triggers the possessor or "by/from X" is the actor. Passives,
relative clauses, control verbs ("Iran agreed to supply", "helped Russia to
produce") and light verbs ("imposed sanctions on", "received training")
are handled here, once, for every event type.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..nlp.mentions import INSTRUMENT
from ..rules import Rules, TriggerRule
from .document import DocContext
from .phrases import (
    _FIRM_NOUNS,
    ActorRef,
    WeaponRef,
    _listed_actors,
    actors_in_phrase,
    is_weapon_phrase,
    place_in_phrase,
    weapons_in_phrase,
)

_RELATIVE = {"which", "that", "who"}
_RELY = {"rely", "depend", "count"}
_ARMS_TRADE = {"export", "sale", "transfer", "trade", "supply", "shipment", "import", "delivery"}
_BLAME = {"blame", "accuse", "hold", "fault"}
_TIME_PREPS = {"since", "after", "before", "during", "until", "following", "amid", "ahead", "prior"}
_QUANT_PREPS = {"between", "about", "around", "nearly", "some", "over", "almost", "roughly", "approximately"}
_BEGIN = {"begin", "start", "complete", "continue", "finish", "undergo", "resume", "conclude"}
_SANCTION_CONTAINERS = {"package", "round", "set", "wave", "batch", "raft", "series", "slew", "list", "tranche"}
# Verbs whose subject holds the plan they take as object ("held off on plans to send").
_PLAN_HOLDER_VERBS = {"have", "make", "announce", "unveil", "approve", "adopt", "hold", "shelve", "drop", "scrap",
                      "delay", "pause", "suspend", "abandon", "freeze", "cancel", "revive", "advance", "pursue",
                      "outline", "finalize", "finalise", "take", "reverse", "confirm", "postpone", "put", "sign",
                      "reach", "strike", "conclude", "seal", "ink"}
_INTENT_NOUNS = {"plan", "decision", "intention", "promise", "pledge", "commitment", "offer", "bid", "effort",
                 "move", "attempt", "proposal", "readiness", "willingness", "scheme", "programme", "program",
                 "agreement", "deal", "contract", "accord", "memorandum"}
_TARGET_PREPS = {"against", "on", "at", "over", "into", "across", "toward", "towards", "upon"}
_PLACE_PREPS = {"in", "inside", "near", "over", "across", "at"}
_LIGHT_AGENT_VERBS = {"impose", "adopt", "approve", "announce", "introduce", "agree", "slap", "unveil",
                      "open", "build", "set", "launch", "conduct", "carry", "provide", "offer", "give",
                      "mount", "stage", "begin", "start", "expand", "increase", "ramp", "establish", "run",
                      "step", "continue", "resume", "sign", "make", "complete", "finalize", "reach", "strike",
                      "organize", "organise", "hold", "extend", "renew", "tighten", "broaden", "respond",
                      "retaliate", "order", "authorize", "authorise", "execute", "perform", "unleash", "maintain",
                      "operate", "have", "own", "keep", "pass", "plan", "prepare", "propose", "discuss",
                      "consider", "endorse", "back", "place", "win", "award", "secure", "land", "take"}


@dataclass
class Roles:
    """The arguments of one trigger."""

    rule: TriggerRule
    trigger: Token
    agents: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    weapons: list[WeaponRef] = field(default_factory=list)
    place: tuple[str, str] | None = None
    theme: Token | None = None
    rules: list[str] = field(default_factory=list)
    helper: list[ActorRef] = field(default_factory=list)   # "Iran helps Russia produce": Iran
    pronoun: Token | None = None     # the agent is a pronoun ("we", "it"): resolved by the caller
    witness: list[ActorRef] = field(default_factory=list)   # who seized a shipment
    source_named: bool = False       # "from X" / "by X" was written but X is not in the gazetteers
    purpose: bool = False            # a use "to attack/disrupt ...": combat even with no target named
    hosts: list[tuple[str, str]] = field(default_factory=list)   # every place a training is held
    candidates: list = field(default_factory=list)   # agents proposed from outside the clause (candidates.py)

    @property
    def agent_tokens(self) -> set[int]:
        return {i for a in self.agents for i in range(a.span.start, a.span.end)}


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
            if rule.frame == "origin" and not (tok.i > sent.start and tok.nbor(-1).text == "-"):
                continue
            if rule.frame == "intercept" and lemma == "shoot" and not any(
                    c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
                continue
            found.append((tok, rule))
    return found


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


_DESTINATION_WORDS = {"bound", "destined", "headed", "heading", "intended", "earmarked", "route", "en"}


def destinations(ctx: DocContext, sent: Span) -> list[ActorRef]:
    """'bound for the Houthis', 'destined for Yemen', 'en route to Russia': where a shipment was going."""
    out: list[ActorRef] = []
    for tok in sent:
        if tok.lower_ not in _DESTINATION_WORDS:
            continue
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += [a for a in actors_in_phrase(ctx, pobj) if a.actor not in {o.actor for o in out}]
        nxt = tok.nbor() if tok.i + 1 < sent.end else None
        if not out and nxt is not None and nxt.lower_ in ("for", "to"):
            for pobj in (c for c in nxt.children if c.dep_ == "pobj"):
                out += actors_in_phrase(ctx, pobj)
    return out


def _first_state(ctx: DocContext, head: Token) -> ActorRef | None:
    """The first state or group named anywhere in a phrase, clauses included: 'Ivan Maslov, whom it
    described as the head of Wagner in Mali' is Wagner's man; Mali is only where he works."""
    for tok in head.subtree:
        span = ctx.mention(tok)
        if span is None or tok.i != span.start or span.label_ not in ("STATE", "DEMONYM", "ORGAN", "CAPITAL", "BODY"):
            continue
        if span.root.dep_ == "pobj" and span.root.head.lower_ in ("in", "at", "near") and span.root.i != head.i:
            continue
        actor = ctx.actor_of(span)
        if actor:
            return ActorRef(actor, span, span.label_)
    return None


def _first_place(ctx: DocContext, heads: list[Token]) -> tuple[str, str] | None:
    """The first of these phrases that names a place (state, capital), as (ISO3, text)."""
    for head in heads:
        found = place_in_phrase(ctx, head)
        if found:
            return found
    return None


def _pobjs_around(verb: Token, preps: set[str]) -> list[Token]:
    """Objects of these prepositions on the verb or on its direct object ("bought drones from Turkey")."""
    out = _pobjs(verb, preps)
    for obj in verb.children:
        if obj.dep_ in ("dobj", "nsubjpass"):
            out += [p for p in _pobjs(obj, preps) if p not in out]
    return out


def _subject(ctx: DocContext, rules: Rules, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """(subject token, is_passive_theme). Follows conjunctions, control and relative clauses."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                # "Baykar, which is building a factory"; "Ethiopia is among the countries that bought TB2s"
                return _predicated_of(verb.head) or verb.head, False
            if c.lower_ in _RELATIVE and c.tag_ in ("WDT", "IN", "WP"):
                # "The shipment, which CENTCOM said came from Iran": the relative clause is higher up.
                rel = next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
                if rel is not None:
                    return rel.head, False
            return c, False
    for c in verb.children:
        if c.dep_ == "agent":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "suppliers that it said sold engines to Iran": the gap is the relative clause's antecedent.
        return _predicated_of(verb.head.head) or verb.head.head, False
    if depth > 3 or verb.head.i == verb.i:
        return None, False
    head = verb.head
    if verb.dep_ == "conj":
        return _subject(ctx, rules, head, depth + 1)
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        if rules.is_cue("object-control", head.lemma_.lower()):
            obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return obj, False
        if verb.dep_ in ("xcomp", "advcl"):
            return _subject(ctx, rules, head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "prevented Israel from launching": the object of the governing verb acts.
        obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj, False
        return _subject(ctx, rules, head.head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return head, False   # "Russia, using Iranian drones, ..."
    if verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            _predicated_of(head) is not None:
        return _predicated_of(head), False   # "Britain was the first country to give Ukraine missiles"
    if verb.dep_ == "acl" and head.lemma_.lower() in _INTENT_NOUNS and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Germany's decision to send tanks", "Washington held off on plans to send drones":
        # whoever holds the plan would act on it.
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss, False
        gov = head
        while gov.dep_ in ("dobj", "pobj", "prep") and gov.head.i != gov.i:
            gov = gov.head
            if gov.pos_ in ("VERB", "AUX"):
                if gov.lemma_.lower() in _PLAN_HOLDER_VERBS:
                    return _subject(ctx, rules, gov, depth + 1)
                break   # "asked about Iran's plans to supply": the asker holds no plan
    return None, False


def _supplied_group(ctx: DocContext, verb: Token, objs: list[Token], roles: Roles) -> None:
    """"Qatar has helped supply the RSF": an armed group supplied with nothing named is supplied arms
    (a state so named is as often a misparsed dative or a gapped clause: "and the Netherlands 24")."""
    if len(objs) != 1 or _children(verb, "prt") or any(c.dep_ == "nummod" for c in objs[0].children):
        return
    roles.recipients = [a for a in actors_in_phrase(ctx, objs[0]) if a.label in ("BODY", "BODY_DEMONYM")
                        and not (len(a.actor) == 3 and a.actor.isupper())]
    if roles.recipients:
        roles.rules.append("role/give/party-object")


def _arrive_roles(ctx: DocContext, verb: Token, roles: Roles, agent: list[ActorRef], objs: list[Token],
                  with_objs: list[Token]) -> None:
    """'Chinese technicians reached Harare with two radar units': whoever arrives brings the weapons
    to the state of the place reached. No weapon brought along or no place reached, no event."""
    places = objs + _pobjs(verb, {"in", "at", "to"})
    reached = [a for p in places for a in actors_in_phrase(ctx, p) if a.actor not in {x.actor for x in agent}]
    if not reached:
        return   # an arrival names where: "exports reached a record $5 billion, with drones" is none
    roles.weapons = _weapons_from(ctx, with_objs)
    roles.agents, roles.recipients = (agent, reached) if roles.weapons else ([], [])
    roles.theme = with_objs[0] if roles.weapons else None


def _target_owners(ctx: DocContext, targets: list[Token]) -> list[ActorRef]:
    """Who holds a struck thing that names no party itself: "struck a depot operated by Hezbollah",
    "hit an arms hub used by the militias" (the participle's agent)."""
    owners = [p for t in targets for c in t.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"
              for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return [a for o in owners for a in actors_in_phrase(ctx, o) if a.label != "PERSON"]


def _bodies_in(ctx: DocContext, head: Token) -> list[ActorRef]:
    """The body behind an instrument phrase: 'UN Security Council resolutions', 'Resolution 1718'."""
    out: list[ActorRef] = []
    for tok in head.subtree:
        span = ctx.mention(tok)
        if span is None or tok.i != span.start:
            continue
        if span.label_ == "BODY":
            out.append(ActorRef(ctx.actor_of(span) or "", span, span.label_))
        elif span.label_ == INSTRUMENT and (ctx.referent(span).instrument or "").startswith("UNSCR"):
            out.append(ActorRef("un", span, span.label_))
    return [a for a in out if a.actor]


def _possessive_owner(ctx: DocContext, obj: Token, exclude: list[ActorRef]) -> list[ActorRef]:
    """'its soldiers', 'their forces': the nearest actor named before, other than the event's agents."""
    poss = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if poss is None:
        return []
    skip = {a.actor for a in exclude}
    for i in range(poss.i - 1, max(-1, poss.sent.start - 1), -1):
        span = ctx.mention(ctx.doc[i])
        actor = ctx.actor_of(span) if span is not None else None
        if span is not None and actor and actor not in skip:
            return [ActorRef(actor, span, span.label_)]
    return []


def _predicated_of(noun: Token) -> Token | None:
    """The subject a generic noun is said of: 'Britain was the first country ...', 'Ethiopia and
    Morocco are among the countries ...'. None when the noun is not predicated of anything."""
    step = noun
    if step.dep_ == "pobj" and step.head.lower_ in ("among", "of", "like") and step.head.head.pos_ in ("AUX", "VERB"):
        step = step.head
    if step.dep_ not in ("attr", "prep") or step.head.lemma_ not in ("be", "become", "remain"):
        return None
    return next((c for c in step.head.children if c.dep_ == "nsubj"), None)


_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "nsubj", "nsubjpass", "csubj", "xcomp"}


def _clause_weapons(ctx: DocContext, verb: Token) -> list[WeaponRef]:
    """Weapons in the verb's clause, not in its subject or in clauses of their own."""
    tokens: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    heads = [t for t in tokens if ctx.mention(t) is not None and t.pos_ in ("NOUN", "PROPN")]
    return _weapons_from(ctx, heads)


_CONTAIN = {"include", "contain", "comprise", "consist", "carry", "hold", "feature"}


def _contents(noun: Token) -> list[Token]:
    """What a shipment is said to hold: 'The shipment ... included components for missiles'."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in _CONTAIN:
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "attr")] + _pobjs(verb, {"of"})


def _weapons_from(ctx: DocContext, tokens: list[Token]) -> list[WeaponRef]:
    out: list[WeaponRef] = []
    for tok in tokens:
        for ref in weapons_in_phrase(ctx, tok):
            if all(r.span.start != ref.span.start for r in out):
                out.append(ref)
    return out


def fill_roles(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule) -> Roles:
    """The arguments of a trigger under its frame."""
    roles = Roles(rule=rule, trigger=trigger)
    if trigger.pos_ in ("VERB", "AUX") and rule.frame != "origin":
        _verb_roles(ctx, rules, trigger, roles)
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        names_other_thing = any(o.pos_ in ("NOUN", "PROPN") and ctx.mention(o) is None for o in objects)
        if not roles.weapons and rule.frame in ("give", "receive", "equip", "produce") and not names_other_thing:
            # "have not supplied any of the countries at war with weapons": the parser hangs the
            # weapon off a neighbour; take weapons anywhere in the trigger's own clause.
            roles.weapons = _clause_weapons(ctx, trigger)
            if roles.weapons:
                roles.rules.append(f"role/{rule.frame}/clause-weapon")
    elif rule.frame == "origin":
        _origin_roles(ctx, trigger, roles)
    else:
        _noun_roles(ctx, rules, trigger, roles)
    return roles


def _verb_roles(ctx: DocContext, rules: Rules, verb: Token, roles: Roles) -> None:
    frame = roles.rule.frame
    subj, _ = _subject(ctx, rules, verb)
    passive_theme = _children(verb, "nsubjpass")
    objs = _children(verb, "dobj")
    # "fired between 30 and 40 missiles": the parser makes the counted object a preposition's.
    objs += [p for p in _pobjs(verb, _QUANT_PREPS) if any(c.dep_ == "nummod" for c in p.children)]
    dative = [p for p in _children(verb, "dative") if p.pos_ in ("PROPN", "NOUN", "PRON")]
    dative += [c for d in _children(verb, "dative") for c in d.children if c.dep_ == "pobj"]
    with_objs = _pobjs(verb, {"with"})
    # relative clause: "drones that Russia launched", "UAVs used by the Russian Federation"
    rel_head = verb.head if verb.dep_ in ("relcl", "acl") else None
    # "all types of Iranian UAVs that struck ...": a weapon phrase is no actor, whatever its demonym.
    # ("the Turkish drone maker Baykar" is a firm: its weapon word names its trade)
    subj_is_weapon = subj is not None and subj.lemma_.lower() not in _FIRM_NOUNS and (
        is_weapon_phrase(ctx, subj) or (ctx.mention(subj) is None and bool(weapons_in_phrase(ctx, subj))))
    agent = actors_in_phrase(ctx, subj) if subj is not None and not subj_is_weapon else []
    if subj is not None and not agent and subj.pos_ == "PRON" and (
            subj.head.i == verb.i or (verb.dep_ in ("xcomp", "conj") and subj.head.i == verb.head.i)):
        roles.pronoun = subj   # only the verb's own subject: "said it had seen no sign of X supplying"
    roles.rules.append(f"role/{frame}/verb")
    if frame == "give":
        roles.agents = agent
        theme = passive_theme + objs
        # "sell Tehran 24 Su-35 jets": the parser may hang the weapons off the recipient.
        theme += [c for d in dative + objs for c in d.children if c.dep_ == "appos"]
        objs_are_weapons = any(weapons_in_phrase(ctx, o) for o in objs)
        if with_objs and objs_are_weapons:
            theme = theme + with_objs   # "delivered helicopters to Mali, together with weapons"
            with_objs = []
        if with_objs:     # "supplied Russia with drones": the object receives
            roles.recipients = [a for o in objs for a in actors_in_phrase(ctx, o)]
            theme = with_objs
        else:
            # "for" names a recipient only directly ("for Ukraine"), not "for use in Ukraine".
            direct_for = [o for o in _pobjs(verb, {"for"}) if ctx.mention(o) is not None]
            roles.recipients = [a for o in _pobjs_around(verb, {"to"}) + direct_for + dative
                                for a in actors_in_phrase(ctx, o)]
            if not roles.recipients:
                # "sold Iran tanks": the parser makes the recipient a compound of the weapon.
                for o in objs:
                    for c in o.children:
                        span = ctx.mention(c)
                        if c.dep_ in ("compound", "nmod") and span is not None and span.label_ in ("STATE", "CAPITAL") \
                                and c.i < o.i and c.i == min(t.i for t in o.subtree):
                            roles.recipients += actors_in_phrase(ctx, c, follow_conj=False)
        if rel_head is not None and not theme:
            theme = [rel_head]
        roles.weapons = _weapons_from(ctx, theme)
        roles.theme = theme[0] if theme else None
        if not roles.weapons and not roles.recipients and not passive_theme and not dative:
            _supplied_group(ctx, verb, objs, roles)
        if not roles.agents:     # "ships carrying weapons from Iran to the Houthis"
            roles.agents = [a for o in _pobjs_around(verb, {"from"}) for a in actors_in_phrase(ctx, o)]
        if not roles.recipients:
            roles.recipients = destinations(ctx, verb.sent)
    elif frame == "arrive":
        _arrive_roles(ctx, verb, roles, agent, objs, with_objs)
    elif frame == "come-from":
        # "Most of Hezbollah's arsenal comes from Iran": only with a source, and a weapon as subject.
        sources = _pobjs(verb, {"from"})
        if not sources or subj is None:
            return
        theme_heads = [subj] + [p for p in _pobjs(subj, {"of"})]
        roles.weapons = _weapons_from(ctx, theme_heads) or _weapons_from(ctx, _contents(subj))
        roles.theme = subj
        roles.agents = [a for o in sources for a in actors_in_phrase(ctx, o)]
        holders = [c for t in theme_heads for c in t.children if c.dep_ == "poss"]
        roles.recipients = [a for h in holders for a in actors_in_phrase(ctx, h)] or destinations(ctx, verb.sent)
    elif frame == "seize":
        # "The Navy seized Iranian missiles bound for the Houthis": a transfer from the origin to the
        # destination; the seizer is a witness (see events: it becomes the default claimant).
        theme = objs + passive_theme
        roles.weapons = _weapons_from(ctx, theme)
        roles.theme = theme[0] if theme else None
        roles.agents = [a for o in _pobjs_around(verb, {"from"}) for a in actors_in_phrase(ctx, o)]
        roles.recipients = destinations(ctx, verb.sent)
        roles.witness = agent
    elif frame == "equip":
        roles.agents = agent
        roles.recipients = [a for o in objs + passive_theme for a in actors_in_phrase(ctx, o)]
        sources = [p for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by")
                   and any(True for _ in p.children)]
        roles.source_named = bool(sources) and not agent   # "armed from farther afield": a source, unnamed
        roles.weapons = _weapons_from(ctx, with_objs)
        roles.theme = with_objs[0] if with_objs else None
    elif frame == "receive":
        roles.recipients = agent if subj is not None and not passive_theme else []
        sources = _pobjs_around(verb, {"from"}) or [   # "large quantities of shells from North Korea"
            p for o in objs for t in o.subtree if t.i != o.i and t.dep_ == "pobj" and t.head.lower_ == "of"
            for p in _pobjs(t, {"from"})]
        roles.agents = [a for o in sources for a in actors_in_phrase(ctx, o)]
        roles.source_named = bool(sources) and not roles.agents
        theme = objs + passive_theme + ([rel_head] if rel_head is not None else [])
        roles.weapons = _weapons_from(ctx, theme)
        roles.theme = theme[0] if theme else None
    elif frame in ("use", "intercept"):
        relied_on = _pobjs(verb, {"on", "upon"}) if verb.lemma_.lower() in _RELY else []
        # ("shot down a missile with a Patriot": the defender's weapon is no part of the attack)
        theme = objs + passive_theme + (with_objs if frame == "use" else []) + relied_on + (
            [rel_head] if rel_head is not None else [])
        # "struck ammunition depots": an object that is no weapon is the target, whatever its modifiers.
        # ("thousands of drones", "99 percent of the missiles" are weapons by their "of")
        weapons = _weapons_from(ctx, [t for t in theme if t not in objs or t.pos_ in ("PRON", "NUM") or any(
            is_weapon_phrase(ctx, x) for x in [t, *_pobjs(t, {"of"})])])
        subj_weapons = weapons_in_phrase(ctx, subj) if subj is not None else []
        if frame == "use" and subj_weapons and not agent:
            # "Iranian drones struck Kyiv": the weapon is the subject, the target the object.
            weapons = subj_weapons
            targets = objs + _pobjs(verb, _TARGET_PREPS | _PLACE_PREPS)
        else:
            targets = [t for t in _pobjs_around(verb, _TARGET_PREPS) if t not in relied_on]
            targets += [o for o in objs if not weapons_in_phrase(ctx, o)]
            for x in _children(verb, "xcomp", "advcl"):    # "used drones to terrorize Kyiv"
                targets += _children(x, "dobj") + _pobjs(x, _TARGET_PREPS)
                if rules.is_cue("combat", x.lemma_.lower()) and any(c.lower_ == "to" for c in x.children):
                    roles.purpose = True   # "deployed drones to attack ...": an attack, not a deployment
            if any(rules.is_cue("combat", p.lemma_.lower()) for p in _pobjs_around(verb, {"in", "on", "during"})):
                roles.purpose = True       # "Ukraine uses drones in the war", "on the battlefield"
        if not weapons and frame == "use":
            # "struck Houthi targets, using warplanes and Tomahawk missiles": the means are the weapons.
            means = [x for x in verb.children if x.dep_ in ("advcl", "xcomp", "acl") and x.lemma_.lower() in ("use", "employ")]
            weapons = _weapons_from(ctx, [o for x in means for o in _children(x, "dobj")])
        roles.weapons = weapons
        roles.theme = theme[0] if theme else (subj if subj_weapons else None)
        if frame == "use":
            roles.agents = agent
            roles.recipients = [a for t in targets for a in actors_in_phrase(ctx, t) if a.label != "PERSON"]
            if not roles.recipients:
                roles.recipients = _target_owners(ctx, targets)
                if roles.recipients:
                    roles.rules.append("role/use/target-owner")
        else:
            # "Ukraine shot down 63 drones launched by Russia": the defender is the target.
            roles.recipients = agent
            launcher: list[ActorRef] = []
            for w in weapons:
                for c in w.head.children:
                    if c.dep_ in ("acl", "relcl"):
                        s, _ = _subject(ctx, rules, c)
                        if s is not None and not is_weapon_phrase(ctx, s):
                            launcher = actors_in_phrase(ctx, s)
            roles.agents = launcher
        places = _pobjs(verb, _PLACE_PREPS) + targets
        roles.place = _first_place(ctx, places) or roles.place
        if frame == "intercept" and not roles.agents and not roles.recipients and roles.place is None \
                and roles.pronoun is None:
            roles.weapons = []   # "drones were destroyed" with no defender and no place: nothing to key
        if frame == "intercept" and not roles.agents:
            # "Russian drones shot down over Ukraine": a bare demonym names who launched them, unless the
            # place has a known adversary ("Iranian drones over Ukraine" were launched by Russia) or the
            # demonym is a maker's ("Iranian-made").
            for w in weapons:
                if w.producer and not w.made_suffix:
                    roles.agents = [ActorRef(w.producer, w.span, "DEMONYM")]
                    roles.rules.append("role/intercept/demonym-launcher")
                    break
    elif frame == "produce":
        roles.agents = agent
        theme = objs + passive_theme
        if not agent and passive_theme:
            # "The Houthis say their missiles and drones are produced in Yemen": the owner makes them.
            owner = next((c for t in passive_theme for c in t.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PRON":
                roles.pronoun = owner
            elif owner is not None:
                roles.agents = actors_in_phrase(ctx, owner)
        roles.weapons = _weapons_from(ctx, theme)
        roles.theme = theme[0] if theme else None
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            roles.place = place_in_phrase(ctx, verb.head)   # "in Dushanbe, ..., where it will produce drones"
        at = {"in", "at", "near"}
        roles.place = _first_place(ctx, _pobjs(verb, at) + [p for t in theme for p in _pobjs(t, at)]) or roles.place
        if verb.head.i != verb.i and rules.is_cue("help", verb.head.lemma_.lower()):
            helper_subj, _ = _subject(ctx, rules, verb.head)
            if helper_subj is not None:
                roles.helper = actors_in_phrase(ctx, helper_subj)
        for aid in _pobjs_around(verb, {"with"}):
            if rules.is_cue("help", aid.lemma_.lower()) or aid.lemma_.lower() in ("assistance", "support"):
                # "a factory that makes Shahed drones with Iranian help": the helper transfers know-how.
                roles.helper += [a for c in aid.children if c.dep_ in ("amod", "poss", "compound")
                                 for a in actors_in_phrase(ctx, c, follow_conj=False)]
                roles.helper += [a for p in _pobjs(aid, {"from"}) for a in actors_in_phrase(ctx, p)]   # "help from Tehran"
    elif frame == "train":
        if objs or passive_theme or _pobjs(verb, {"by"}):
            roles.agents = agent
            roles.recipients = [a for o in objs + passive_theme for a in actors_in_phrase(ctx, o)]
            if not roles.recipients:   # "instructors who train its soldiers"
                roles.recipients = [r for o in objs for r in _possessive_owner(ctx, o, agent)]
        else:
            # "Iranian pilots have begun training on the Su-35": without an object, the subject learns.
            roles.recipients = agent
        theme = _pobjs(verb, {"on", "in", "with"}) + [p for o in objs for p in _pobjs(o, {"on", "with"})]
        roles.weapons = _weapons_from(ctx, theme)
        roles.theme = theme[0] if theme else None
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        preps += [c for p in preps for c in p.conjuncts if c.dep_ in ("prep", "conj")]   # "in Denmark, ... and in the US"
        place_heads = _pobjs_around(verb, {"in", "at"}) + [p for t in theme for p in _pobjs(t, {"in", "at"})]
        place_heads += [o for prep in preps for o in prep.children if o.dep_ == "pobj"]
        for head in place_heads:
            found = place_in_phrase(ctx, head)
            if found:
                if roles.place is None:
                    roles.place = found
                if found not in roles.hosts:
                    roles.hosts.append(found)
    elif frame == "ban":
        # "Any arms trade with North Korea is banned under UN Security Council resolutions": the body
        # whose instrument bans sanctions the party the banned trade is with.
        instruments = _pobjs(verb, {"under", "by"}) + ([subj] if subj is not None and not passive_theme else [])
        bodies = [a for i in instruments for a in _bodies_in(ctx, i)]
        banned = passive_theme + objs
        if not bodies and subj is not None and not passive_theme and any(
                b.lemma_.lower() in _ARMS_TRADE for b in banned):
            bodies = agent   # "Germany banned arms exports to Saudi Arabia": an embargo of its own
        if not bodies:
            return
        roles.agents = bodies[:1]
        parties = [p for b in banned for p in _pobjs(b, {"with", "to", "from", "for", "on"})]
        parties += _pobjs(verb, {"to", "with", "on", "against"})   # "prohibit arms sales to Iran" (parser's attachment)
        roles.recipients = [a for p in parties for a in actors_in_phrase(ctx, p) if a.actor != bodies[0].actor]
        roles.rules.append("role/ban/instrument")
    elif frame == "sanction":
        roles.agents = agent
        targets = objs + passive_theme + _pobjs(verb, {"on", "against"})
        targets += [a for t in targets for a in t.children if a.dep_ == "appos"]   # "two officials, two entities"
        roles.recipients = [a for o in targets for a in actors_in_phrase(ctx, o)]
        if not roles.recipients:
            # "designated 16 individuals and two entities that enable Iran's production of drones":
            # the state whose programme they serve.
            for o in targets:
                state = _first_state(ctx, o)
                if state is not None:
                    roles.recipients = [state]
                    roles.rules.append("role/sanction/state-in-object")
                    break


def _noun_roles(ctx: DocContext, rules: Rules, noun: Token, roles: Roles) -> None:
    frame = roles.rule.frame
    roles.rules.append(f"role/{frame}/noun")
    poss = _children(noun, "poss")
    by = _pobjs(noun, {"by"})
    from_ = _pobjs(noun, {"from"})
    of = _pobjs(noun, {"of"})
    # "deliveries of drones to Russia": the parser may hang "to Russia" on the drones.
    to = _pobjs(noun, {"to", "for"}) + [p for o in of for p in _pobjs(o, {"to"})]
    from_ += [p for o in of for p in _pobjs(o, {"from"})]
    on = _pobjs(noun, {"on", "against"})
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    mod_actors = [a for m in mods for a in actors_in_phrase(ctx, m, follow_conj=False)
                  if a.label in ("DEMONYM", "STATE", "BODY", "ORGAN", "BODY_DEMONYM")]
    # Light verb: "imposed sanctions on", "received training", "approved a package of sanctions".
    light: Token | None = noun
    for _ in range(4):
        if light is None or light.dep_ not in ("dobj", "nsubjpass", "pobj", "attr", "conj", "prep") \
                or light.head.i == light.i:
            light = None
            break
        light = light.head
        if light.dep_ == "prep" and light.lower_ in _TIME_PREPS:
            light = None   # "sent munitions since the Hamas-led attack": the sending is no attack
            break
        if light.dep_ == "prep" and light.lower_ not in ("of",):
            light = light.head
            break
        if light.pos_ in ("VERB", "AUX"):
            break
    if light is not None and (light.pos_ not in ("VERB", "AUX") or light.i == noun.i):
        light = None
    if light is not None and light.lemma_.lower() not in _LIGHT_AGENT_VERBS and \
            any(rules.is_cue(k, light.lemma_.lower()) for k in ("report", "deny")):
        light = None     # "France classifies the deliveries as ...": the classifier did not deliver
    light_subj = None
    if light is not None:
        light_subj, _ = _subject(ctx, rules, light)
    light_is_recipient = light is not None and rules.is_cue("recipient-verb", light.lemma_.lower())
    if light_subj is not None and light_subj.i == noun.i:
        light_subj = None   # "Training of Ukrainian pilots began": the noun is its own verb's subject
    light_actors = actors_in_phrase(ctx, light_subj) if light_subj is not None else []
    if light_subj is not None and not light_actors and light_subj.pos_ == "PRON" and \
            light is not None and light.lemma_.lower() in _LIGHT_AGENT_VERBS:
        roles.pronoun = light_subj   # "it has responded with air strikes": resolved by the caller
    if light is not None and not light_is_recipient and light.lemma_.lower() not in _LIGHT_AGENT_VERBS:
        light_actors = []   # "pushing Guterres to investigate the drone use": the investigator did not use

    weapon_phrases = of + [m for m in mods if ctx.mention(m) is not None] + _pobjs(noun, {"on", "with", "for"})
    if frame == "market":
        _market_roles(ctx, rules, noun, roles)
        return
    if frame == "supplier":
        _supplier_roles(ctx, noun, roles, poss, to, of, mods)
        return
    if frame == "seize":
        roles.agents = [a for o in from_ for a in actors_in_phrase(ctx, o)]
        roles.recipients = [a for o in to for a in actors_in_phrase(ctx, o)] or destinations(ctx, noun.sent)
        roles.witness = (actors_in_phrase(ctx, poss[0]) if poss else []) or light_actors
    if poss and poss[0].pos_ == "PRON" and poss[0].lower_ in ("its", "their"):
        roles.pronoun = poss[0]   # "its shipment of drones": resolved like a subject pronoun
    if frame in ("give", "receive"):
        supplier_side = actors_in_phrase(ctx, poss[0]) if poss else []
        if frame == "receive":
            roles.recipients = supplier_side or light_actors
            roles.agents = [a for o in from_ for a in actors_in_phrase(ctx, o)]
        else:
            roles.agents = (supplier_side or [a for o in by + from_ for a in actors_in_phrase(ctx, o)]
                            or [a for a in mod_actors if a.label != "DEMONYM" or not of])
            if not roles.agents and light_actors and not light_is_recipient:
                roles.agents = light_actors
            roles.recipients = [a for o in to + _pobjs(noun, {"with"}) for a in actors_in_phrase(ctx, o)]
            if not roles.recipients and light_is_recipient:
                roles.recipients = light_actors
    elif frame == "use" and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of") and \
            noun.head.head.lemma_.lower() in _BLAME:
        # "Tehran blamed Israel for the Damascus strike": the one blamed attacked; the place says where.
        roles.agents = [a for o in _children(noun.head.head, "dobj") for a in actors_in_phrase(ctx, o)]
        roles.place = _first_place(ctx, [noun]) or _first_place(ctx, _pobjs(noun, {"in", "on", "at"}))
        roles.rules.append("role/use/blamed")
    elif frame == "use":
        roles.agents = (actors_in_phrase(ctx, poss[0]) if poss else []) or [
            a for o in by for a in actors_in_phrase(ctx, o)] or (light_actors if not light_is_recipient else [])
        if not roles.agents:
            roles.agents = [a for a in mod_actors if a.label != "DEMONYM"]
        if light_subj is not None and is_weapon_phrase(ctx, light_subj):
            # "Turkish aircraft have carried out strikes": the subject is the weapon, its demonym the actor.
            roles.weapons = weapons_in_phrase(ctx, light_subj)
        targets = on + _pobjs(noun, {"at", "over", "into", "in"})
        if light is not None:   # "responded with air strikes on Hezbollah positions"
            targets += [p for p in _pobjs(light, {"on", "against", "at"}) if p not in targets]
        roles.recipients = [a for t in targets for a in actors_in_phrase(ctx, t) if a.label != "PERSON"]
        roles.place = _first_place(ctx, targets) or roles.place
    elif frame == "produce":
        roles.agents = (actors_in_phrase(ctx, poss[0]) if poss else []) or mod_actors or light_actors
        places = [c for t in noun.subtree for c in _pobjs(t, {"in", "at", "near"})]
        places += _pobjs(light, {"in", "at", "near"}) if light is not None else []
        if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            places += _pobjs(noun.head, {"in", "at", "near"})   # "an Iranian drone factory opened in Tajikistan"
        roles.place = _first_place(ctx, places) or roles.place
    elif frame == "train":
        help_weapons: list[WeaponRef] = []
        if light_is_recipient:
            roles.recipients = light_actors
            roles.agents = [a for o in by + from_ for a in actors_in_phrase(ctx, o)] or mod_actors
        elif noun.dep_ in ("xcomp", "dobj") and noun.head.lemma_.lower() in _BEGIN:
            # "Ukrainian soldiers have begun training on the Patriot": the subject learns.
            learner, _ = _subject(ctx, rules, noun.head)
            roles.recipients = actors_in_phrase(ctx, learner) if learner is not None else []
            roles.agents = [a for o in by + from_ for a in actors_in_phrase(ctx, o)]
        else:
            roles.agents = (actors_in_phrase(ctx, poss[0]) if poss else []) or mod_actors or light_actors
            roles.recipients = [a for o in _pobjs(noun, {"for", "to", "of"}) for a in actors_in_phrase(ctx, o)]
            helping = noun.head if rules.is_cue("help", noun.head.lemma_.lower()) else next(
                (c for c in noun.head.children if c.dep_ in ("advcl", "xcomp", "acl") and
                 rules.is_cue("help", c.lemma_.lower())), None)   # "trainers were in Crimea helping ..."
            if not roles.recipients and noun.dep_ == "nsubj" and helping is not None:
                # "Iranian instructors were helping Russian troops launch drones": the helped learn,
                # and learn the weapon of the clause they are helped in.
                clauses = _children(helping, "ccomp", "xcomp")
                helped = _children(helping, "dobj") or [s for c in clauses for s in _children(c, "nsubj")]
                roles.recipients = [a for o in helped for a in actors_in_phrase(ctx, o)]
                help_weapons = _weapons_from(ctx, [o for c in clauses for o in _children(c, "dobj")])
        places = _pobjs(noun, {"in", "at"}) + (_pobjs(light, {"in", "at"}) if light is not None else [])
        if help_weapons:
            roles.weapons = help_weapons
            weapon_phrases = []   # the helped clause's weapon is what is taught, not the helpers' own trades
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
            places += _pobjs(noun.head, {"in", "at"})   # "Training of Ukrainian pilots began in Denmark"
        for p in places:
            found = place_in_phrase(ctx, p)
            if found:
                roles.place = found
    elif frame == "sanction":
        container = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if container is not None and container.lemma_.lower() in _SANCTION_CONTAINERS:
            # "the EU's thirteenth package of sanctions listed companies in China": the package acts.
            poss = poss or _children(container, "poss")
            on = on + _pobjs(container, {"on", "against"})
            if container.dep_ == "nsubj" and container.head.pos_ == "VERB":
                # "listed several firms in Iran": the firms, or where they are
                on = on + _children(container.head, "dobj") + _pobjs(container.head, {"in"})
        if noun.lemma_ in ("measure", "restriction", "penalty") and not any(
                c.lower_ in ("restrictive", "punitive", "sanctions", "economic", "new", "further")
                for c in noun.children):
            return
        roles.agents = ((actors_in_phrase(ctx, poss[0]) if poss else []) or
                        [a for o in by for a in actors_in_phrase(ctx, o)] or
                        [a for a in mod_actors if a.label in ("STATE", "BODY", "ORGAN")] or
                        (light_actors if not light_is_recipient else []))
        if light is not None:    # "imposed sanctions on Monday on Iran Air"
            on = on + [p for p in _pobjs(light, {"on", "against"}) if p not in on]
        roles.recipients = [a for o in on for a in actors_in_phrase(ctx, o)]
        if not roles.recipients and noun.dep_ == "pobj" and noun.head.lower_ == "under" and light is not None:
            # "HESA had been placed under US sanctions", "firms under EU sanctions"
            holder, _ = _subject(ctx, rules, light)
            if holder is None:
                holder = next((c for c in light.children if c.dep_ == "nsubjpass"), None)
            roles.recipients = actors_in_phrase(ctx, holder) if holder is not None else []
            roles.agents = [a for a in roles.agents if a.actor not in {r.actor for r in roles.recipients}] or \
                [a for a in mod_actors if a.label in ("STATE", "BODY", "ORGAN")]
        if not roles.recipients and light_is_recipient:
            roles.recipients = light_actors
        if not roles.recipients and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            # "US sanctions have pushed those two countries to cooperate": what the sanctions act on;
            # "an embargo bars the supply of weapons to the Houthis": whom the barred supply was for.
            objects = _children(noun.head, "dobj")
            roles.recipients = [a for o in objects for a in actors_in_phrase(ctx, o)] or [
                a for p in _pobjs_around(noun.head, {"to", "for"}) + [
                    p for o in objects for t in o.subtree for p in _pobjs(t, {"to", "for"})]
                for a in actors_in_phrase(ctx, p)]
        if not roles.recipients and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
            # "Iran was hampered by a UN arms embargo": the passive subject is the target.
            roles.recipients = [a for o in _children(noun.head.head, "nsubjpass") for a in actors_in_phrase(ctx, o)]
        if not roles.recipients:
            # "sanctions on people and companies tied to Iran's drone programme": the state they serve
            state = next((f for f in (_first_state(ctx, o) for o in on) if f is not None), None)
            roles.recipients = [state] if state is not None and state.actor not in {a.actor for a in roles.agents} else []
        if not roles.recipients:
            roles.recipients = [a for a in mod_actors if a.label in ("DEMONYM", "BODY_DEMONYM")
                                and a.actor not in {x.actor for x in roles.agents}]
    if frame != "sanction" and not (frame in ("train", "use") and roles.weapons):
        roles.weapons = _weapons_from(ctx, weapon_phrases) or weapons_in_phrase(ctx, noun) or roles.weapons
        if not roles.weapons:
            roles.weapons = _weapons_from(ctx, _contents(noun))   # "the shipment included missiles"
        if not roles.weapons and frame in ("give", "receive"):
            # "a contract worth $370 million for TB2 drones", "a package drawn from US stocks, including
            # Stinger missiles": the "for" or the list may hang lower in the phrase.
            roles.weapons = _weapons_from(ctx, [p for t in noun.subtree if t.i != noun.i
                                                for p in _pobjs(t, {"for", "including"})])
        roles.theme = of[0] if of else None
        if light is not None and not roles.weapons:
            roles.weapons = _weapons_from(ctx, _children(light, "dobj", "nsubjpass") + _pobjs(light, {"with", "on"}))


def _supplier_roles(ctx: DocContext, noun: Token, roles: Roles, poss: list[Token], to: list[Token],
                    of: list[Token], mods: list[Token]) -> None:
    """'China was the top supplier to Russia of machine tools'; 'Iran, Russia's main drone supplier':
    who the noun is said of supplies; its possessor or 'to X' receives."""
    roles.rules.append("role/supplier/noun")
    said_of = _predicated_of(noun)
    if said_of is None and noun.dep_ == "appos":
        said_of = noun.head                     # "Iran, Russia's main drone supplier"
    if said_of is None:
        said_of = next((c for c in noun.children if c.dep_ == "appos"), None)   # "its top supplier, China"
    roles.agents = actors_in_phrase(ctx, said_of) if said_of is not None else []
    roles.recipients = [a for h in poss + to for a in actors_in_phrase(ctx, h)]
    roles.weapons = (_weapons_from(ctx, of + [p for o in to for p in _pobjs(o, {"of"})])
                     or _weapons_from(ctx, [m for m in mods if ctx.mention(m) is not None]))
    roles.theme = of[0] if of else None


def _market_roles(ctx: DocContext, rules: Rules, noun: Token, roles: Roles) -> None:
    """'Iran has found markets for its drones in Russia and countries like Ethiopia';
    'the TB2's customers include Poland and Qatar': the seller, and one recipient per market named."""
    light = noun.head if noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB" else None
    light_subj = _subject(ctx, rules, light)[0] if light is not None else None
    roles.weapons = _weapons_from(ctx, _pobjs(noun, {"for", "of"})) or weapons_in_phrase(ctx, noun)
    if not roles.weapons:
        for c in noun.children:
            if c.dep_ == "poss":
                roles.weapons = weapons_in_phrase(ctx, c)
    if light is not None and light_subj is not None:
        roles.agents = actors_in_phrase(ctx, light_subj)
        if not roles.agents and light_subj.pos_ == "PRON":
            roles.pronoun = light_subj
    if not roles.agents:
        roles.agents = [a for c in noun.children if c.dep_ == "poss" for a in actors_in_phrase(ctx, c)
                        if not is_weapon_phrase(ctx, c)]
    places: list[Token] = []
    holders = list(noun.subtree) + ([c for c in light.children if c.dep_ in ("prep", "conj")] if light is not None else [])
    for prep in holders:
        if prep.dep_ in ("prep", "conj") and prep.lower_ in ("in", "among", "including", "like"):
            places += [p for p in prep.children if p.dep_ == "pobj"]
            for more in prep.conjuncts:   # "not only in Russia but also in countries like ..."
                places += [p for p in more.children if p.dep_ == "pobj"]
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ("include", "be", "comprise"):
        places += [c for c in noun.head.children if c.dep_ in ("dobj", "attr")]
    found: list[ActorRef] = []
    for place in places:
        for ref in actors_in_phrase(ctx, place) + _listed_actors(ctx, place):
            if ref.actor not in {f.actor for f in found}:
                found.append(ref)
    roles.recipients = found
    roles.rules.append("role/market/noun")


def _origin_roles(ctx: DocContext, trigger: Token, roles: Roles) -> None:
    """'Iranian-supplied drones', 'US-provided HIMARS': supplier before the hyphen, user is who holds them."""
    roles.rules.append("role/origin/hyphen")
    start = trigger.i - 2
    if start < trigger.sent.start:
        return
    span = ctx.mention(ctx.doc[start])
    actor = ctx.actor_of(span) if span is not None else None
    if span is None or actor is None:
        return
    roles.agents = [ActorRef(actor, span, span.label_)]
    noun = trigger.head
    roles.weapons = weapons_in_phrase(ctx, noun)
    roles.theme = noun
    # The holder: "Ukraine's US-supplied HIMARS", or the subject of the verb the weapon serves.
    poss = _children(noun, "poss")
    if poss:
        roles.recipients = actors_in_phrase(ctx, poss[0])
    else:
        # "shot it down with a US-supplied Patriot": through the preposition to the verb
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.pos_ == "VERB" else None
        if subj is not None and subj.i != noun.i:
            roles.recipients = actors_in_phrase(ctx, subj)
            if not roles.recipients and subj.pos_ == "PRON":
                roles.pronoun = subj   # "it had shot down ...": resolved to the speaker by the caller
