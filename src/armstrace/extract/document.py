"""What extraction knows about one document beyond a single sentence.

Mentions indexed by token, quotations (which may span sentences), chrome
sentences to skip, and the running memory that lets "he said" and "Iran
denied that" point back.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp.mentions import ACTOR_LABELS, INSTRUMENT, SPAN_KEY, Referent

# Straight and curly double quotes; single quotes are too often apostrophes.
_QUOTE_RE = re.compile(r"[“\"]([^“”\"]{3,}?)[”\"]", re.DOTALL)


@dataclass
class Speaker:
    """Who a claim is attributed to."""

    claimants: list[str]                 # actor ids, or ["author"]
    text: str | None                     # the person or body as written
    deny: bool = False                   # the reporting verb denies ("Iran denied")
    hedge: bool = False                  # the reporting verb hedges ("believes")
    rules: list[str] = field(default_factory=list)
    gazetteer_ids: list[str] = field(default_factory=list)


@dataclass
class DocContext:
    """One parsed document and what extraction remembers while reading it."""

    doc: Doc
    referents: dict[str, Referent]
    skip_spans: list[tuple[int, int]]
    published: str | None = None
    mention_by_token: dict[int, Span] = field(default_factory=dict)
    quotes: list[tuple[int, int]] = field(default_factory=list)   # char ranges inside quote marks
    quote_speakers: dict[int, Speaker] = field(default_factory=dict)
    last_person: Speaker | None = None
    last_speaker: Speaker | None = None      # the last state or body that spoke
    last_speaker_at: int = 0                 # and where (character offset)
    # Speakers seen so far by surname ("Robert Wood" ... "Wood added"), and the previous
    # sentence's attributed speaker, for reported speech that runs on ("... . Iran will also ...").
    people: dict[str, Speaker] = field(default_factory=dict)
    prev_speaker: Speaker | None = None
    last_actor: str | None = None
    last_report: Speaker | None = None       # the author of the last report named ("the report said")
    instrument_counts: Counter = field(default_factory=Counter)
    actor_counts: Counter = field(default_factory=Counter)     # how often each actor is named
    ents_by_sent: dict = field(default_factory=dict)           # sentence start -> spaCy entities
    mentions_by_sent: dict = field(default_factory=dict)       # sentence start -> gazetteer mentions
    # The last model named per weapon class: "Kuwait bought TB2s ... approved the purchase of the drones".
    last_models: dict = field(default_factory=dict)
    phrase_weapons: dict = field(default_factory=dict)         # (head token, listed) -> the phrase's weapons
    sentence_verbs: dict = field(default_factory=dict)         # sentence start -> its reporting verbs
    sents: list = field(default_factory=list)                  # the document's sentences, in order

    @classmethod
    def build(cls, doc: Doc, referents: dict[str, Referent], skip_spans: list[tuple[int, int]],
              published: str | None) -> DocContext:
        ctx = cls(doc=doc, referents=referents, skip_spans=sorted(skip_spans), published=published)
        for span in doc.spans[SPAN_KEY]:
            for i in range(span.start, span.end):
                ctx.mention_by_token[i] = span
            if span.label_ in ACTOR_LABELS and not any(a <= span.start_char < b for a, b in skip_spans):
                actor = referents[span.kb_id_].actor
                if actor:
                    ctx.actor_counts[actor] += 1
            if span.label_ == INSTRUMENT:
                code = referents[span.kb_id_].instrument
                if code:
                    ctx.instrument_counts[code] += 1
        ctx.quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(doc.text)]
        # Per-sentence entities and mentions, built once: spaCy rebuilds doc.ents on every access,
        # and scanning every mention for every sentence makes long documents quadratic.
        # (doc.sents is rebuilt token by token on every access: listed once here)
        ctx.sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else []
        starts = {i: sent.start for sent in ctx.sents for i in range(sent.start, sent.end)}
        for ent in doc.ents:
            ctx.ents_by_sent.setdefault(starts.get(ent.start, 0), []).append(ent)
        for span in doc.spans[SPAN_KEY]:
            ctx.mentions_by_sent.setdefault(starts.get(span.start, 0), []).append(span)
        return ctx

    def ents_of(self, sent: Span) -> list[Span]:
        """The named entities of a sentence (spaCy's own, not the gazetteer mentions)."""
        return self.ents_by_sent.get(sent.start, [])

    def mentions_of(self, sent: Span) -> list[Span]:
        """The gazetteer mentions that start in a sentence."""
        return self.mentions_by_sent.get(sent.start, [])

    def mention(self, token: Token) -> Span | None:
        """The gazetteer mention covering `token`, if any."""
        return self.mention_by_token.get(token.i)

    def referent(self, span: Span) -> Referent:
        return self.referents[span.kb_id_]

    def actor_of(self, span: Span) -> str | None:
        """The actor id a mention stands for (None for weapons and instruments)."""
        if span.label_ not in ACTOR_LABELS:
            return None
        return self.referents[span.kb_id_].actor

    def is_chrome(self, sent: Span) -> bool:
        """True when the sentence lies in page chrome (menus, ads, comments)."""
        start = sent.start_char
        return any(a <= start < b for a, b in self.skip_spans)

    def quote_of(self, char: int) -> tuple[int, int] | None:
        """The quotation that holds this character, if any."""
        for a, b in self.quotes:
            if a <= char < b:
                return (a, b)
            if a > char:
                break
        return None
