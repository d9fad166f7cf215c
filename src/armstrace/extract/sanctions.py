"""Sanctions as real pages state them, beyond 'X imposed sanctions on Y'.

- The target sits in a participle on the sanctions: "sanctions imposed on
  Pyongyang", "sanctions targeting several Chinese companies", "sanctions
  designed to punish Russia", "the largest action targeting the Houthis".
- The sanctioning party is whoever the governing verb says holds them:
  "for the UN to monitor sanctions", "ministers tackled tougher sanctions";
  a state that "adopted EU sanctions" sanctions too, beside the EU.
- Calls for "tougher" sanctions propose them: hedged.
- A state halting, suspending or freezing its own arms exports or export
  licences to a recipient sanctions that recipient (DECISIONS, real pages),
  and the exports it stops are a withheld, so hedged, transfer.

The words are data: cues.jsonl kinds "sanction-aim", "sanction-holder",
"sanction-adopt", "sanction-more" and "halt".
"""
from __future__ import annotations

from spacy.tokens import Token

from ..rules import Rules
from .document import DocContext
from .phrases import ActorRef, actors_in_phrase

_AIM_DEPS = ("acl", "relcl", "xcomp", "advcl", "pcomp")


def _subject_actors(ctx: DocContext, rules: Rules, verb: Token) -> list[ActorRef]:
    from .clauses import subject as _subject

    subj, _ = _subject(ctx, rules, verb)
    return actors_in_phrase(ctx, subj) if subj is not None else []


def aimed_at(ctx: DocContext, rules: Rules, head: Token, exclude: set[str]) -> list[ActorRef]:
    """Whom a participle on the sanctions aims them at: 'imposed on X', 'targeting X', 'designed to punish X'."""
    out: list[ActorRef] = []
    stack = [c for c in head.children if c.dep_ in _AIM_DEPS]
    if head.pos_ in ("VERB", "AUX"):
        # "sanctioned 32 entities in what officials called the largest action targeting the Houthis"
        stack = [t for p in head.children if p.dep_ == "prep" for t in p.subtree if t.dep_ in _AIM_DEPS]
    seen: set[int] = set()
    while stack:
        verb = stack.pop()
        if verb.i in seen or verb.pos_ not in ("VERB", "AUX"):
            continue
        seen.add(verb.i)
        if rules.is_cue("sanction-aim", verb.lemma_.lower()):
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            objects += [p for prep in verb.children if prep.dep_ == "prep" and rules.is_cue("strike-prep", prep.lower_)
                        for p in prep.children if p.dep_ == "pobj"]
            for obj in objects:
                out += [a for a in actors_in_phrase(ctx, obj) if a.actor not in exclude
                        and all(o.actor != a.actor for o in out)]
        stack += [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]   # "designed to punish"
    return out


def holders(ctx: DocContext, rules: Rules, noun: Token) -> list[ActorRef]:
    """Who the verb governing the sanctions says holds them: 'for the UN to monitor sanctions'."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if not rules.is_cue("sanction-holder", verb.lemma_.lower()) and not rules.is_cue("sanction-adopt", verb.lemma_.lower()):
        return []
    return _subject_actors(ctx, rules, verb)


def adopters(ctx: DocContext, rules: Rules, noun: Token, agents: list[ActorRef]) -> list[ActorRef]:
    """'Switzerland adopted European Union sanctions': the adopting state sanctions too."""
    verb = noun.head
    if noun.dep_ != "dobj" or not rules.is_cue("sanction-adopt", verb.lemma_.lower()):
        return []
    have = {a.actor for a in agents}
    return [a for a in _subject_actors(ctx, rules, verb) if a.actor not in have]


def proposed(rules: Rules, noun: Token) -> bool:
    """'tougher sanctions', 'ratchet up sanctions': more sanctions proposed, not imposed."""
    if any(rules.is_cue("sanction-more", c.lower_) for c in noun.children if c.dep_ in ("amod", "advmod")):
        return True
    verb = noun.head
    return noun.dep_ == "dobj" and rules.is_cue("sanction-more", verb.lemma_.lower())


def complete(ctx: DocContext, rules: Rules, trigger: Token, roles) -> None:  # type: ignore[no-untyped-def]
    """Fill a sanction's missing parties from the constructions above."""
    if trigger.pos_ == "NOUN":
        # "tougher Ukraine crisis sanctions against Russia": Ukraine names the crisis, not who sanctions
        left = trigger.left_edge.i   # (only modifiers inside the sanctions' own phrase)
        roles.agents = [a for a in roles.agents if not (left <= a.span.start and a.span.end < trigger.i and any(
            t.pos_ == "NOUN" and t.dep_ == "compound" and ctx.mention(t) is None
            for t in trigger.doc[a.span.end:trigger.i]))]
    if not roles.agents and trigger.pos_ == "NOUN":
        roles.agents = holders(ctx, rules, trigger)
        if roles.agents:
            roles.rules.append("role/sanction/holder")
    if not roles.recipients:
        roles.recipients = aimed_at(ctx, rules, trigger, {a.actor for a in roles.agents})
        if not roles.recipients and trigger.pos_ in ("VERB", "AUX"):
            roles.recipients = [r for o in trigger.children if o.dep_ == "dobj"
                                for r in aimed_at(ctx, rules, o, {a.actor for a in roles.agents})]
        if roles.recipients:
            roles.rules.append("role/sanction/aimed-at")
    if trigger.pos_ == "NOUN":
        extra = adopters(ctx, rules, trigger, roles.agents)
        if extra and roles.agents:
            roles.agents = roles.agents + extra
            roles.rules.append("role/sanction/adopter")


def _is_sanction_word(rules: Rules, tok: Token) -> bool:
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN"
    return any(r.type == "sanction" for r in rules.by_lemma.get((tok.lemma_.lower(), pos), []))


def is_aim(rules: Rules, trigger: Token) -> bool:
    """A use trigger that only says whom sanctions aim at ('sanctions targeting Chinese firms')."""
    if not rules.is_cue("sanction-aim", trigger.lemma_.lower()) or trigger.dep_ not in _AIM_DEPS:
        return False
    for anc in trigger.ancestors:
        if _is_sanction_word(rules, anc):
            return True
        if anc.dep_ in ("ROOT", "ccomp"):
            break
    return False


def halted_trade(ctx: DocContext, rules: Rules, trigger: Token, roles) -> tuple[Token, list, list] | None:  # type: ignore[no-untyped-def]
    """'Germany would halt weapons exports to Turkey', 'licences which Italy issues to Qatar have been
    suspended': (the halting verb, who halts, to whom the trade went), or None."""
    noun = trigger
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head   # "arms export licences"
    halt = _halt_noun(rules, noun)
    if halt is not None:   # "lifting a freeze on weapons exports to Saudi Arabia"
        verb = halt
        halters = [a for c in halt.children if c.dep_ == "poss" for a in actors_in_phrase(ctx, c)]
        if not halters and halt.dep_ in ("dobj", "nsubjpass", "pobj") and halt.head.pos_ in ("VERB", "AUX"):
            halters = _subject_actors(ctx, rules, halt.head)
    elif noun.dep_ not in ("dobj", "nsubjpass") or not rules.is_cue("halt", noun.head.lemma_.lower()):
        return None
    else:
        verb = noun.head
        halters = _subject_actors(ctx, rules, verb) if noun.dep_ == "dobj" else []
    issuer = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    halters = halters or roles.agents or [a for c in issuer for a in _subject_actors(ctx, rules, c)]
    recipients = roles.recipients or [
        a for c in [noun, verb, *issuer] for prep in c.children if prep.dep_ in ("prep", "dative")
        and prep.lower_ in ("to", "for") for p in prep.children if p.dep_ == "pobj" for a in actors_in_phrase(ctx, p)]
    if not halters or not recipients:
        return None
    return verb, halters, recipients


def _halt_noun(rules: Rules, noun: Token) -> Token | None:
    """'a freeze on arms exports', 'a suspension of export licences': the halt the trade is under."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("on", "of"):
        return None
    halt = noun.head.head
    if halt.pos_ == "NOUN" and (rules.is_cue("halt", halt.lemma_.lower()) or rules.is_cue("halt-noun", halt.lemma_.lower())):
        return halt
    return None


def halted_weapons(ctx: DocContext, trigger: Token) -> list:  # type: ignore[type-arg]
    """'suspended export permits for drone parts': what the halted licences were for."""
    from .phrases import weapons_in_phrase

    noun = trigger
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    heads = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("for", "of")
             for p in prep.children if p.dep_ == "pobj"]
    return [w for h in heads for w in weapons_in_phrase(ctx, h)]


def backshifted(verb: Token) -> bool:
    """'announced that Germany would halt exports': reported 'will', the announcer's own decision."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return auxes == ["would"] and verb.dep_ == "ccomp" and verb.head.pos_ == "VERB"


def halt_events(made: list, halt_stance, verb: Token | None = None) -> list:  # type: ignore[type-arg]
    """The halted exports, withheld (hedged), and the halt itself: a sanction on each recipient."""
    from dataclasses import replace

    out = []
    seen = set()
    for ev in made:
        if ev.type != "transfer":
            out.append(ev)
            continue
        stance = "hedged" if ev.stance == "asserted" else ev.stance
        out.append(replace(ev, stance=stance, rules=[*ev.rules, "stance/halted"]))
        if (ev.actor, ev.recipient) in seen or ev.actor is None or ev.recipient is None:
            continue
        seen.add((ev.actor, ev.recipient))
        own = verb is not None and backshifted(verb) and ev.actor in ev.speaker.claimants
        out.append(replace(ev, type="sanction", weapon_class=None, weapons=[], quantity=None,
                           stance="asserted" if own else halt_stance.stance, rules=[*ev.rules, "role/sanction/halted-exports",
                                                             *halt_stance.rules]))
    return out


def callers(ctx: DocContext, rules: Rules, trigger: Token) -> list[ActorRef]:
    """'Britain called for an EU arms embargo', 'British-led calls for an arms embargo': who asks for the
    sanctions, which makes the sanctions their hedged claim (DECISIONS, real pages)."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ != "for":
        return []
    call = trigger.head.head
    if not rules.is_cue("call-for", call.lemma_.lower()):
        return []
    if call.pos_ in ("VERB", "AUX"):
        return _subject_actors(ctx, rules, call)
    return [a for c in call.children if c.dep_ in ("poss", "amod", "compound", "nmod")
            for a in actors_in_phrase(ctx, c, follow_conj=False)]



def breach_roles(ctx: DocContext, rules: Rules, trigger: Token, roles):  # type: ignore[no-untyped-def]
    """'Chad and Niger violated the arms embargo on Sudan': a party that breaches an embargo on arms
    supplied the embargoed party with them (one transfer per breaching party, read like any other);
    the embargo stays a sanction. Only an embargo whose phrase names the weapons, and a breach whose
    subject names a party ('the missile's transfer breached ...' is a transfer of its own)."""
    from dataclasses import replace

    from .phrases import weapons_in_phrase

    verb = trigger.head
    if trigger.dep_ != "dobj" or not rules.is_cue("violation", verb.lemma_.lower()):
        return None
    weapons = weapons_in_phrase(ctx, trigger)
    breakers = _subject_actors(ctx, rules, verb)
    # "violated the Libya arms embargo": a state compounded on a breached embargo is its target
    targets = roles.recipients or [a for c in trigger.children if c.dep_ in ("compound", "nmod")
                                   for a in actors_in_phrase(ctx, c, follow_conj=False) if a.label in ("STATE", "CAPITAL")]
    breakers = [b for b in breakers if b.actor not in {t.actor for t in targets} | {a.actor for a in roles.agents}]
    if not weapons or not breakers or not targets:
        return None
    return replace(roles, agents=breakers, recipients=targets, weapons=weapons[:1],
                   rules=[*roles.rules, "implied/embargo-breach"])
