"""Sentence -> claim records: triggers, roles, attribution, stance, quantity, time, violations.

One trigger gives one event per weapon class ("tanks, missiles and
submarines" are three events, GUIDELINES) and one record per claimant.
Defaults that English leaves implicit are filled from data, never guessed
(extract/defaults.py); what a trigger borrows from earlier text is in
extract/antecedents.py; triggers that state no event are set aside first
(extract/non_events.py); one-sided events are completed at the document's
end (extract/partners.py). A production's location is the producer's own
state unless the text says where; a use of "Iranian drones" by Russia
implies Iran's drones reached Russia.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..gazetteer import Conflict
from ..records import Quantity
from ..rules import Rules, load_rules
from .antecedents import borrowed_weapons, resolve_pronoun_agent
from .arguments import Roles, fill_roles, find_triggers
from .attribution import attribute
from .candidates import link_outside_clause, specific_earlier
from .completions import complete_roles, extra_events, speaker_and_stance
from .defaults import implicit_agents, model_makers
from .denials import relative_denials
from .document import DocContext, Speaker
from .event import Event, adversary, is_state
from .non_events import skipped
from .partners import fill_from_partners
from .phrases import WeaponRef
from .quantities import quantity_of, quantity_of_count
from .sanctions import breach_roles
from .targets import OWN_PEOPLE, civilian_target, on_own_people
from .times import time_of
from .violations import violations_in

__all__ = ["Event", "events_of_sentence", "fill_from_partners"]

_AIRBORNE = {"uav", "missile", "aircraft", "artillery"}   # what is shot down or intercepted in flight


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
    found = find_triggers(rules, sent)
    if not found:
        return relative_denials(ctx, rules, sent, events)   # (which remembers who denied, for later sentences)
    time, precision = time_of(sent, ctx.published, ctx.ents_of(sent))
    violates = violations_in(ctx, rules, sent)
    noun_triggers = {(t.i, r.type) for t, r in found if t.pos_ in ("NOUN", "PROPN")}
    for trigger, rule in found:
        if skipped(ctx, rules, trigger, rule, noun_triggers):
            continue
        roles = fill_roles(ctx, rules, trigger, rule)
        halt = complete_roles(ctx, rules, trigger, rule, roles, found)
        weapons = roles.weapons
        if not weapons and rule.type != "sanction":
            borrowed = borrowed_weapons(ctx, rules, trigger, rule, roles, prev_weapons)
            if borrowed is None:
                continue
            weapons = borrowed
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
            resolve_pronoun_agent(ctx, roles, speaker)
        link_outside_clause(ctx, rules, roles, speaker)
        speaker, stance = speaker_and_stance(ctx, rules, trigger, rule, roles, speaker)
        groups = _weapon_groups(weapons) if weapons else {None: []}  # type: ignore[dict-item]
        reading = _Reading(ctx, conflicts, roles, speaker, stance.stance, stance.rules, time, precision, violates, sent)
        made = [ev for weapon_class, group in groups.items() for ev in reading.events(rule.type, weapon_class, group)]
        breach = breach_roles(ctx, rules, trigger, roles) if rule.type == "sanction" else None
        if breach is not None:   # "Chad violated the arms embargo on Sudan": Chad supplied Sudan with arms
            made += replace(reading, roles=breach).events("transfer", breach.weapons[0].weapon_class, breach.weapons)
        events += extra_events(ctx, rules, trigger, rule, made, halt, speaker)
    return events + relative_denials(ctx, rules, sent, events)


@dataclass
class _Reading:
    """One trigger's reading (roles, attribution, stance, time), made into events one weapon class at a time."""

    ctx: DocContext
    conflicts: list[Conflict]
    roles: Roles
    speaker: Speaker
    stance: str
    stance_rules: list[str]
    time: str | None
    precision: str | None
    violates: list[str]
    sent: Span

    def events(self, etype: str, weapon_class: str | None, group: list[WeaponRef]) -> list[Event]:
        """The events of one weapon class: one per actor and other party, with the defaults filled."""
        roles = self.roles
        makers_of = self._makers_of(weapon_class, group)
        gaz_ids = [a.span.kb_id_ for a in roles.agents + roles.recipients] + [g for w in group for g in w.gazetteer_ids]
        rule_ids = [roles.rule.id, *roles.rules, *self.speaker.rules, *self.stance_rules]
        agents, recipients, confidence = implicit_agents(self.ctx, self.conflicts, roles, etype, group, makers_of,
                                                         [a.actor for a in roles.recipients], rule_ids)
        candidate_only = not agents and bool(roles.candidates) and bool(recipients or etype in ("transfer", "use"))
        agents = [None] if candidate_only else agents   # chosen at the document's end (fill_from_partners)
        if not agents:
            return []
        quantity = self._quantity(group, rule_ids)
        make = _Maker(self, weapon_class, quantity, sorted({w.model for w in group if w.model}), rule_ids, gaz_ids,
                      candidate_only)
        for actor in agents:
            if etype == "transfer":
                # several origins in one class: each keeps the models it sent
                own = [w.model for w in group if (w.supplier or w.producer) in (actor, None) and w.model] \
                    if len(agents) > 1 and "role/transfer/weapon-origin" in rule_ids else None
                for recipient in recipients or [None]:
                    make("transfer", actor, recipient, None, None, weapon_class, [], confidence, own)
            elif etype == "use" and weapon_class != "technology":
                # ("launched a satellite": technology is supplied and built, not fired)
                _use_events(make, actor, recipients, group, confidence)
            elif etype == "production" and weapon_class != "technology":
                # ("the nuclear program is based on Russian technology": know-how is transferred, not produced)
                _production_events(make, actor, confidence)
            elif etype == "training":
                _training_events(make, actor, recipients, confidence)
            elif etype == "sanction":
                for recipient in recipients:
                    make("sanction", actor, recipient, None, None, None, [], confidence)
        return make.out

    def _makers_of(self, weapon_class: str | None, group: list[WeaponRef]) -> list[WeaponRef]:
        """'approved the purchase of 18 of the drones': the drones are the model named before
        (its maker only: annotators list a model where the text names it)."""
        earlier = self.ctx.last_models.get(weapon_class) if weapon_class else None
        if group and earlier is not None and not any(w.model for w in group) and all(
                any(load_rules().is_cue("definite-det", c.lower_) for c in w.head.children) for w in group):
            self.roles.rules.append("weapon/definite-earlier-model")
            return [*group, earlier]
        return group

    def _quantity(self, group: list[WeaponRef], rule_ids: list[str]) -> Quantity | None:
        roles = self.roles
        counts = [c for c in roles.trigger.children if c.dep_ == "dobj" and c.like_num]
        borrowed = {"weapon/earlier-in-sentence", "weapon/previous-sentence"} & set(roles.rules)
        if counts and borrowed:
            # "Norway has promised six": the count is the trigger's own object, the weapon named before.
            quantity, qrule = quantity_of_count(counts[0])
        else:
            quantity, qrule = _quantity(group, roles)
        if qrule:
            rule_ids.append(qrule)
        return quantity


@dataclass
class _Maker:
    """Makes the events of one weapon class, sharing what the reading found."""

    reading: _Reading
    weapon_class: str | None
    quantity: Quantity | None
    models: list[str]
    rule_ids: list[str]
    gaz_ids: list[str]
    candidate_only: bool

    def __post_init__(self) -> None:
        self.out: list[Event] = []

    def __call__(self, etype: str, actor: str | None, recipient: str | None, location: str | None,
                 place: str | None, wclass: str | None, extra_rules: list[str], conf: float,
                 own_models: list[str] | None = None) -> None:
        if recipient == actor and actor is not None and OWN_PEOPLE not in extra_rules:
            return
        r = self.reading
        same = wclass == self.weapon_class
        kept = sorted(set(own_models)) if own_models is not None else self.models if same else []
        self.out.append(Event(etype, actor, recipient, location, place, wclass, kept,
                              self.quantity if same else None, r.speaker, r.stance, r.time, r.precision, r.violates,
                              r.sent, r.roles.trigger.text, [*self.rule_ids, *extra_rules], self.gaz_ids, conf,
                              r.roles.candidates if actor is None else [], self.candidate_only and actor is None))


def _use_events(make: _Maker, actor: str | None, recipients: list[str | None], group: list[WeaponRef],
                confidence: float) -> None:
    """An attack at its targets (or the attacker's one adversary, or its own people), and the transfer
    its foreign weapons imply ("Russia used Iranian drones": the drones came from Iran)."""
    r = make.reading
    roles = r.roles
    place_code, place_text = roles.place if roles.place else (None, None)
    ambiguous = load_rules().is_cue("ambiguous-use", roles.trigger.lemma_.lower())
    targets = [t for t in recipients if t != actor] or ([place_code] if place_code and place_code != actor else [])
    rules_extra: list[str] = []
    if not targets and (not ambiguous or roles.purpose):
        foe = adversary(r.conflicts, actor)
        if foe and not is_state(foe) and civilian_target(load_rules(), roles.trigger):
            # "airstrikes against civilian buses": the country the adversary group is based in
            foe = next((x.base for x in r.ctx.referents.values() if x.actor == foe and x.base), foe)
        if foe:
            targets = [foe]
            rules_extra.append("role/use/conflict-adversary")
    if not targets and is_state(actor) and place_code in (None, actor) and on_own_people(
            r.ctx, load_rules(), roles.trigger, actor):
        targets = [actor]   # "the military has responded with air strikes" on its opponents: its own people
        rules_extra.append(OWN_PEOPLE)
    # "deploy drones" with no target or place is stationing, not an attack; but "militias using
    # Iranian drones" still says the drones reached them (below).
    stationed = not targets and not place_code and ambiguous and not roles.purpose
    for recipient in [] if stationed else targets or [None]:
        location = place_code or (recipient if is_state(recipient) and recipient != actor else None)
        make("use", actor, recipient, location, place_text, make.weapon_class, rules_extra, confidence)
    # ("used TB2s alongside Iranian Mohajer-6 drones": each origin sent its own models)
    # ("countries known to use Harop drones": a model used abroad came from its one maker)
    # (not where the maker is a co-user: "the US and Britain struck ..., using Tomahawk missiles")
    co_users = {a.actor for a in roles.agents}
    origins = {id(w): w.supplier or w.producer or _one_maker(r.ctx, w, co_users) for w in group}
    for origin in dict.fromkeys(origins.values()):
        if origin and actor and origin != actor and "role/use/weapon-nationality" not in make.rule_ids:
            made = len(make.out)
            make("transfer", origin, actor, None, None, make.weapon_class, ["implied/transfer-from-origin"], 0.4,
                 [w.model for w in group if origins[id(w)] == origin and w.model])
            if len(make.out) > made and make.out[-1].stance == "asserted" and any(_hedged_relative(w.head) for w in group
                                                         if origins[id(w)] == origin):
                # "Chinese drones that it reportedly also acquired": the acquisition is only reported
                make.out[-1] = replace(make.out[-1], stance="hedged",
                                       rules=[*make.out[-1].rules, "stance/hedged-relative"])


def _one_maker(ctx: DocContext, ref: WeaponRef, co_users: set[str]) -> str | None:
    makers = model_makers(ctx, [ref])
    return makers.pop() if len(makers) == 1 and not makers & co_users else None


def _hedged_relative(noun: Token) -> bool:
    """A relative clause on the weapon that hedges how it was got ('... that it reportedly acquired')."""
    rules = load_rules()
    sent = noun.sent
    # (the parser may hang the clause on the noun just after a coordinated model: "X and Y drones that ...")
    near = [t for h in [noun, *noun.conjuncts] for t in noun.doc[h.i:min(h.i + 2, sent.end)]]
    for head in near:
        for rel in head.children:
            if rel.dep_ == "relcl" and any(c.dep_ in ("advmod", "aux") and (rules.is_cue("hedge-word", c.lower_) or (
                    c.dep_ == "aux" and rules.is_cue("hedge-verb", c.lower_))) for c in rel.children):
                return True
    return False


def _production_events(make: _Maker, actor: str | None, confidence: float) -> None:
    """Unless the text says where, a state produces at home and a group where it is based; a helper
    named ("with Russian help") transferred the technology."""
    roles = make.reading.roles
    place_code, place_text = roles.place if roles.place else (None, None)
    location = place_code or (actor if is_state(actor) else _base_of(make.reading.ctx, roles, actor))
    if location is None:
        return
    make("production", actor, None, location, place_text, make.weapon_class, [], confidence)
    for helper in roles.helper:
        if helper.actor != actor:
            make("transfer", helper.actor, actor, None, None, "technology", ["implied/help-to-produce"], 0.5)


def _training_events(make: _Maker, actor: str | None, recipients: list[str | None], confidence: float) -> None:
    """Training of each trainee, at the host when one trains at home; 'Britain has provided flight
    training' keeps its unnamed trainee, filled from the article."""
    roles = make.reading.roles
    place_code, place_text = roles.place if roles.place else (None, None)
    noun = roles.trigger
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    provided = roles.trigger.pos_ == "NOUN" and load_rules().is_cue("provide-verb", noun.head.lemma_.lower())
    hosted = {code: text for code, text in roles.hosts}
    if actor in hosted:   # each host trains at home
        place_code, place_text = actor, hosted[actor]
    # "Venezuelan troops trained rebels": trainees written but named as no party are filled from the
    # article, or the event is dropped (partners.py)
    unnamed = bool(roles.agents) and roles.trigger.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "nsubjpass") for c in roles.trigger.children)
    for recipient in recipients or ([None] if provided or unnamed else []):
        make("training", actor, recipient, place_code, place_text, make.weapon_class, [], confidence)


def _base_of(ctx: DocContext, roles: Roles, actor: str | None) -> str | None:
    """The home state of a group among the event's agents ("the Houthis" -> YEM), from the gazetteer."""
    for ref in roles.agents:
        if ref.actor == actor and ref.span.label_ in ("BODY", "BODY_DEMONYM") and ref.span.kb_id_:
            return ctx.referent(ref.span).base
    # ("their arsenal is built locally": the group was named by a pronoun)
    return next((r.base for r in ctx.referents.values() if r.actor == actor and r.base), None)
