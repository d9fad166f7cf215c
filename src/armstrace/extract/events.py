"""Sentence -> claim records: triggers, roles, attribution, stance, quantity, time, violations.

One trigger gives one event per weapon class ("tanks, missiles and
submarines" are three events, GUIDELINES) and one record per claimant.
Defaults that English leaves implicit are filled from data, never guessed:
a production's location is the producer's own state unless the text says
where; an attack whose target is unsaid hits the attacker's adversary when
a known conflict (gazetteers/conflicts.jsonl) has exactly one; a use of
"Iranian drones" by Russia implies Iran's drones reached Russia.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..gazetteer import Conflict, load_gazetteers
from ..nlp.mentions import INSTRUMENT, SPAN_KEY
from ..records import Quantity
from ..rules import Rules, load_rules
from .arguments import Roles, fill_roles, find_triggers
from .attribution import attribute
from .candidates import (Candidate, buyer_of_class, choose_actor, link_outside_clause, maker_supplies, seller_to,
                         specific_earlier, usual_recipient, weapons_elsewhere)
from .completions import complete_roles, extra_events, not_an_event, speaker_and_stance, unnamed_means
from .document import DocContext, Speaker
from .phrases import WeaponRef
from .quantities import quantity_of, quantity_of_count
from .targets import OWN_PEOPLE, attacking_nationals, on_own_people
from .times import time_of

_PROVIDE = {"provide", "offer", "give", "conduct", "deliver", "run", "organize", "organise", "extend"}
_AIRBORNE = {"uav", "missile", "aircraft", "artillery"}   # what is shot down or intercepted in flight
_SOUGHT = {"seeking", "seeks", "sought", "seek", "requested", "request", "requests", "wants", "wanted", "asked"}
_PURCHASES = {"buy", "purchase", "order", "contract"}
_AMBIGUOUS_USE = {"use", "deploy", "employ", "send", "rely"}
_TRAINING_WORDS = {"train", "training", "teach", "instruct", "learn", "show"}
_PRONOUNS = {"it", "they", "them", "these", "those", "this", "its", "their", "any", "none", "some", "more"}


@dataclass
class Event:
    """One event as read from one sentence, before it becomes records (one per claimant)."""

    type: str
    actor: str | None            # None only until fill_from_partners() runs
    recipient: str | None
    location: str | None
    place: str | None
    weapon_class: str | None
    weapons: list[str]
    quantity: Quantity | None
    speaker: Speaker
    stance: str
    time: str | None
    time_precision: str | None
    violates: list[str]
    sent: Span
    trigger: str
    rules: list[str] = field(default_factory=list)
    gazetteer_ids: list[str] = field(default_factory=list)
    confidence: float = 0.6
    candidates: list[Candidate] = field(default_factory=list)   # agents to choose from at the document's end
    candidate_only: bool = False     # kept only because a candidate may fill the agent
    headline: bool = False           # read from a headline above the body (a copy made later keeps it)


def adversary(conflicts: list[Conflict], actor: str | None) -> str | None:
    """The one adversary `actor` has in the conflicts data, or None if none or several."""
    found: set[str] = set()
    for conflict in conflicts:
        for i, side in enumerate(conflict.sides):
            if actor in side:
                found.update(conflict.sides[1 - i])
    return found.pop() if len(found) == 1 else None


def _is_state(actor: str | None) -> bool:
    return actor is not None and len(actor) == 3 and actor.isupper()


_UNSCR = "UNSCR"   # a Security Council resolution named without its number
_EMBARGO_BODIES = {"un", "eu"}


def violations_in(ctx: DocContext, rules: Rules, sent: Span) -> list[str]:
    """Instruments the sentence says are breached ("violates Resolution 2231")."""
    if not any(rules.is_cue("violation", t.lemma_.lower()) or rules.is_cue("violation", t.lower_) for t in sent):
        return []
    codes = []
    for span in ctx.doc.spans[SPAN_KEY]:
        if span.label_ == INSTRUMENT and sent.start <= span.start < sent.end:
            code = ctx.referent(span).instrument
            if code and code not in codes:
                codes.append(code)
    return codes or _unnumbered_instruments(ctx, sent)


def _unnumbered_instruments(ctx: DocContext, sent: Span) -> list[str]:
    """Instruments named without a number: 'a Security Council resolution' is the resolution the article
    names, else UNSCR; 'the UN arms embargo' is UN-arms-embargo (GUIDELINES: the short form of the words)."""
    codes: list[str] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "resolution" and _UNSCR not in codes:
            resolutions = [c for c, _ in ctx.instrument_counts.most_common() if c.startswith(_UNSCR + "-")]
            if resolutions:
                return resolutions[:1]
            if any(t.lower_ == "council" for t in sent):
                codes.append(_UNSCR)
        elif lemma == "embargo":
            for mod in tok.children:
                span = ctx.mention(mod) if mod.dep_ in ("compound", "amod", "poss", "nmod") else None
                body = ctx.actor_of(span) if span is not None else None
                if body in _EMBARGO_BODIES and f"{body.upper()}-arms-embargo" not in codes:
                    codes.append(f"{body.upper()}-arms-embargo")
    return codes


def _weapon_groups(weapons: list[WeaponRef]) -> dict[str, list[WeaponRef]]:
    groups: dict[str, list[WeaponRef]] = {}
    for ref in weapons:
        groups.setdefault(ref.weapon_class, []).append(ref)
    return groups


def _quantity(group: list[WeaponRef], roles: Roles) -> tuple[Quantity | None, str | None]:
    for ref in group:
        q, rule = quantity_of(ref.head)
        if q is not None:
            return q, rule
    if roles.trigger.pos_ == "NOUN":
        found = quantity_of(roles.trigger)
        if found[0] is not None:
            return found
    if roles.rule.type == "training":
        # "Between 90 and 100 Ukrainian soldiers have begun training": how many were trained.
        for learner_ref in roles.recipients:
            root = learner_ref.span.root
            learner = root.head if root.dep_ in ("amod", "compound", "poss") else root
            q, rule = quantity_of(learner)
            if q is not None:
                return q, rule
    return None, None


def events_of_sentence(ctx: DocContext, rules: Rules, conflicts: list[Conflict], sent: Span,
                       prev_weapons: list[WeaponRef]) -> list[Event]:
    """Every event the sentence states, with its attribution and stance."""
    events: list[Event] = []
    time, precision = time_of(sent, ctx.published, ctx.ents_of(sent))
    violates = violations_in(ctx, rules, sent)
    found = find_triggers(rules, sent)
    noun_triggers = {(t.i, r.type) for t, r in found if t.pos_ in ("NOUN", "PROPN")}
    for trigger, rule in found:
        if _under_non_event(rules, trigger):
            continue
        if trigger.dep_ == "compound" and (trigger.head.i, rule.type) in noun_triggers:
            continue   # "production facilities", "arms shipments": the head noun is the one event
        mention = ctx.mention(trigger)
        if mention is not None and mention.label_ == INSTRUMENT:
            continue   # "the 2015 nuclear deal" is a treaty, not an arms deal
        if rule.type == "use" and any(a.lemma_.lower() in _TRAINING_WORDS for a in trigger.ancestors):
            continue   # "trained Russians on using drones": the training is the event
        if any(c.dep_ == "prt" and c.lower_ in ("out", "on") for c in trigger.children) or (
                rule.frame == "give" and trigger.i + 1 < sent.end and trigger.nbor().lower_ in ("out", "on")
                and trigger.lemma_.lower() in ("carry", "hand", "move", "bring")):
            continue   # "carry out investigations", "carry on", "move on": phrasal verbs, not transfers
        if not_an_event(ctx, rules, trigger, rule):
            continue   # "drones for use in Ukraine", "fired during a drill", "offered to send", "a depot used by"
        if _weapon_carries(ctx, trigger):
            continue   # "aircraft modified so that they could carry nuclear weapons": a payload, not a transfer
        if rule.type == "transfer" and any(t.lemma_.lower() in _TRAINING_WORDS for c in trigger.children
                                           if c.dep_ == "dobj" for t in [c, *c.conjuncts]):
            continue   # "Britain has provided flight training": the training is the event

        roles = fill_roles(ctx, rules, trigger, rule)
        halt = complete_roles(ctx, rules, trigger, rule, roles, found)
        weapons = roles.weapons
        if not weapons and rule.type != "sanction":
            # "Iran will also train Russians in how to use it": the weapon of the sentence before,
            # unless the event names a thing of its own that is no weapon ("send a team").
            own_theme = roles.theme is not None and roles.theme.pos_ in ("NOUN", "PROPN")
            # ("these investigations" is a determiner on a thing of its own, not an anaphor)
            anaphor = any(t.lower_ in _PRONOUNS and t.dep_ not in ("det", "nsubj") for t in trigger.subtree) or (
                trigger.pos_ == "NOUN" and any(c.lower_ in ("the", "these", "those", "such") for c in trigger.children))
            # "Norway has promised six": a bare count stands for the weapon just named.
            counted = rule.type == "transfer" and any(c.dep_ == "dobj" and c.like_num for c in trigger.children)
            earlier = _weapons_before(ctx, trigger)   # "sending drones to Russia, which has used them"
            if (anaphor or counted) and earlier and not own_theme:
                weapons = earlier[-1:]
                roles.rules.append("weapon/earlier-in-sentence")
            elif prev_weapons and not own_theme and anaphor:
                weapons = prev_weapons[:1]   # "condemned the transfers": those just named
                roles.rules.append("weapon/previous-sentence")
            elif rule.type == "use" and _service_class(roles) is not None:
                # "the Israeli Air Force attacked a target": an air force strikes from aircraft.
                weapons = [WeaponRef(_service_class(roles) or "arms", None, sent.doc[trigger.i:trigger.i + 1], trigger)]
                roles.rules.append("weapon/attacker-service")
            elif means := unnamed_means(ctx, rules, trigger, rule, roles, earlier):
                weapons = means   # "a bombing", "the Air Force attacked", "training pilots to use F-16s"
            elif rule.frame == "train" and any(rules.is_cue("aircrew", t.lower_) for t in trigger.subtree):
                # "the training of Ukrainian pilots": pilots are trained to fly aircraft.
                weapons = [WeaponRef("aircraft", None, sent.doc[trigger.i:trigger.i + 1], trigger)]
                roles.rules.append("weapon/aircrew-trained")
            elif rule.frame in ("equip", "train") or "role/give/party-object" in roles.rules:
                # "Iran denies arming the group": to arm is to supply arms; training with no weapon
                # named ("Wagner fighters are training Belarusian special forces") is training in arms.
                weapons = [WeaponRef("arms", None, sent.doc[trigger.i:trigger.i + 1], trigger)]
                roles.rules.append("weapon/unnamed-means-arms")
            else:
                continue
        weapons = specific_earlier(weapons, prev_weapons, roles)
        if rule.frame == "intercept" and weapons and not any(w.weapon_class in _AIRBORNE for w in weapons):
            continue   # "destroyed Russian patrol boats": an attack on them with unnamed means, not an interception
        if rule.type == "sanction":
            weapons = []
        speaker = attribute(ctx, rules, trigger, roles.agent_tokens, [a.actor for a in roles.agents])
        if speaker.claimants == ["author"] and roles.witness and speaker.text is None:
            # A seizure reported without attribution: the seizing state vouches for the shipment.
            speaker = Speaker([w.actor for w in roles.witness], None, rules=["attribution/seizer"],
                              gazetteer_ids=[w.span.kb_id_ for w in roles.witness])
        if not (roles.recipients if rule.frame in ("intercept", "origin") else roles.agents) and roles.pronoun is not None:
            _resolve_pronoun_agent(ctx, roles, speaker)
        link_outside_clause(ctx, rules, roles, speaker)
        speaker, stance = speaker_and_stance(ctx, rules, trigger, rule, roles, speaker)
        groups = _weapon_groups(weapons) if weapons else {None: []}  # type: ignore[dict-item]
        made = [ev for weapon_class, group in groups.items() for ev in _events_for(ctx, conflicts, roles, rule.type,
                weapon_class, group, speaker, stance.stance, stance.rules, time, precision, violates, sent)]
        events += extra_events(ctx, rules, trigger, rule, made, halt, speaker)
    return events + _relative_denials(ctx, rules, sent, events)


_CHARGE_NOUNS = {"charge", "claim", "accusation", "allegation", "assertion", "report", "assessment"}


def _relative_denials(ctx: DocContext, rules: Rules, sent: Span, events: list[Event]) -> list[Event]:
    """'..., a charge that both Pyongyang and Prigozhin rejected': the sentence's claims, denied by them."""
    from .attribution import resolve_speaker

    out: list[Event] = []
    for tok in sent:
        if tok.dep_ != "relcl" or not rules.is_cue("deny", tok.lemma_.lower()) or \
                tok.head.lemma_.lower() not in _CHARGE_NOUNS:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        denier = resolve_speaker(ctx, rules, subj)
        if denier.claimants == ["author"]:
            continue
        denier.deny = True
        for ev in events:
            if ev.stance == "denied" or set(ev.speaker.claimants) & set(denier.claimants):
                continue
            out.append(Event(ev.type, ev.actor, ev.recipient, ev.location, ev.place, ev.weapon_class, ev.weapons,
                             ev.quantity, denier, "denied", ev.time, ev.time_precision, [], sent, ev.trigger,
                             [*ev.rules, "stance/relative-denial"], ev.gazetteer_ids, ev.confidence - 0.1))
    return out


_SERVICE_CLASSES = (("air force", "aircraft"), ("navy", "naval"), ("naval", "naval"), ("artillery", "artillery"))


def _service_class(roles: Roles) -> str | None:
    """The weapon class an attacking service implies: an air force flies aircraft, a navy ships."""
    for agent in roles.agents:
        name = agent.span.text.lower()
        for service, weapon_class in _SERVICE_CLASSES:
            if service in name:
                return weapon_class
    return None


_CARRY = {"carry", "transport", "ferry"}


def _weapon_carries(ctx: DocContext, trigger: Token) -> bool:
    """A weapon or platform carrying its payload ("bombers that can carry cruise missiles"), not a
    shipment: the subject is a weapon, or "they" stands for one."""
    if trigger.lemma_.lower() not in _CARRY or trigger.pos_ not in ("VERB", "AUX"):
        return False
    from .phrases import is_weapon_phrase

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
    antecedent = _weapons_before(ctx, trigger)
    actors_before = [m for t in trigger.sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < subj.i
                     for m in [ctx.mention(t)] if m is not None and m.label_ in ("STATE", "DEMONYM", "ORGAN", "BODY", "CAPITAL")]
    return subj.pos_ == "PRON" and subj.lower_ in ("they", "it") and able and bool(antecedent) and not actors_before


def _under_non_event(rules: Rules, trigger: Token) -> bool:
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


def _resolve_pronoun_agent(ctx: DocContext, roles: Roles, speaker: Speaker) -> None:
    """'We have not supplied ...' said Iran's ministry -> Iran; 'it supplied' -> the last actor named."""
    from .phrases import ActorRef

    pron = roles.pronoun
    assert pron is not None
    word = pron.lower_
    intercept = roles.rule.frame == "intercept"   # "we shot down ...": the pronoun is the defender
    if (word in ("we", "our", "us", "it", "they", "he", "she") and speaker.claimants != ["author"]) or (
            word == "their" and len(speaker.claimants) > 1 and "author" not in speaker.claimants):
        # "'We have not supplied ...,' said Iran's ministry"; "Ukraine said it shot down ..."; "Britain,
        # France and Germany said they would keep their own sanctions".
        actors = speaker.claimants
        roles.rules.append("role/pronoun/speaker")
        if len(actors) > 1:
            speaker.rules = [*speaker.rules, "attribution/self"]   # each of them speaks for itself
    elif word in ("its", "their"):
        # "Iran's booming UAV industry, its shipment of drones": the nearest actor named before.
        found = None
        above = {a.i for a in pron.ancestors}
        for i in range(pron.i - 1, pron.sent.start - 1, -1):
            tok = ctx.doc[i]
            if any(a.dep_ in ("relcl", "appos", "acl") and a.i not in above for a in [tok, *tok.ancestors]):
                continue   # "The Houthis, who control much of northern Yemen, say their arsenal ...": not Yemen
            span = ctx.mention(tok)
            if span is not None and ctx.actor_of(span):
                found = ctx.actor_of(span)
                break
        if not found and roles.rule.type == "transfer":
            return   # "their continued supply of weapons to the Houthis", "its cargo": the article's parties
        found = found or ctx.last_actor
        if not found:
            return
        actors = [found]
        roles.rules.append("role/pronoun/possessive")
    elif word in ("it", "they") and (roles.rule.type != "use" or weapons_elsewhere(roles, pron)) and (
            _subject_before(ctx, pron) or ctx.last_actor):
        # ("everything they hit": in attacks "they" is usually the weapons themselves, unless the
        # weapons are named apart from it: "they used the drones against the rebels")
        # "Turkey operates drones over Somalia, where it trains Somali troops": the subject before it.
        own = _subject_before(ctx, pron)
        actors = [a for a in (own or ctx.last_actor,) if a]
        roles.rules.append("role/pronoun/sentence-subject" if own else "role/pronoun/last-actor")
    else:
        return
    span = ctx.doc[pron.i:pron.i + 1]
    refs = [ActorRef(a, span, "PRONOUN") for a in actors]
    if intercept or roles.rule.frame in ("receive", "origin"):
        roles.recipients = refs
    else:
        roles.agents = refs






def _weapons_before(ctx: DocContext, trigger: Token) -> list[WeaponRef]:
    """Weapons named earlier in the trigger's own sentence, in order."""
    from .phrases import weapons_in_phrase

    out: list[WeaponRef] = []
    above = {a.i for a in trigger.ancestors}
    for tok in trigger.sent:
        if tok.i >= trigger.i:
            break
        side = next((a for a in [tok, *tok.ancestors] if a.dep_ in ("advcl", "relcl", "acl")), None)
        if side is not None and side.i not in above:
            continue   # "After Russian missiles struck Kyiv, Germany promised to send more": not the missiles
        if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj") and tok.pos_ in ("NOUN", "PROPN"):
            out += [w for w in weapons_in_phrase(ctx, tok) if all(w.span.start != o.span.start for o in out)]
    return out


def _subject_before(ctx: DocContext, pron: Token) -> str | None:
    """The actor that is the subject of a clause earlier in the pronoun's own sentence."""
    governing = {a.i for a in pron.ancestors}
    governing |= {c.head.i for c in pron.sent if c.dep_ == "conj" and c.i in governing}   # "X ..., and it will ..."
    for tok in reversed(list(pron.sent)[:pron.i - pron.sent.start]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN") and tok.head.i in governing:
            span = ctx.mention(tok)
            actor = ctx.actor_of(span) if span is not None else None
            if actor:
                return actor
    return None


def _events_for(ctx: DocContext, conflicts: list[Conflict], roles: Roles, etype: str,
                weapon_class: str | None, group: list[WeaponRef], speaker: Speaker, stance: str,
                stance_rules: list[str], time: str | None, precision: str | None,
                violates: list[str], sent: Span) -> list[Event]:
    agents: list[str | None] = [a.actor for a in roles.agents]
    recipients: list[str | None] = [a.actor for a in roles.recipients]
    earlier = ctx.last_models.get(weapon_class) if weapon_class else None
    if group and earlier is not None and not any(w.model for w in group) and all(
            any(c.lower_ in ("the", "these", "those") for c in w.head.children) for w in group):
        # "approved the purchase of 18 of the drones": the drones are the model named before.
        makers_of = [*group, earlier]   # (its maker only: annotators list a model where the text names it)
        roles.rules.append("weapon/definite-earlier-model")
    else:
        makers_of = group
    gaz_ids = [a.span.kb_id_ for a in roles.agents + roles.recipients] + [g for w in group for g in w.gazetteer_ids]
    rule_ids = [roles.rule.id, *roles.rules, *speaker.rules, *stance_rules]
    confidence = 0.7
    # Fill what the sentence leaves implicit from the weapon's origin.
    if not agents and etype == "transfer":
        origin = next((w.supplier or w.producer for w in group if w.supplier or w.producer), None)
        if origin:
            agents = [origin]
            rule_ids.append("role/transfer/weapon-origin")
            confidence = 0.5
        elif recipients and not roles.source_named and roles.trigger.lemma_.lower() in _PURCHASES:
            # "Poland bought TB2s": a model bought with no seller named is bought from its maker (a model
            # received may come from any of its users: "Ukraine received F-16s" from Denmark).
            makers = _model_makers(ctx, makers_of)
            if len(makers) == 1:
                agents = [makers.pop()]
                rule_ids.append("role/transfer/model-producer")
                confidence = 0.4
    targets_known = recipients or ([roles.place[0]] if roles.place else [])
    if "role/intercept/demonym-launcher" in roles.rules and targets_known and adversary(conflicts, targets_known[0]):
        agents = []   # the place's known adversary (below) beats the weapon's nationality
    if not agents and etype == "use" and targets_known and roles.trigger.lemma_.lower() not in _AMBIGUOUS_USE:
        # "Iranian drones struck Kyiv", "Ukraine shot down 30 drones": the target's adversary launched them.
        foe = adversary(conflicts, targets_known[0])
        if foe:
            agents = [foe]
            rule_ids.append("role/use/conflict-adversary")
            confidence = 0.5
    if not agents and etype == "use" and targets_known:
        # "Saudi and Emirati warplanes bombed Yemen": no known adversary; the attacking weapon's nationality
        agents = [a for a in attacking_nationals(ctx, roles.trigger, group) if a not in targets_known]
        if agents:
            rule_ids.append("role/use/weapon-nationality")
            confidence = 0.4
    if not agents and etype == "training":
        # "Ukrainian crews will be trained on the Leopards in Germany": the host trains, else the maker.
        hosts = [code for code, _ in (roles.hosts or ([roles.place] if roles.place else [])) if code not in recipients]
        origin = next((w.producer for w in group if w.producer and w.producer not in recipients), None)
        origin = origin or next((m for m in _model_makers(ctx, group) if m not in recipients), None)
        if hosts or origin:
            # "trained on the F-16 in Denmark, in Romania and in the United States": each host trains.
            agents = list(dict.fromkeys(hosts)) if hosts else [origin]
            rule_ids.append("role/training/host" if hosts else "role/training/weapon-origin")
            confidence = 0.5
    if not agents and etype in ("transfer", "use") and recipients and not roles.source_named:
        agents = [None]   # filled from the document's other events (fill_from_partners)
    if not agents and not recipients and etype == "transfer" and roles.trigger.pos_ == "NOUN" and any(
            c.lower_ in ("the", "these", "those", "such") for c in roles.trigger.children) and not any(
            c.dep_ in ("amod", "compound", "nummod") and ctx.mention(c) is None for c in roles.trigger.children):
        # "France classifies the drone deliveries as a breach": the deliveries the article is about.
        agents, recipients = [None], [None]
        rule_ids.append("role/transfer/anaphoric")
    candidate_only = not agents and bool(roles.candidates) and bool(recipients or etype in ("transfer", "use"))
    agents = [None] if candidate_only else agents   # chosen at the document's end (fill_from_partners)
    if not agents:
        return []
    counts = [c for c in roles.trigger.children if c.dep_ == "dobj" and c.like_num]
    borrowed = {"weapon/earlier-in-sentence", "weapon/previous-sentence"} & set(roles.rules)
    if counts and borrowed:
        # "Norway has promised six": the count is the trigger's own object, the weapon named before.
        quantity, qrule = quantity_of_count(counts[0])
    else:
        quantity, qrule = _quantity(group, roles)
    if qrule:
        rule_ids.append(qrule)
    models = sorted({w.model for w in group if w.model})
    out: list[Event] = []

    def make(etype_: str, actor: str | None, recipient: str | None, location: str | None, place: str | None,
             wclass: str | None, extra_rules: list[str], conf: float, own_models: list[str] | None = None) -> None:
        if recipient == actor and actor is not None and OWN_PEOPLE not in extra_rules:
            return
        kept = sorted(set(own_models)) if own_models is not None else models if wclass == weapon_class else []
        out.append(Event(etype_, actor, recipient, location, place, wclass, kept,
                         quantity if wclass == weapon_class else None, speaker, stance, time, precision, violates,
                         sent, roles.trigger.text, [*rule_ids, *extra_rules], gaz_ids, conf,
                         roles.candidates if actor is None else [], candidate_only and actor is None))

    place_code, place_text = roles.place if roles.place else (None, None)
    for actor in agents:
        if etype == "transfer":
            for recipient in recipients or [None]:
                make("transfer", actor, recipient, None, None, weapon_class, [], confidence)
        elif etype == "use":
            if weapon_class == "technology":
                continue   # "launched a satellite": technology is supplied and built, not fired
            targets = [r for r in recipients if r != actor] or ([place_code] if place_code and place_code != actor else [])
            rules_extra: list[str] = []
            if not targets and (roles.trigger.lemma_.lower() not in _AMBIGUOUS_USE or roles.purpose):
                foe = adversary(conflicts, actor)
                if foe:
                    targets = [foe]
                    rules_extra.append("role/use/conflict-adversary")
            if not targets and _is_state(actor) and place_code in (None, actor) and on_own_people(
                    ctx, load_rules(), roles.trigger, actor):
                targets = [actor]   # "the military has responded with air strikes" on its opponents: its own people
                rules_extra.append(OWN_PEOPLE)
            # "deploy drones" with no target or place is stationing, not an attack; but "militias using
            # Iranian drones" still says the drones reached them (below).
            stationed = not targets and not place_code and roles.trigger.lemma_.lower() in _AMBIGUOUS_USE \
                and not roles.purpose
            for recipient in [] if stationed else targets or [None]:
                location = place_code or (recipient if _is_state(recipient) and recipient != actor else None)
                make("use", actor, recipient, location, place_text, weapon_class, rules_extra, confidence)
            # "Russia used Iranian drones": the drones came from Iran.
            # ("used TB2s alongside Iranian Mohajer-6 drones": each origin sent its own models)
            for origin in dict.fromkeys(w.supplier or w.producer for w in group):
                if origin and actor and origin != actor and "role/use/weapon-nationality" not in rule_ids:
                    make("transfer", origin, actor, None, None, weapon_class, ["implied/transfer-from-origin"], 0.4,
                         [w.model for w in group if (w.supplier or w.producer) == origin and w.model])
        elif etype == "production":
            if weapon_class == "technology":
                continue   # "the nuclear program is based on Russian technology": know-how is transferred, not produced
            # Unless the text says where, a state produces at home and a group where it is based.
            location = place_code or (actor if _is_state(actor) else _base_of(ctx, roles, actor))
            if location is None:
                continue
            make("production", actor, None, location, place_text, weapon_class, [], confidence)
            for helper in roles.helper:
                if helper.actor != actor:
                    make("transfer", helper.actor, actor, None, None, "technology", ["implied/help-to-produce"], 0.5)
        elif etype == "training":
            noun = roles.trigger
            while noun.dep_ == "conj" and noun.head.i != noun.i:
                noun = noun.head
            provided = roles.trigger.pos_ == "NOUN" and noun.head.lemma_.lower() in _PROVIDE
            # "Britain has provided flight training": an unnamed trainee is filled from the article
            hosted = {code: text for code, text in roles.hosts}
            if actor in hosted:   # each host trains at home
                place_code, place_text = actor, hosted[actor]
            for recipient in recipients or ([None] if provided else []):
                make("training", actor, recipient, place_code, place_text, weapon_class, [], confidence)
        elif etype == "sanction":
            for recipient in recipients:
                make("sanction", actor, recipient, None, None, None, [], confidence)
    return out


def _model_makers(ctx: DocContext, group: list[WeaponRef]) -> set[str]:
    """The states that make the named models, from the weapons gazetteer ("TB2" -> TUR)."""
    makers = {ctx.referents[g].producer for w in group for g in w.gazetteer_ids
              if g.startswith("weapon/") and g in ctx.referents}
    return {m for m in makers if m}


def _base_of(ctx: DocContext, roles: Roles, actor: str | None) -> str | None:
    """The home state of a group among the event's agents ("the Houthis" -> YEM), from the gazetteer."""
    for ref in roles.agents:
        if ref.actor == actor and ref.span.label_ in ("BODY", "BODY_DEMONYM") and ref.span.kb_id_:
            return ctx.referent(ref.span).base
    # ("their arsenal is built locally": the group was named by a pronoun)
    return next((r.base for r in ctx.referents.values() if r.actor == actor and r.base), None)


def _sentence_actors(ev: Event, referents: dict | None) -> set[str]:
    if not referents:
        return set()
    found = set()
    for span in ev.sent.doc.spans[SPAN_KEY]:
        if ev.sent.start <= span.start < ev.sent.end and span.kb_id_ in referents:
            actor = referents[span.kb_id_].actor
            if actor:
                found.add(actor)
    return found


def _choose_candidates(events: list[Event], transfer_topic: dict[str, Counter],
                       use_topic: dict[str, Counter]) -> list[Event]:
    """Fill agents from the candidates their sentences proposed, where one scores high enough; a
    coordinated subject ("Canada and Japan could tighten sanctions") gives one event per member."""
    out: list[Event] = []
    for ev in events:
        if ev.actor is not None or not ev.candidates:
            out.append(ev)
            continue
        chosen, value = choose_actor(ev.candidates, ev.recipient, use_topic if ev.type == "use" else transfer_topic)
        if chosen is None:
            out.append(ev)
            continue
        members = [c.actor for c in ev.candidates if (c.source, c.distance) == (chosen.source, chosen.distance)
                   and c.actor != ev.recipient]
        for actor in dict.fromkeys([chosen.actor, *members]):
            # "the drones were used when the Houthis attacked": at the user's one known adversary
            foe = adversary(load_gazetteers().conflicts, actor) if ev.type == "use" and ev.recipient is None else None
            extra = ["role/use/conflict-adversary"] if foe else []
            out.append(replace(ev, actor=actor, recipient=foe or ev.recipient, location=ev.location or (
                foe if foe and _is_state(foe) else None), rules=[*ev.rules, f"role/candidate/{chosen.source}", *extra],
                confidence=min(ev.confidence, round(0.6 * value, 2)), candidate_only=False))
    return out




def fill_from_partners(events: list[Event], actor_counts: Counter | None = None,
                       referents: dict | None = None) -> list[Event]:
    """Complete transfers, uses and trainings that name one side only from the document's other events.

    "Promised missiles have not been delivered" in an article about Russia
    arming Iran: the supplier and recipient an article keeps returning to are
    the ones it means. Transfers still without a supplier are dropped.
    """
    to_partner: dict[str, Counter] = {}
    from_partner: dict[str, Counter] = {}
    for ev in events:
        if ev.type == "transfer" and ev.actor and ev.recipient:
            to_partner.setdefault(ev.actor, Counter())[ev.recipient] += 1
            from_partner.setdefault(ev.recipient, Counter())[ev.actor] += 1
    use_targets: dict[str, Counter] = {}
    use_attackers: dict[str, Counter] = {}
    for ev in events:
        if ev.type == "use" and ev.actor and ev.recipient:
            use_targets.setdefault(ev.actor, Counter())[ev.recipient] += 1
            use_attackers.setdefault(ev.recipient, Counter())[ev.actor] += 1
    pairs = Counter((ev.actor, ev.recipient) for ev in events if ev.type == "transfer" and ev.actor and ev.recipient)
    class_pairs: dict[str | None, Counter] = {}
    for ev in events:
        if ev.type == "transfer" and ev.actor and ev.recipient:
            class_pairs.setdefault(ev.weapon_class, Counter())[(ev.actor, ev.recipient)] += 1
    recipients = Counter(ev.recipient for ev in events if ev.type == "transfer" and ev.actor and ev.recipient)
    # Armed groups the article has firing weapons: a group's arms come from somewhere (states have industries).
    users = Counter(ev.actor for ev in events if ev.type == "use" and ev.actor and not _is_state(ev.actor)
                    and ev.stance != "denied")
    def fill(ev: Event, field_name: str, counts: Counter, rule: str, confidence: float) -> None:
        setattr(ev, field_name, counts.most_common(1)[0][0])
        ev.rules.append(rule)
        ev.confidence = confidence

    out = []
    for ev in _choose_candidates(events, to_partner, use_targets):
        if ev.candidate_only and ev.actor is None:
            continue   # no candidate good enough: the event stays unread, as before
        if ev.type == "transfer" and ev.actor is None and ev.recipient is None and pairs:
            # "The deal marks a warming of ties between Ankara and Riyadh": the pair the sentence names,
            # else the pair the article keeps naming for this weapon, else its main pair.
            named = _sentence_actors(ev, referents)
            in_sentence = Counter({p: n for p, n in pairs.items() if set(p) <= named})
            same_class = class_pairs.get(ev.weapon_class)
            ev.actor, ev.recipient = (in_sentence or same_class or pairs).most_common(1)[0][0]
            ev.rules.append("role/transfer/document-pair")
            ev.confidence = 0.3
        elif ev.type == "transfer" and ev.actor is None and ev.recipient in from_partner:
            fill(ev, "actor", from_partner[ev.recipient], "role/transfer/document-partner", 0.4)
        elif ev.type == "transfer" and ev.actor is None and ev.recipient in to_partner and (
                ev.stance == "hedged" or ev.trigger.lower() in _SOUGHT):
            # "Pyongyang is seeking fighter aircraft" in an article about its shells for Russia: in return,
            # from the party it supplies.
            fill(ev, "actor", to_partner[ev.recipient], "role/transfer/document-counterpart", 0.3)
        elif ev.type == "transfer" and ev.actor and ev.recipient is None and buyer_of_class(ev, class_pairs):
            ev.actor, ev.recipient = seller_to(ev.actor, class_pairs[ev.weapon_class]), ev.actor
            ev.rules.append("role/transfer/document-buyer")
            ev.confidence = 0.3
        elif ev.type == "transfer" and ev.actor and ev.recipient is None and ev.actor in to_partner:
            fill(ev, "recipient", to_partner[ev.actor], "role/transfer/document-partner", 0.4)
        elif ev.type == "transfer" and ev.actor and ev.recipient is None:
            found = usual_recipient(ev.actor, recipients, users, actor_counts)
            if found is not None:
                fill(ev, "recipient", Counter({found[0]: 1}), found[1], 0.3)
        elif ev.type == "training" and ev.actor and ev.recipient is None and ev.actor in to_partner:
            # "Britain has provided flight training": to whom Britain sends arms in this article.
            fill(ev, "recipient", to_partner[ev.actor], "role/training/document-partner", 0.3)
        elif ev.type == "use" and ev.actor is None and ev.recipient in use_attackers:
            # "Israel said it intercepted 99 percent of the drones": whoever the article says fired at Israel.
            fill(ev, "actor", use_attackers[ev.recipient], "role/use/document-attacker", 0.3)
        elif ev.type == "use" and ev.actor and ev.recipient is None and ev.actor in use_targets:
            # "Iran said it launched the drones": at whom the article's other claims say Iran fired.
            fill(ev, "recipient", use_targets[ev.actor], "role/use/document-target", 0.3)
        if ev.actor is None or (ev.actor == ev.recipient and OWN_PEOPLE not in ev.rules) or (
                ev.type == "training" and ev.recipient is None):
            continue
        out.append(maker_supplies(ev, referents))
    return out
