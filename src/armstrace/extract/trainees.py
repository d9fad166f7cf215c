"""Training events: what is taught when the sentence names no weapon beside the training word.

English says what a training is for in three other places, and the
annotators read the class from them: the trainees' trade ("training
Ukrainian pilots" teaches aircraft, "tank crews" armour), the complement
that says what they learn to do ("train crews to use F-16 jets", "trained
rebels to fire anti-aircraft missiles"), and, for training that is paid
for, the thing the money is given for. States "assisting" or "helping
with" a training named in an absolute clause ("with nine countries
assisting them") are trainers too. The trade words are data
(cues.jsonl, kinds "trainee-<class>").
"""
from __future__ import annotations

from spacy.tokens import Token

from ..rules import Rules
from .document import DocContext
from .phrases import ActorRef, WeaponRef, actors_in_phrase, weapons_in_phrase

# Classes a trainee's trade can name, each with its cue kind.
_TRADE_KINDS = (("trainee-aircraft", "aircraft"), ("trainee-naval", "naval"), ("trainee-artillery", "artillery"))
_COMPLEMENT_DEPS = ("xcomp", "advcl", "acl", "relcl")


def _trainee_heads(trigger: Token) -> list[Token]:
    """The nouns naming who is trained: the verb's object, the noun's 'of/for' object, with conjuncts."""
    heads: list[Token] = []
    if trigger.pos_ in ("VERB", "AUX"):
        heads = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if not heads and trigger.head.i != trigger.i and trigger.dep_ in ("xcomp", "ccomp", "conj"):
            # "Ukrainian pilots have begun training": the subject of the governing verb learns.
            heads = [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                heads += [c for c in prep.children if c.dep_ == "pobj"]
        heads += [c for c in trigger.children if c.dep_ == "compound"]   # "pilot training"
        if trigger.dep_ == "compound":
            heads.append(trigger.head)   # "for training MiG-29 pilots" read as one noun phrase
    return [h for head in heads for h in [head, *head.conjuncts]]


def trade_weapons(ctx: DocContext, rules: Rules, trigger: Token) -> list[WeaponRef]:
    """The weapon the trainees are named by ('MiG-29 pilots', 'Patriot crews'), else their trade's
    class ('pilots' -> aircraft, 'sailors' -> naval)."""
    heads = _trainee_heads(trigger)
    for head in heads:
        named = [w for c in head.children if c.dep_ in ("compound", "nmod", "amod") for w in weapons_in_phrase(ctx, c)]
        if named:
            return named
    weapon_class = _trade_class(rules, heads)
    return [WeaponRef(weapon_class, None, trigger.doc[trigger.i:trigger.i + 1], trigger)] if weapon_class else []


def _trade_class(rules: Rules, heads: list[Token]) -> str | None:
    for head in heads:
        words = [head.lemma_.lower(), head.lower_] + [c.lower_ for c in head.children if c.dep_ == "compound"]
        for kind, weapon_class in _TRADE_KINDS:
            if any(rules.is_cue(kind, w) for w in words):
                return weapon_class
    return None


def taught_weapons(ctx: DocContext, rules: Rules, trigger: Token) -> list[WeaponRef]:
    """Weapons in the complement that says what the trainees learn to do ('to use F-16 jets')."""
    out: list[WeaponRef] = []
    for comp in trigger.children:
        if comp.dep_ not in _COMPLEMENT_DEPS or comp.pos_ not in ("VERB", "AUX"):
            continue
        if not rules.is_cue("operate", comp.lemma_.lower()):
            continue
        for obj in comp.children:
            if obj.dep_ in ("dobj", "pobj") or (obj.dep_ == "prep" and obj.lower_ in ("with", "on")):
                heads = [obj] if obj.dep_ != "prep" else [c for c in obj.children if c.dep_ == "pobj"]
                for head in heads:
                    out += [w for w in weapons_in_phrase(ctx, head) if all(w.span.start != o.span.start for o in out)]
    return out


def training_means(ctx: DocContext, rules: Rules, trigger: Token) -> list[WeaponRef]:
    """What a training with no weapon beside it teaches: the complement's weapons, else the trade's class."""
    return taught_weapons(ctx, rules, trigger) or trade_weapons(ctx, rules, trigger)


def received_training(rules: Rules, trigger: Token) -> bool:
    """'crews completed training', 'engineers undergo training', 'the firm will provide training': a
    training gone through or given, so about the weapons the sentence has just named."""
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("dobj", "xcomp") or trigger.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = trigger.head.lemma_.lower()
    # ("Baykar will also provide training": given with the weapons just named)
    return rules.is_cue("begin", verb) or rules.is_cue("recipient-verb", verb) or any(
        r.frame == "give" for r in rules.by_lemma.get((verb, "VERB"), []))


def assisting_trainers(ctx: DocContext, rules: Rules, trigger: Token) -> list[ActorRef]:
    """'announced the training of pilots, with nine other countries (A, B and C) assisting them':
    the states in the absolute 'with X assisting' clause on the training or its light verb."""
    holders = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass", "pobj") and trigger.head.i != trigger.i:
        holders.append(trigger.head if trigger.dep_ != "pobj" else trigger.head.head)
    out: list[ActorRef] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "with":
                continue
            for comp in prep.children:
                if comp.dep_ not in ("pcomp", "pobj") or not rules.is_cue("help", comp.lemma_.lower()):
                    continue
                helpers = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
                for head in helpers:
                    found = actors_in_phrase(ctx, head)
                    found += [a for ap in head.children if ap.dep_ == "appos" for a in actors_in_phrase(ctx, ap)]
                    out += [a for a in found if all(o.actor != a.actor for o in out)]
    return out


def funding_parties(ctx: DocContext, trigger: Token, transfer_roles) -> tuple[list[ActorRef], list[ActorRef]]:  # type: ignore[no-untyped-def]
    """'approved a donation to Serbia of 2 million for training pilots': the donor trains the one given to.

    `transfer_roles` is a callable giving the roles of the transfer trigger the training serves."""
    node = trigger.head if trigger.dep_ == "compound" and trigger.pos_ == "NOUN" else trigger
    if node.dep_ not in ("pcomp", "pobj") or node.head.lower_ != "for":
        return [], []
    gift = node.head.head
    # ("approved a donation to Serbia for training pilots": the "for" may hang on the light verb)
    for candidate in [gift, *(c for c in gift.children if c.dep_ in ("dobj", "nsubjpass"))]:
        roles = transfer_roles(candidate)
        if roles is not None and roles.agents:
            # ("approved the donation to Serbia": the parser may hang "to Serbia" on the light verb)
            to = [p for prep in gift.children if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
                  for p in prep.children if p.dep_ == "pobj"]
            return roles.agents, roles.recipients or [a for p in to for a in actors_in_phrase(ctx, p)]
    return [], []


def funded_training_roles(ctx: DocContext, rules: Rules, trigger: Token, found: list) -> tuple[list, list]:  # type: ignore[type-arg]
    """The (trainers, trainees) of a training paid for by a gift in the same sentence, if any."""
    from .arguments import fill_roles

    def gift_roles(gift: Token):  # type: ignore[no-untyped-def]
        rule = next((r for t, r in found if t.i == gift.i and r.type == "transfer"), None)
        return fill_roles(ctx, rules, gift, rule) if rule is not None else None

    return funding_parties(ctx, trigger, gift_roles)


def assisted(ctx: DocContext, rules: Rules, trigger: Token, trainings: list) -> list:  # type: ignore[type-arg]
    """The same trainings by each state 'assisting' them, in the author's voice (an aside, not the
    announcer's claim)."""
    from dataclasses import replace

    from .document import Speaker

    helpers = assisting_trainers(ctx, rules, trigger)
    if not helpers or not trainings:
        return []
    out = []
    seen = {(ev.actor, ev.recipient, ev.weapon_class) for ev in trainings}
    for helper in helpers:
        for ev in trainings:
            key = (helper.actor, ev.recipient, ev.weapon_class)
            if key in seen or helper.actor == ev.recipient:
                continue
            seen.add(key)
            speaker = Speaker(["author"], None, rules=["attribution/author"])
            out.append(replace(ev, actor=helper.actor, speaker=speaker, rules=[*ev.rules, "role/training/assisting"],
                               gazetteer_ids=[*ev.gazetteer_ids, helper.span.kb_id_]))
    return out


def taught_as(weapons: list[WeaponRef], trigger: Token) -> list[WeaponRef]:
    """Weapons named for another event, as what a training teaches: their class and model, not their count
    (how many tanks were sold is not how many were trained on)."""
    from dataclasses import replace

    return [replace(w, head=trigger) for w in weapons]


def mission_parties(ctx: DocContext, rules: Rules, trigger: Token) -> tuple[list[ActorRef], list[ActorRef]]:
    """'Turkey runs a training mission for Somali soldiers': a training word naming a mission, course
    or programme takes its trainees from the mission's 'for/of' and its trainer from who runs it."""
    from .clauses import subject as _subject

    if trigger.pos_ != "NOUN" or trigger.dep_ != "compound" or trigger.head.pos_ != "NOUN":
        return [], []
    mission = trigger.head
    trainees = [a for prep in mission.children if prep.dep_ == "prep" and rules.is_cue("trainee-prep", prep.lower_)
                for p in prep.children if p.dep_ == "pobj" for a in actors_in_phrase(ctx, p)]
    trainers = [a for c in mission.children if c.dep_ == "poss" for a in actors_in_phrase(ctx, c)]
    if not trainers and mission.dep_ in ("dobj", "nsubjpass") and mission.head.pos_ in ("VERB", "AUX"):
        subj, _ = _subject(ctx, rules, mission.head)
        trainers = actors_in_phrase(ctx, subj) if subj is not None else []
    return trainers, trainees
