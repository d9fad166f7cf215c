"""What a trigger that names no weapon or no agent of its own takes from the text before it.

"Iran will also train Russians in how to use it": the weapon is the one
just named. "'We have not supplied any,' said Iran's ministry": the agent
is the speaker's state. "It supplied the group": the last actor named.
Each borrowing is a rule in the record, so a reader can see where a party
or weapon came from.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..rules import Rules, TriggerRule, load_rules
from .arguments import Roles
from .candidates import weapons_elsewhere
from .completions import unnamed_means
from .document import DocContext, Speaker
from .clauses import subject
from .phrases import ActorRef, WeaponRef, actors_in_phrase, weapons_in_phrase
from .targets import SERVICE_KINDS

def borrowed_weapons(ctx: DocContext, rules: Rules, trigger: Token, rule: TriggerRule, roles: Roles,
                     prev_weapons: list[WeaponRef]) -> list[WeaponRef] | None:
    """The weapons of a trigger that names none, or None when it stands for no event.

    "Iran will also train Russians in how to use it": the weapon of the sentence before,
    unless the event names a thing of its own that is no weapon ("send a team").
    """
    sent = trigger.sent
    own_theme = roles.theme is not None and roles.theme.pos_ in ("NOUN", "PROPN")
    # ("these investigations" is a determiner on a thing of its own, not an anaphor)
    anaphor = any(rules.is_cue("anaphor", t.lower_) and t.dep_ not in ("det", "nsubj") for t in trigger.subtree) or (
        trigger.pos_ == "NOUN" and any(rules.is_cue("anaphoric-det", c.lower_) for c in trigger.children))
    # "Norway has promised six": a bare count stands for the weapon just named.
    counted = rule.type == "transfer" and any(c.dep_ == "dobj" and c.like_num for c in trigger.children)
    earlier = weapons_before(ctx, trigger)   # "sending drones to Russia, which has used them"
    if not earlier and any(c.dep_ == "dobj" and c.pos_ == "PRON" and rules.is_cue("anaphor", c.lower_)
                           for c in trigger.children):
        # "the first nation to which India will export the missile, ... interest in buying it": a pronoun
        # object points back to the weapon even inside a relative clause
        earlier = weapons_before(ctx, trigger, relative=True)
    service = service_class(rules, roles)
    # "a missile that the Pentagon says was fired by the rebels": a passive with no subject of its own
    # has its theme in a gap, filled by what the sentence named before it.
    gap = trigger.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in trigger.children) and \
        not any(c.dep_ in ("nsubjpass", "nsubj", "dobj") for c in trigger.children)
    if (anaphor or counted or gap) and earlier and not own_theme:
        roles.rules.append("weapon/earlier-in-sentence")
        return [_with_giver(ctx, rules, earlier[-1])] if rule.frame == "receive" else earlier[-1:]
    if prev_weapons and not own_theme and anaphor:
        roles.rules.append("weapon/previous-sentence")   # "condemned the transfers": those just named
        return prev_weapons[:1]
    if rule.type == "use" and service is not None:
        # "the Israeli Air Force attacked a target": an air force strikes from aircraft.
        roles.rules.append("weapon/attacker-service")
        return [WeaponRef(service, None, sent.doc[trigger.i:trigger.i + 1], trigger)]
    if means := unnamed_means(ctx, rules, trigger, rule, roles, earlier):
        return means   # "a bombing", "the Air Force attacked", "training pilots to use F-16s"
    if rule.frame == "train" and any(rules.is_cue("aircrew", t.lower_) for t in trigger.subtree):
        # "the training of Ukrainian pilots": pilots are trained to fly aircraft.
        roles.rules.append("weapon/aircrew-trained")
        return [WeaponRef("aircraft", None, sent.doc[trigger.i:trigger.i + 1], trigger)]
    if rule.frame in ("equip", "train") or "role/give/party-object" in roles.rules:
        # "Iran denies arming the group": to arm is to supply arms; training with no weapon
        # named ("Wagner fighters are training Belarusian special forces") is training in arms.
        roles.rules.append("weapon/unnamed-means-arms")
        return [WeaponRef("arms", None, sent.doc[trigger.i:trigger.i + 1], trigger)]
    return None


def _with_giver(ctx: DocContext, rules: Rules, ref: WeaponRef) -> WeaponRef:
    """'India will export the missile, and other nations are interested in buying it': a weapon bought
    after its giver was named comes from that giver."""
    verb = ref.head.head
    if ref.supplier or ref.head.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" or not any(
            r.frame == "give" for r in rules.by_lemma.get((verb.lemma_.lower(), "VERB"), [])):
        return ref
    giver, _ = subject(ctx, rules, verb)
    found = actors_in_phrase(ctx, giver) if giver is not None else []
    return replace(ref, supplier=found[0].actor) if found else ref


def service_class(rules: Rules, roles: Roles) -> str | None:
    """The weapon class an attacking service implies: an air force flies aircraft, a navy ships."""
    for agent in roles.agents:
        name = agent.span.text.lower()
        for kind, weapon_class in SERVICE_KINDS:
            if any(service in name for service in rules.cue_words.get(kind, ())):
                return weapon_class
    return None


def resolve_pronoun_agent(ctx: DocContext, roles: Roles, speaker: Speaker) -> None:
    """'We have not supplied ...' said Iran's ministry -> Iran; 'it supplied' -> the last actor named."""
    pron = roles.pronoun
    assert pron is not None
    word = pron.lower_
    if (load_rules().is_cue("speaker-pronoun", word) and speaker.claimants != ["author"]) or (
            word == "their" and len(speaker.claimants) > 1 and "author" not in speaker.claimants):
        # "'We have not supplied ...,' said Iran's ministry"; "Ukraine said it shot down ..."; "Britain,
        # France and Germany said they would keep their own sanctions".
        actors = speaker.claimants
        roles.rules.append("role/pronoun/speaker")
        if len(actors) > 1:
            speaker.rules = [*speaker.rules, "attribution/self"]   # each of them speaks for itself
    elif word == "their" and roles.rule.type == "use" and "weapon/earlier-in-sentence" in roles.rules and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in roles.trigger.children):
        return   # "North Korean missiles hit Kyiv, but their use ...": 'their' is the weapons, not a user
    elif word in ("its", "their"):
        found = _possessor_before(ctx, pron)
        if not found and roles.rule.type == "transfer":
            return   # "their continued supply of weapons to the Houthis", "its cargo": the article's parties
        found = found or ctx.last_actor
        if not found:
            return
        actors = [found]
        roles.rules.append("role/pronoun/possessive")
    elif word in ("it", "they") and (roles.rule.type != "use" or weapons_elsewhere(roles, pron)) and (
            subject_before(ctx, pron) or ctx.last_actor):
        # ("everything they hit": in attacks "they" is usually the weapons themselves, unless the
        # weapons are named apart from it: "they used the drones against the rebels")
        # "Turkey operates drones over Somalia, where it trains Somali troops": the subject before it.
        own = subject_before(ctx, pron)
        actors = [a for a in (own or ctx.last_actor,) if a]
        roles.rules.append("role/pronoun/sentence-subject" if own else "role/pronoun/last-actor")
    else:
        return
    span = ctx.doc[pron.i:pron.i + 1]
    refs = [ActorRef(a, span, "PRONOUN") for a in actors]
    # "we shot down ...": the pronoun of an interception is the defender
    if roles.rule.frame in ("intercept", "receive", "origin"):
        roles.recipients = refs
    else:
        roles.agents = refs


def _possessor_before(ctx: DocContext, pron: Token) -> str | None:
    """'Iran's booming UAV industry, its shipment of drones': the nearest actor named before."""
    above = {a.i for a in pron.ancestors}
    for i in range(pron.i - 1, pron.sent.start - 1, -1):
        tok = ctx.doc[i]
        if any(a.dep_ in ("relcl", "appos", "acl") and a.i not in above for a in [tok, *tok.ancestors]):
            continue   # "The Houthis, who control much of northern Yemen, say their arsenal ...": not Yemen
        span = ctx.mention(tok)
        if span is not None and ctx.actor_of(span):
            return ctx.actor_of(span)
    return None


def weapons_before(ctx: DocContext, trigger: Token, relative: bool = False) -> list[WeaponRef]:
    """Weapons named earlier in the trigger's own sentence, in order (`relative`: also in clauses the
    trigger is not in)."""
    out: list[WeaponRef] = []
    above = {a.i for a in trigger.ancestors}
    sent: Span = trigger.sent
    for tok in sent:
        if tok.i >= trigger.i:
            break
        side = None if relative else next((a for a in [tok, *tok.ancestors] if a.dep_ in ("advcl", "relcl", "acl")), None)
        if side is not None and side.i not in above:
            continue   # "After Russian missiles struck Kyiv, Germany promised to send more": not the missiles
        if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj") and tok.pos_ in ("NOUN", "PROPN"):
            out += [w for w in weapons_in_phrase(ctx, tok) if all(w.span.start != o.span.start for o in out)]
    return out


def subject_before(ctx: DocContext, pron: Token) -> str | None:
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
