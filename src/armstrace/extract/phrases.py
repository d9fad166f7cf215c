"""Noun phrases -> actors and weapons, through the dependency parse.

"Iran's envoy", "a US official", "Robert Wood, a US ambassador", "Both Iran
and Russia", "Iranian-made Shahed-136 drones", "tanks, missiles and
submarines": the head word alone rarely names the actor or the weapon; its
modifiers, appositions and conjuncts do.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..nlp.mentions import ACTOR_LABELS, CAPITAL, CLASS, DEMONYM, SPAN_KEY, STATE, WEAPON
from ..rules import load_rules
from .document import DocContext
from .groups import PART_OF, ActorRef, backed_group, described_group
from .origins import stated_origin
from .plurals import plural_back_reference

# Dependencies that stay inside a noun phrase when looking for its actor.
_NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod", "det", "nummod", "quantmod"}
# Clauses and phrases that describe something else: "drones capable of
# carrying Hellfire missiles" are drones, not missiles.
_WEAPON_STOP_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis"}


@dataclass
class WeaponRef:
    """A weapon class (and model, if named) found in a phrase."""

    weapon_class: str
    model: str | None
    span: Span
    head: Token                      # the noun the weapon words belong to
    producer: str | None = None      # "Iranian-made", "Iranian drones"
    made_suffix: bool = False        # the producer came from "-made"/"-built", not a bare demonym
    supplier: str | None = None      # "US-supplied"
    gazetteer_ids: list[str] = field(default_factory=list)


def conjuncts(token: Token) -> list[Token]:
    """The token and the heads it is coordinated with ("Albania, Britain and France")."""
    out = [token]
    for t in token.conjuncts:
        if t not in out:
            out.append(t)
    return sorted(out, key=lambda t: t.i)


def _np_tokens(head: Token, limit: int = 12) -> list[Token]:
    """The head and its noun-phrase modifiers (recursively), not its clauses."""
    out: list[Token] = []
    stack = [head]
    while stack and len(out) < limit * 3:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _NP_DEPS:
                stack.append(child)
            elif child.dep_ == "prep" and load_rules().is_cue("np-prep", child.lower_):
                stack.extend(c for c in child.children if c.dep_ == "pobj")
    return sorted(out, key=lambda t: t.i)


def is_weapon_phrase(ctx: DocContext, head: Token) -> bool:
    """True when the phrase names a weapon ("Iranian UAVs"): its demonym is a producer, not an actor."""
    span = ctx.mention(head)
    return span is not None and span.label_ in (WEAPON, CLASS)


def actors_in_phrase(ctx: DocContext, head: Token, *, follow_conj: bool = True) -> list[ActorRef]:
    """The actors a noun phrase names, one per coordinated head, nearest the head first."""
    refs: list[ActorRef] = []
    heads = conjuncts(head) if follow_conj else [head]
    for h in heads:
        found = _actor_of_head(ctx, h)
        if found is None:
            group = plural_back_reference(ctx, h)
            if group:
                refs += [r for r in group if all(x.actor != r.actor for x in refs)]
                continue
        if found is None and not load_rules().is_cue("pronoun-head", h.lower_):
            # "Militias such as Lebanon's Hezbollah and Yemen's Houthi rebels": the list names them.
            for ref in _listed_actors(ctx, h):
                if all(r.actor != ref.actor for r in refs):
                    refs.append(ref)
            continue
        if found and all(r.actor != found.actor for r in refs):
            refs.append(found)
            if found.span.root.i == h.i and found.span.start < h.i:
                # "Israeli and US officials": the span is "US officials", coordinated with "Israeli".
                for other in found.span[0].conjuncts:
                    span = ctx.mention(other)
                    actor = ctx.actor_of(span) if span is not None else None
                    if span is not None and actor and all(r.actor != actor for r in refs):
                        refs.append(ActorRef(actor, span, span.label_))
            if found.span.root.i != h.i and h.left_edge.i <= found.span.start <= h.right_edge.i:
                # "companies in Russia, China and other countries": the modifier's own list (not the list
                # around a party "the military" points back to).
                for other in found.span.root.conjuncts:
                    span = ctx.mention(other)
                    actor = ctx.actor_of(span) if span is not None else None
                    if span is not None and actor and all(r.actor != actor for r in refs):
                        refs.append(ActorRef(actor, span, span.label_))
    return refs


def _depth_below(tok: Token, head: Token) -> int:
    """How many arcs separate `tok` from `head` above it."""
    depth = 0
    while tok.i != head.i and tok.head.i != tok.i:
        tok, depth = tok.head, depth + 1
    return depth


def _listed_actors(ctx: DocContext, head: Token) -> list[ActorRef]:
    """Actors listed under 'such as', 'like' or 'including' after a generic noun."""
    refs: list[ActorRef] = []
    # The list may hang a little lower: "partners and proxies in the Middle East like Iraq, Lebanon".
    rules = load_rules()
    preps = [t for t in head.subtree if t.dep_ == "prep" and rules.is_cue("list-prep", t.lower_) and _depth_below(t, head) <= 6]
    if preps:   # the parser may hang the list's last members on the noun as appositions
        preps += [c for c in head.children if c.dep_ == "appos"]
    for prep in preps:
        for tok in prep.subtree:
            span = ctx.mention(tok)
            if span is None or tok.i != span.start or span.label_ not in ACTOR_LABELS or span.label_ == DEMONYM:
                continue
            if span.root.dep_ == "pobj" and load_rules().is_cue("location-prep", span.root.head.lower_):
                continue   # "Hamas in Gaza": where a listed group is, not another member
            # "Lebanon's Hezbollah": the group, not its host state.
            nxt = ctx.doc[span.end:span.end + 2]
            if len(nxt) == 2 and nxt[0].lower_ in ("'s", "\u2019s"):
                owned = ctx.mention(nxt[1])
                if owned is not None and owned.label_ in PART_OF:
                    continue
            actor = ctx.actor_of(span)
            if actor and all(r.actor != actor for r in refs):
                refs.append(ActorRef(actor, span, span.label_))
    return refs


# Cue kinds of nouns that point back ('the group', 'the country', 'the ministry') and the mention labels
# each may point back to ("the Treasury designated ...": the organ named before).
_BACK_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("back-armed-group", ("BODY", "BODY_DEMONYM")), ("back-body", ("BODY",)), ("back-state-or-capital", (STATE, CAPITAL)),
    ("back-state", (STATE,)), ("back-organ", ("ORGAN",)), ("back-government", ("ORGAN", STATE, "METONYM")),
    ("back-force", ("ORGAN", STATE)))


def _back_reference(ctx: DocContext, head: Token, *, place: bool = False) -> ActorRef | None:
    """'the group', 'the country': the last group or state named before, within a few sentences."""
    rules = load_rules()
    kinds = next((labels for kind, labels in _BACK_KINDS if rules.is_cue(kind, head.lower_)), None)
    if kinds is None or not any(c.lower_ == "the" for c in head.children) or \
            any(c.dep_ in ("compound", "poss") for c in head.children):
        return None
    former = any(rules.is_cue("former", c.lower_) for c in head.children)
    if not former and any(c.dep_ == "amod" and ctx.mention(c) is not None for c in head.children):
        return None   # "the Iranian regime" names its state; "the former Soviet republic" points back
    start = head.sent.start   # within its own sentence the parse already says who is meant
    # ... and a place so described is not a party its own sentence names ("a Russian factory opened in
    # the former Soviet republic" is not in Russia), though a speaker may be ("Hezbollah's leader said
    # the group ...").
    named_here = {ctx.actor_of(s) for s in ctx.doc.spans[SPAN_KEY]
                  if head.sent.start <= s.start < head.sent.end} if place else set()
    # "Myanmar's military ... the military": the same noun with its owner named comes first
    for same_noun in (True, False):
        for i in range(start - 1, max(-1, start - 150), -1):
            span = ctx.mention(ctx.doc[i])
            if span is None or span.label_ not in kinds or span.label_ == "PERSON" or (
                    same_noun and span.root.lemma_.lower() != head.lemma_.lower()):
                continue
            actor = ctx.actor_of(span)
            if actor and actor not in named_here:
                return ActorRef(actor, span, span.label_)
    return None


def _actor_of_head(ctx: DocContext, head: Token) -> ActorRef | None:
    backed = described_group(ctx, head) or backed_group(ctx, head) or _back_reference(ctx, head)
    if backed is not None:
        return backed
    span = ctx.mention(head)
    if span is not None and span.label_ in ACTOR_LABELS:
        actor = ctx.actor_of(span)
        if actor:
            return ActorRef(actor, span, span.label_)
    # Modifiers: "Iran's envoy", "a US official", "Iranian officials".
    best: ActorRef | None = None
    for tok in _np_tokens(head):
        if tok.i == head.i:
            continue
        span = ctx.mention(tok)
        if span is None or span.label_ not in ACTOR_LABELS:
            continue
        after = ctx.doc[span.end:span.end + 2]
        if len(after) == 2 and after[0].text == "-" and load_rules().is_cue("seat-suffix", after[1].lower_) \
                and not load_rules().is_cue("firm-noun", head.lemma_.lower()):
            continue   # "a UK-based group" is located there, not part of the state; "China-based suppliers" are Chinese
        owned = ctx.mention(span.root.head) if span.root.dep_ == "poss" else None
        if owned is not None and owned.label_ in ("BODY", "ORGAN") and span.root.head.i != head.i:
            continue   # "fighters from Russia's Wagner Group": the group, not its patron
        actor = ctx.actor_of(span)
        if not actor:
            continue
        ref = ActorRef(actor, span, span.label_)
        # The closest modifier wins: "a spokesman for Iran's foreign ministry" -> the ministry.
        if best is None or abs(tok.i - head.i) < abs(best.span.start - head.i):
            best = ref
    return best


def place_in_phrase(ctx: DocContext, head: Token) -> tuple[str, str] | None:
    """(ISO3, place as written) when the phrase names a state, capital or place."""
    for tok in _np_tokens(head):
        span = ctx.mention(tok)
        if span is not None and span.label_ in (STATE, CAPITAL, "METONYM"):
            actor = ctx.actor_of(span)
            if actor and len(actor) == 3 and actor.isupper():
                return actor, span.text
    back = _back_reference(ctx, head, place=True)   # "in the country", "in the former Soviet republic"
    if back is not None and back.label in (STATE, CAPITAL):
        return back.actor, ctx.doc[head.left_edge.i:head.i + 1].text
    return None


def _weapon_tokens(head: Token) -> list[Token]:
    """Tokens of a weapon phrase: the head, its modifiers, its conjuncts and list members."""
    out: list[Token] = []
    stack = [head]
    seen: set[int] = set()
    rules = load_rules()
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if rules.is_cue("weapon-stop", tok.lower_):
            continue
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _WEAPON_STOP_DEPS or rules.is_cue("weapon-stop", child.lower_):
                continue
            parts_for = child.lower_ == "for" and rules.is_cue("part-noun", tok.lower_)   # drone parts
            such_as = child.lower_ == "as" and any(x.lower_ == "such" for x in child.children)
            if child.dep_ == "prep" and not rules.is_cue("weapon-list-prep", child.lower_) and not (
                    parts_for or such_as):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def weapons_in_phrase(ctx: DocContext, head: Token, *, listed: bool = False) -> list[WeaponRef]:
    """Every weapon class and model a phrase names ("tanks, Su-35 jets"); `listed`: an umbrella's member.

    A phrase's weapons depend on the parse alone, and the same phrase is asked for by many rules (and by
    every phrase above it): read once per document, each caller gets copies it may change.
    """
    key = (head.i, listed)
    found = ctx.phrase_weapons.get(key)
    if found is None:
        found = ctx.phrase_weapons[key] = _read_weapons(ctx, head, listed=listed)
    return [replace(ref, gazetteer_ids=list(ref.gazetteer_ids)) for ref in found]


def _read_weapons(ctx: DocContext, head: Token, *, listed: bool) -> list[WeaponRef]:
    """The reading `weapons_in_phrase` keeps: the phrase's tokens, then its mentions, then `refine`."""
    from .members import may_add, refine
    refs: list[WeaponRef] = []
    seen: set[int] = set()
    if any(load_rules().is_cue("civilian-use", c.lower_) for c in head.children):
        return refs   # "civilian drones": not arms (GUIDELINES)
    tokens = _weapon_tokens(head)
    if not tokens:
        return refs   # the head is itself a word that ends weapon phrases ("like", "carrying")
    # The tagger often leaves a model name outside the phrase ("Shahed-136" as PUNCT on the verb):
    # take a model name that directly precedes the phrase.
    left = min(t.i for t in tokens)
    for i in range(left - 1, max(head.sent.start, left - 3) - 1, -1):
        span = ctx.mention(head.doc[i])
        if span is not None and span.label_ == WEAPON:
            tokens = [*head.doc[span.start:span.end], *tokens]
            break
        if head.doc[i].pos_ not in ("PUNCT", "PROPN", "NOUN", "ADJ", "NUM"):
            break
    if not any(may_add(tok) or _is_weapon_mention(ctx, tok) for tok in tokens):
        return refs   # most subjects and objects: nothing below could find a weapon in them
    for tok in tokens:
        span = ctx.mention(tok)
        if span is None or span.start in seen or span.label_ not in (WEAPON, CLASS):
            continue
        seen.add(span.start)
        entry = ctx.referent(span)
        assert entry.weapon_class is not None
        noun = _noun_head(span.root)   # "24 Su-35 fighter jets": the count sits on "jets"
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i not in {t.i for t in tokens}:
            noun = head
        refs.append(WeaponRef(entry.weapon_class, entry.model, span, noun, gazetteer_ids=[span.kb_id_]))
    # A model name and its generic noun are one weapon: "Shahed-136 drones"; two models are two
    # ("Meteor and Scalp missiles").
    merged: list[WeaponRef] = []
    for ref in refs:
        twin = next((m for m in merged if m.weapon_class == ref.weapon_class and
                     (m.head.i == ref.head.i or abs(m.span.start - ref.span.start) <= 2)
                     and not (m.model and ref.model and m.model != ref.model)), None)
        if twin is None:
            merged.append(ref)
            continue
        if twin.model is None and ref.model is not None:
            twin.model = ref.model
        twin.gazetteer_ids += ref.gazetteer_ids
    for ref in merged:
        ref.producer, ref.supplier = origin_of(ctx, ref)
        ref.producer = None if _parts_for(ref.span.root) else ref.producer   # (not the parts' maker)
    return refine(ctx, head, tokens, merged, listed=listed)


def _is_weapon_mention(ctx: DocContext, tok: Token) -> bool:
    """The token lies in a gazetteer mention of a weapon model or class."""
    span = ctx.mention(tok)
    return span is not None and span.label_ in (WEAPON, CLASS)


def _parts_for(tok: Token) -> bool:
    """True when the weapon is what some parts are for ("parts for unmanned aerial vehicles")."""
    head = _noun_head(tok)
    return head.dep_ == "pobj" and head.head.lower_ == "for" and load_rules().is_cue("part-noun", head.head.head.lower_)


def _noun_head(tok: Token) -> Token:
    while tok.dep_ in ("compound", "amod", "punct", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def origin_of(ctx: DocContext, ref: WeaponRef) -> tuple[str | None, str | None]:
    """(producer, supplier) from demonyms: "Iranian-made" / "Iranian drones", "US-supplied"."""
    producer = supplier = None
    rules = load_rules()
    lo = max(ref.span.sent.start, min(ref.span.start, ref.head.i) - 6)
    for tok in ctx.doc[lo:min(ref.span.start, ref.head.i) + 1]:
        span = ctx.mention(tok)
        if span is None or span.label_ not in (DEMONYM, STATE, "BODY_DEMONYM", "ORGAN") or tok.i != span.start:
            continue
        # "Iranian military drones" matches the organ "Iranian military": its state made them.
        if span.label_ == "ORGAN" and span.root.head.i != ref.head.i:
            continue
        anchor = span.root if span.label_ == "ORGAN" else tok
        actor = ctx.actor_of(span)
        after = ctx.doc[span.end:span.end + 2]
        suffix = after[1].lower_ if len(after) == 2 and after[0].text == "-" else ""
        if rules.is_cue("supplier-suffix", suffix):
            supplier = actor
        elif (rules.is_cue("producer-suffix", suffix) or span.label_ in (DEMONYM, "BODY_DEMONYM", "ORGAN")) and (
                anchor.head.i == ref.head.i or suffix or anchor.head.head.i == ref.head.i):
            # A demonym directly in the weapon phrase: "Iranian drones", "Chinese-made drones".
            producer = actor
            ref.made_suffix = bool(suffix)
    # "ones produced by a Turkish firm", "drones made in Iran"
    for tok in ref.head.subtree:
        if tok.dep_ in ("acl", "relcl") and rules.is_cue("made-by-verb", tok.lemma_.lower()) and abs(tok.i - ref.head.i) < 8:
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    found = actors_in_phrase(ctx, pobj)
                    if found:
                        producer = found[0].actor
    # "drones of Iranian origin", "weapons believed to be of Iranian design" (origins.py)
    producer = stated_origin(ctx, ref.head) or producer
    return producer, supplier
