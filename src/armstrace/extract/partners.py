"""Document-level completion: events that name one side only take the other from the article.

"Promised missiles have not been delivered" in an article about Russia
arming Iran: the supplier and recipient an article keeps returning to are
the ones it means. Runs once every sentence is read, when the article's
pairs (who supplies whom, who attacks whom) are known; candidates that the
sentence readers proposed for a missing agent are chosen here too.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ..gazetteer import load_gazetteers
from ..nlp.mentions import SPAN_KEY
from ..rules import load_rules
from .candidates import buyer_of_class, choose_actor, maker_supplies, seller_to, usual_recipient
from .event import Event, adversary, is_state
from .targets import OWN_PEOPLE


_TRAINER_DEFAULT = "role/training/weapon-origin"


@dataclass
class Topic:
    """The pairs the article's complete events name, counted."""

    to_partner: dict[str, Counter] = field(default_factory=dict)
    from_partner: dict[str, Counter] = field(default_factory=dict)
    use_targets: dict[str, Counter] = field(default_factory=dict)
    use_attackers: dict[str, Counter] = field(default_factory=dict)
    pairs: Counter = field(default_factory=Counter)
    class_pairs: dict[str | None, Counter] = field(default_factory=dict)
    recipients: Counter = field(default_factory=Counter)
    users: Counter = field(default_factory=Counter)   # armed groups the article has firing weapons
    trainers: Counter = field(default_factory=Counter)   # trainers the article names outright
    trainees: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, events: list[Event]) -> Topic:
        topic = cls()
        for ev in events:
            if not (ev.actor and ev.recipient):
                continue
            if ev.type == "transfer":
                topic.to_partner.setdefault(ev.actor, Counter())[ev.recipient] += 1
                topic.from_partner.setdefault(ev.recipient, Counter())[ev.actor] += 1
                topic.pairs[(ev.actor, ev.recipient)] += 1
                topic.class_pairs.setdefault(ev.weapon_class, Counter())[(ev.actor, ev.recipient)] += 1
                topic.recipients[ev.recipient] += 1
            elif ev.type == "use":
                topic.use_targets.setdefault(ev.actor, Counter())[ev.recipient] += 1
                topic.use_attackers.setdefault(ev.recipient, Counter())[ev.actor] += 1
        for ev in events:
            if ev.type == "training" and ev.actor and _TRAINER_DEFAULT not in ev.rules:
                topic.trainers[ev.actor] += 1
            if ev.type == "training" and ev.recipient:
                topic.trainees[ev.recipient] += 1
        # A group's arms come from somewhere (states have industries).
        topic.users.update(ev.actor for ev in events if ev.type == "use" and ev.actor and not is_state(ev.actor)
                           and ev.stance != "denied")
        return topic


def fill_from_partners(events: list[Event], actor_counts: Counter | None = None,
                       referents: dict | None = None) -> list[Event]:
    """Complete transfers, uses and trainings that name one side only from the document's other events.

    Transfers still without a supplier are dropped.
    """
    topic = Topic.of(events)
    out = []
    chosen = _choose_candidates(events, topic.to_partner, topic.use_targets)
    for ev in chosen:
        if ev.candidate_only and ev.actor is None:
            continue   # no candidate good enough: the event stays unread, as before
        if ev.type == "training" and ev.actor and ev.recipient is None:
            continue   # (below, once the article's transfers are complete)
        _complete(ev, topic, actor_counts, referents)
        _named_trainer(ev, topic)
        if ev.actor is None or (ev.actor == ev.recipient and OWN_PEOPLE not in ev.rules) or (
                ev.type == "training" and ev.recipient is None):
            continue
        out.append(maker_supplies(ev, referents))
    # "Baykar will also provide training": to whom the article has Baykar's state selling, counting the
    # sales whose other side was itself completed above ("the deal" for drones in a story on one sale).
    completed = Topic.of(out)
    for ev in chosen:
        if ev.type == "training" and ev.actor and ev.recipient is None and not ev.candidate_only:
            _complete(ev, completed, actor_counts, referents)
            if ev.recipient is not None and ev.recipient != ev.actor:
                out.append(_taught_what_was_sold(ev, completed))
    return out


def _fill(ev: Event, field_name: str, counts: Counter, rule: str, confidence: float) -> None:
    setattr(ev, field_name, counts.most_common(1)[0][0])
    ev.rules.append(rule)
    ev.confidence = confidence


def _complete(ev: Event, topic: Topic, actor_counts: Counter | None, referents: dict | None) -> None:
    """Fill the one side the event lacks from the article's pairs, by the first rule that applies."""
    if ev.type == "transfer" and ev.actor is None and ev.recipient is None and topic.pairs:
        # "The deal marks a warming of ties between Ankara and Riyadh": the pair the sentence names,
        # else the pair the article keeps naming for this weapon, else its main pair.
        named = _sentence_actors(ev, referents)
        in_sentence = Counter({p: n for p, n in topic.pairs.items() if set(p) <= named})
        same_class = topic.class_pairs.get(ev.weapon_class)
        ev.actor, ev.recipient = (in_sentence or same_class or topic.pairs).most_common(1)[0][0]
        ev.rules.append("role/transfer/document-pair")
        ev.confidence = 0.3
    elif ev.type == "transfer" and ev.actor is None and ev.recipient in topic.from_partner:
        _fill(ev, "actor", topic.from_partner[ev.recipient], "role/transfer/document-partner", 0.4)
    elif ev.type == "transfer" and ev.actor is None and ev.recipient in topic.to_partner and (
            ev.stance == "hedged" or load_rules().is_cue("sought", ev.trigger.lower())):
        # "Pyongyang is seeking fighter aircraft" in an article about its shells for Russia: in return,
        # from the party it supplies.
        _fill(ev, "actor", topic.to_partner[ev.recipient], "role/transfer/document-counterpart", 0.3)
    elif ev.type == "transfer" and ev.actor and ev.recipient is None and buyer_of_class(ev, topic.class_pairs):
        ev.actor, ev.recipient = seller_to(ev.actor, topic.class_pairs[ev.weapon_class]), ev.actor
        ev.rules.append("role/transfer/document-buyer")
        ev.confidence = 0.3
    elif ev.type == "transfer" and ev.actor and ev.recipient is None and ev.actor in topic.to_partner:
        _fill(ev, "recipient", topic.to_partner[ev.actor], "role/transfer/document-partner", 0.4)
    elif ev.type == "transfer" and ev.actor and ev.recipient is None:
        found = usual_recipient(ev.actor, topic.recipients, topic.users, actor_counts)
        if found is not None:
            _fill(ev, "recipient", Counter({found[0]: 1}), found[1], 0.3)
    elif ev.type == "training" and ev.actor and ev.recipient is None and ev.actor in topic.to_partner:
        # "Britain has provided flight training": to whom Britain sends arms in this article.
        _fill(ev, "recipient", topic.to_partner[ev.actor], "role/training/document-partner", 0.3)
    elif ev.type == "training" and ev.actor and ev.recipient is None and topic.trainees:
        # "Venezuelan troops trained rebels": the trainees the article names elsewhere
        _fill(ev, "recipient", Counter({r: n for r, n in topic.trainees.items() if r != ev.actor}) or Counter({None: 1}),
              "role/training/document-trainee", 0.3)
    elif ev.type == "use" and ev.actor is None and ev.recipient in topic.use_attackers:
        # "Israel said it intercepted 99 percent of the drones": whoever the article says fired at Israel.
        _fill(ev, "actor", topic.use_attackers[ev.recipient], "role/use/document-attacker", 0.3)
    elif ev.type == "use" and ev.actor and ev.recipient is None and ev.actor in topic.use_targets:
        # "Iran said it launched the drones": at whom the article's other claims say Iran fired.
        _fill(ev, "recipient", topic.use_targets[ev.actor], "role/use/document-target", 0.3)


def _named_trainer(ev: Event, topic: Topic) -> None:
    """A trainer defaulted from the weapon's maker gives way to the trainer the article names outright:
    'fighters were instructed in how to use the Russian-made Igla' in an article on Venezuelan trainers."""
    others = Counter({a: n for a, n in topic.trainers.items() if a != ev.recipient})
    if ev.type == "training" and _TRAINER_DEFAULT in ev.rules and others and ev.actor not in others:
        ev.actor = others.most_common(1)[0][0]
        ev.rules.append("role/training/document-trainer")


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
                foe if foe and is_state(foe) else None), rules=[*ev.rules, f"role/candidate/{chosen.source}", *extra],
                confidence=min(ev.confidence, round(0.6 * value, 2)), candidate_only=False))
    return out


def _taught_what_was_sold(ev: Event, topic: Topic) -> Event:
    """A training that names no weapon, given to the one the trainer sells one class of weapon to, is
    training on those weapons ("the deal for the drones ... Baykar will also provide training")."""
    if "weapon/unnamed-means-arms" not in ev.rules:
        return ev
    # (know-how sold beside the drones, "technical support", is nothing one is trained on)
    sold = {c for c, pairs in topic.class_pairs.items() if (ev.actor, ev.recipient) in pairs
            and c not in (None, "arms", "technology")}
    if len(sold) != 1:
        return ev
    return replace(ev, weapon_class=sold.pop(), rules=[*ev.rules, "weapon/training-on-sold-class"])


def specific_deals(events: list[Event]) -> list[Event]:
    """'The agency approved a $75 million arms deal with Georgia', 'Moscow says the sale will ...': a
    deal or sale that names only 'arms' is the deal the article tells of between the same pair, when
    its other transfers name one class (the umbrella is optional in the gold, the class required)."""
    rules = load_rules()
    classes: dict[tuple[str, str], set[str]] = {}
    for ev in events:
        if ev.type == "transfer" and ev.actor and ev.recipient and ev.weapon_class not in (None, "arms") \
                and ev.stance != "denied":
            classes.setdefault((ev.actor, ev.recipient), set()).add(ev.weapon_class)
    out = []
    for ev in events:
        found = classes.get((ev.actor or "", ev.recipient or ""), set())
        if ev.type == "transfer" and ev.weapon_class == "arms" and not ev.weapons and len(found) == 1 and \
                rules.is_cue("deal-noun", ev.trigger.lower().rstrip("s")):
            out.append(replace(ev, weapon_class=next(iter(found)), rules=[*ev.rules, "weapon/pair-deal"]))
            continue
        out.append(ev)
    return out
