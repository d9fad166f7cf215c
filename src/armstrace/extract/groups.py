"""Who a described group is: the slugs of unnamed groups and the groups inside descriptions.

GUIDELINES: non-state armed groups are lower-case slugs of their common English
name; an unnamed group gets a slug of its description ("Iran-backed militias"
-> iran-backed-militias). A description that contains a known group is that
group ("Iran-aligned Houthi movement" -> houthis), a coalition named after its
leader is the leader ("the Saudi-led coalition" -> SAU, DECISIONS), and the
people of an unnamed group speak for it ("Syrian rebel sources" -> syrian-rebels).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp.mentions import ACTOR_LABELS, DEMONYM, STATE
from ..rules import load_rules
from .document import DocContext

PART_OF = {"BODY", "BODY_DEMONYM", "ORGAN", "PERSON"}   # names of a party's own parts and people


@dataclass
class ActorRef:
    """An actor found in a phrase, and how."""

    actor: str
    span: Span
    label: str


def backed_group(ctx: DocContext, head: Token) -> ActorRef | None:
    """'Iran-backed militias' -> the slug iran-backed-militias (GUIDELINES: unnamed groups)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.i < 2:
        return None
    for tok in head.lefts:
        if load_rules().is_cue("backed-suffix", tok.lower_) and tok.i >= 2 and ctx.doc[tok.i - 1].text == "-":
            patron = ctx.mention(ctx.doc[tok.i - 2])
            if patron is None or patron.label_ not in ACTOR_LABELS:
                return None
            named = _named_group_within(ctx, patron.end, head.i)
            if named is not None:
                return named   # "Iran-aligned Houthi movement": the Houthis, whoever backs them
            leader = ctx.actor_of(patron) if load_rules().is_cue("leader-led", tok.lower_) else None
            if leader:
                # "the US-led coalition": its leader (DECISIONS, like "the US and its allies" -> USA)
                return ActorRef(leader, ctx.doc[patron.start:head.i + 1], patron.label_)
            words = [t.lower_ for t in ctx.doc[patron.start:head.i + 1] if t.text != "-"]
            slug = "-".join(w.replace(" ", "-") for w in words)
            return ActorRef(slug, ctx.doc[patron.start:head.i + 1], "GROUP")
    return None


def _named_group_within(ctx: DocContext, start: int, head_i: int) -> ActorRef | None:
    """A known group, body or organ named inside a described group ('X-backed Hezbollah fighters'),
    up to and including its head: a description that contains a known group is that group."""
    for i in range(head_i, start - 1, -1):
        span = ctx.mention(ctx.doc[i])
        if span is not None and span.start >= start and span.label_ in PART_OF and span.label_ != "PERSON":
            actor = ctx.actor_of(span)
            if actor:
                return ActorRef(actor, span, span.label_)
    return None


def described_group(ctx: DocContext, head: Token) -> ActorRef | None:
    """'Kurdish militants', 'Syrian rebels': an unnamed armed group gets a slug of its description
    (GUIDELINES), not the state its adjective names. Named groups ("Houthi rebels") keep their id."""
    if not load_rules().is_cue("group-noun", head.lower_):
        return _group_as_modifier(ctx, head)
    mods = [c for c in head.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN", "NOUN")]
    if not mods:
        return None
    named = ctx.mention(mods[0])
    if named is not None and named.label_ in ("BODY", "BODY_DEMONYM"):
        return None
    first = min(m.left_edge.i for m in mods)   # "National Liberation Army fighters": the whole name
    while ctx.doc[first].dep_ in ("det", "poss", "case", "punct", "nummod") and first < head.i:
        first += 1
    words = [t.lower_ for t in ctx.doc[first:head.i + 1] if t.text != "-"]
    return ActorRef("-".join(words), ctx.doc[first:head.i + 1], "GROUP")


def _group_as_modifier(ctx: DocContext, head: Token) -> ActorRef | None:
    """'Syrian rebel sources', 'Kurdish militant commanders': people of an unnamed group speak for it,
    under the group's slug ("syrian-rebels"). ('fighter' as a modifier is the aircraft: "fighter pilots".)"""
    group = next((c for c in head.children if c.dep_ == "compound" and c.tag_ == "NN" and c.lower_ != "fighter"
                  and load_rules().is_cue("group-noun", c.lower_ + "s") and ctx.mention(c) is None), None)
    if group is None or head.pos_ != "NOUN":
        return None
    mods = [c for c in head.children if c.dep_ == "amod" and c.i < group.i
            and getattr(ctx.mention(c), "label_", None) in (DEMONYM, STATE)]
    if not mods:
        return None   # "rebel sources" alone names no group
    words = [t.lower_ for t in ctx.doc[mods[0].i:group.i] if t.text != "-"] + [group.lower_ + "s"]
    return ActorRef("-".join(words), ctx.doc[mods[0].i:group.i + 1], "GROUP")
