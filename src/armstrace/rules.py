"""Extraction rules as data: event triggers and the cues of attribution and stance.

Rules live in `armstrace/data/rules/*.jsonl`; this module gives them schemas
and indexes them by word, so that the extractor asks "is 'supplied' a
transfer trigger?" in one dictionary lookup.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pydantic import Field

from .gazetteer import Entry, read_data_file
from .records import EventType

RULES_PACKAGE = "armstrace.data.rules"

Frame = Literal["give", "equip", "receive", "origin", "seize", "come-from", "market", "use", "intercept", "produce",
                "train", "sanction", "supplier", "ban", "arrive", "halted"]
CueKind = Literal["report", "deny", "hedge-verb", "hedge-word", "negation", "denial-object", "non-event",
                  "object-control", "help", "recipient-verb",
                  "violation", "author-speaker", "future", "combat",
                  # the words the role extractor reads (extract/clauses.py, extract/frames/)
                  "relative-pronoun", "rely", "arms-trade", "blame", "time-prep", "quantity-prep", "begin",
                  "sanction-container", "plan-holder", "intent-noun", "target-prep", "place-prep",
                  "light-agent-verb", "destination", "contain", "firm-noun", "sanction-measure",
                  "sanction-qualifier", "means-verb", "aid-noun", "listing-verb", "copula",
                  "leader-led", "part-noun", "region-name", "aircrew", "exercise", "first-person",
                  "trainee-aircraft", "trainee-naval", "trainee-artillery", "operate",
                  "sanction-aim", "sanction-holder", "sanction-adopt", "sanction-more", "halt",
                  "hold-verb", "hit-verb", "own-people", "attack-ammunition", "attack-artillery", "air-attack",
                  "service-aircraft", "service-naval", "service-artillery", "alongside", "involvement", "attack-arms",
                  "halt-noun", "call-for",
                  "relay-verb", "state-organ", "statement-noun", "agreement-noun", "presupposing",
                  "non-state-people",
                  # events.py and its helpers (moved from Python sets, session 4)
                  "provide-verb", "sought", "purchase", "ambiguous-use", "training-word", "anaphor",
                  "charge-noun", "carry-verb", "phrasal-particle", "phrasal-give-verb",
                  # extract/negotiations.py, clauses.contents (session 5)
                  "negotiation-noun", "negotiation-topic-prep", "exclude",
                  "origin-noun", "plural-back",
                  # attribution by description (session 4, claimants)
                  "state-noun", "prevent-verb", "finding-noun", "hearsay-noun", "state-marker", "outlet-noun",
                  "deal-noun", "stance-verb",
                  # extract/members.py: umbrella nouns and their members, bare class nouns beside weapons
                  "member-prep", "range-verb", "member-verb", "beside-weapons-aircraft", "beside-weapons-naval",
                  "civil-modifier", "also-people", "negating-prefix",
                  "design-suffix", "halt-cover-prep",
                  "production-means",
                  "charge-noun", "carry-verb", "phrasal-particle", "phrasal-give-verb",
                  "origin-noun", "plural-back", "sector-noun",
                  # word lists the speaker and attribution code kept in Python (session 5, issue 10)
                  "party-plural", "clause-report-verb", "evidence-noun", "report-noun", "hedge-noun", "label-verb",
                  "dismissive", "belief-verb", "own-organ", "role-noun", "run-on-modal", "first-person-plural",
                  "third-person", "official-title", "not-in-office",
                  # noun phrases, groups and pointers (phrases.py, groups.py, pointed.py)
                  "np-prep", "weapon-stop", "made-by-verb", "civilian-use", "producer-suffix", "supplier-suffix",
                  "pronoun-head", "list-prep", "seat-suffix", "former", "weapon-list-prep", "back-armed-group",
                  "back-body", "back-state-or-capital", "back-state", "back-organ", "back-government", "back-force",
                  "backed-suffix", "group-noun", "pointer",
                  # counts, stance and prepositions (quantities.py, stance.py, frames/produce.py, sanctions.py)
                  "quantity-container", "vague-quantity", "at-least", "at-most", "currency", "count-determiner",
                  "keep-verb", "hinder-verb", "absence-noun", "condition-mark", "site-prep", "strike-prep",
                  # word lists inline in extract/ functions
                  "naming-verb", "speaker-pronoun", "relative-opener", "holder-prep", "exercise-prep", "anaphoric-det",
                  "given-det", "definite-det", "plural-det", "plural-pointer-det", "predicate-prep", "range-prep",
                  "location-prep", "target-place-prep", "trainee-prep",
                  # the prepositions frames read their arguments through (extract/frames/)
                  "arrive-place-prep", "ban-party-prep", "ban-verb-prep", "weapon-object-prep", "market-place-prep",
                  "training-theme-prep", "combat-setting-prep", "use-place-prep", "attack-target-prep",
                  "water-body"]


class Trigger(Entry):
    """Words that signal an event, and how their arguments map to roles (the frame)."""

    type: EventType
    frame: Frame
    pos: list[Literal["VERB", "NOUN", "ADJ"]]
    lemmas: list[str] = Field(min_length=1)
    # The word triggers only as the head of a weapon-class name ("lethal aid", not "humanitarian aid").
    in_weapon_name: bool = False


class Cue(Entry):
    """Words that signal who says so and how firmly."""

    kind: CueKind
    words: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    frame: str
    in_weapon_name: bool = False


@dataclass
class Rules:
    """The rules, indexed for lookup."""

    triggers: list[Trigger]
    cues: list[Cue]
    # (lemma, coarse POS) -> rules; multi-word lemmas are kept apart.
    by_lemma: dict[tuple[str, str], list[TriggerRule]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], list[TriggerRule]] = field(default_factory=dict)
    cue_words: dict[str, set[str]] = field(default_factory=dict)
    cue_ids: dict[str, str] = field(default_factory=dict)
    # Lookup tables derived from the cues, built once per rule set (see `derived`).
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def is_cue(self, kind: str, word: str) -> bool:
        """True if `word` (a lemma or lower-case form) is a cue of this kind."""
        return word in self.cue_words.get(kind, ())

    def derived(self, name: str, build: Callable[[Rules], Any]) -> Any:
        """`build(self)`, kept under `name`: a table that merges several cue kinds for a lookup asked of
        every token (several `is_cue` calls per token cost a tenth of extraction)."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Load, validate and index every rule file (cached: once per process)."""
    triggers = read_data_file(RULES_PACKAGE, "triggers.jsonl", Trigger)
    cues = read_data_file(RULES_PACKAGE, "cues.jsonl", Cue)
    rules = Rules(triggers=triggers, cues=cues)
    for trig in triggers:
        rule = TriggerRule(trig.id, trig.type, trig.frame, trig.in_weapon_name)
        for lemma in trig.lemmas:
            words = tuple(lemma.lower().split())
            if len(words) > 1:
                rules.phrases.setdefault(words, []).append(rule)
                continue
            for pos in trig.pos:
                rules.by_lemma.setdefault((words[0], pos), []).append(rule)
    for cue in cues:
        rules.cue_words.setdefault(cue.kind, set()).update(w.lower() for w in cue.words)
        rules.cue_ids[cue.kind] = cue.id
    return rules
