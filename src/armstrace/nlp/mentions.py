"""The `armstrace_mentions_v1` pipeline component: gazetteer mentions as a span group.

The sm model does not know "Shahed-136" (tagged PUNCT), calls Kyiv a PERSON
and UAVs an ORG (NOTES.md). Rather than trust its labels, one PhraseMatcher
over lower-cased tokens finds every gazetteer name (states, demonyms,
capitals, metonyms, organs, people, bodies, weapon models, class words,
legal instruments) and stores the longest non-overlapping matches in
`doc.spans["armstrace"]`, labelled by kind, with the gazetteer id as
`kb_id_`. Span groups travel with the Doc between `nlp.pipe` processes.
PhraseMatcher: ~14M words/s on 2,000 terms (NOTES.md), so this costs nothing
next to the parser.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Gazetteers, load_gazetteers
from ..rules import load_rules
from .line_breaks import DATELINE

SPAN_KEY = "armstrace"

# Span labels: how a name refers to its entry.
STATE, DEMONYM, CAPITAL, METONYM, ORGAN, PERSON, BODY, BODY_DEMONYM = (
    "STATE", "DEMONYM", "CAPITAL", "METONYM", "ORGAN", "PERSON", "BODY", "BODY_DEMONYM")
WEAPON, CLASS, INSTRUMENT = "WEAPON", "CLASS", "INSTRUMENT"
REGION = "REGION"   # "Latin America": matched only so that the state inside it is not, then dropped
ACTOR_LABELS = frozenset({STATE, DEMONYM, CAPITAL, METONYM, ORGAN, PERSON, BODY, BODY_DEMONYM})
# When two names overlap, the longer wins (filter_spans); on equal length the
# more specific kind wins: "Turkish Aerospace" is an organ, not a demonym.
PRIORITY = {WEAPON: 0, INSTRUMENT: 1, PERSON: 2, ORGAN: 3, BODY: 4, METONYM: 5, STATE: 6,
            CAPITAL: 7, BODY_DEMONYM: 8, DEMONYM: 9, CLASS: 10, REGION: 11}


@dataclass(frozen=True)
class Referent:
    """What a gazetteer id stands for: an actor code, or a weapon model and class."""

    entry_id: str
    actor: str | None = None          # ISO3 or slug
    weapon_class: str | None = None
    model: str | None = None
    instrument: str | None = None
    producer: str | None = None
    base: str | None = None           # a group's home state ("houthis" -> YEM)


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _plural(name: str) -> list[str]:
    return [name, name + "s"] if name[-1:].isalnum() else [name]


def referent_table(gaz: Gazetteers) -> tuple[dict[str, Referent], list[tuple[str, str, str]]]:
    """Every gazetteer entry as a Referent, and every (label, entry id, surface form) to match."""
    table: dict[str, Referent] = {}
    names: list[tuple[str, str, str]] = []
    for st in gaz.states:
        table[st.id] = Referent(st.id, actor=st.code)
        names += [(STATE, st.id, n) for n in [st.name, *st.aliases]]
        # "Russians", "Iraqis": demonyms as nouns for people.
        names += [(DEMONYM, st.id, v) for n in st.demonyms for v in ([n, n + "s"] if n[-1:] in "ni" else [n])]
        names += [(CAPITAL, st.id, n) for n in st.capitals]
        names += [(METONYM, st.id, n) for n in st.metonyms]
    for organ in gaz.organs:
        table[organ.id] = Referent(organ.id, actor=organ.state)
        names += [(ORGAN, organ.id, n) for n in organ.names]
    for person in gaz.people:
        table[person.id] = Referent(person.id, actor=person.actor)
        names += [(PERSON, person.id, n) for n in [person.name, *person.aliases]]
    for body in gaz.bodies:
        table[body.id] = Referent(body.id, actor=body.slug, base=body.base)
        names += [(BODY, body.id, n) for n in body.names]
        names += [(BODY_DEMONYM, body.id, n) for n in body.demonyms]
    for weapon in gaz.weapons:
        table[weapon.id] = Referent(weapon.id, weapon_class=weapon.weapon_class, model=weapon.model,
                                    producer=weapon.producer)
        for n in [weapon.name, *weapon.aliases]:
            names += [(WEAPON, weapon.id, v) for v in _plural(n)]
    for term in gaz.class_terms:
        table[term.id] = Referent(term.id, weapon_class=term.weapon_class)
        names += [(CLASS, term.id, n) for n in term.terms]
    for inst in gaz.instruments:
        table[inst.id] = Referent(inst.id, instrument=inst.code)
        names += [(INSTRUMENT, inst.id, n) for n in inst.patterns]
    return table, [(label, eid, _strip_the(n)) for label, eid, n in names if n.strip()]


@lru_cache(maxsize=1)
def gazetteer_referents() -> tuple[dict[str, Referent], list[tuple[str, str, str]]]:
    """The referent table and names of the installed gazetteers, built once per process."""
    return referent_table(load_gazetteers())


# Reports on a divided country call its halves "the North" and "the South" once the country is named.
_HALVES = {"North": ("state/PRK", "state/KOR"), "South": ("state/KOR", "state/PRK")}


def _divided_halves(doc: Doc, spans: list[Span]) -> list[Span]:
    """'... buying shells from the North' in a story that names North Korea: Pyongyang's state."""
    first_named: dict[str, int] = {}
    for s in spans:
        first_named[s.kb_id_] = min(first_named.get(s.kb_id_, s.start), s.start)
    out = []
    for tok in doc[1:]:
        halves = _HALVES.get(tok.text)
        if halves is None or doc[tok.i - 1].lower_ != "the" or not any(
                first_named.get(h, tok.i) < tok.i for h in halves):
            continue   # (only once a Korea has been named before)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ in ("of", "-")):
            continue   # "the North Atlantic", "the South China Sea", "the north of"
        out.append(Span(doc, tok.i, tok.i + 1, label=METONYM, kb_id=halves[0]))
    return out


def _firm_names(spans: list[Span]) -> list[Span]:
    """'Safran Electronics & Defense', 'Lockheed Martin Aeronautics': a capitalised class word right after a
    firm's name is the rest of that name, not a weapon the sentence names."""
    organs = {s.end for s in spans if s.label_ == ORGAN}
    return [s for s in spans if not (s.label_ == CLASS and s.start in organs and all(
        t.text[:1].isupper() for t in s) and not s[0].is_sent_start)]


class MentionMatcher:
    """Finds gazetteer mentions; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "armstrace_mentions") -> None:
        self.name = name
        self.referents, names = gazetteer_referents()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_key: dict[str, list[Doc]] = {}
        seen: set[tuple[str, str]] = set()
        for label, entry_id, surface in names:
            key = f"{label}|{entry_id}"
            if (key, surface.lower()) in seen:
                continue
            seen.add((key, surface.lower()))
            by_key.setdefault(key, []).append(nlp.make_doc(surface))
        for key, docs in by_key.items():
            self.matcher.add(key, docs)
        from ..rules import load_rules   # (rules import the gazetteer loader; keep the import lazy)

        regions = sorted(load_rules().cue_words.get("region-name", set()))
        if regions:
            self.matcher.add(f"{REGION}|region", [nlp.make_doc(r) for r in regions])

    def __call__(self, doc: Doc) -> Doc:
        # A dateline names where the story was filed, not a party to it ("BRUSSELS, Oct 19 -").
        datelines = [(m.start(), m.end()) for m in DATELINE.finditer(doc.text)]
        spans = []
        for match_id, start, end in self.matcher(doc):
            if datelines and any(a <= doc[start].idx < b for a, b in datelines):
                continue
            if start >= 2 and doc[start - 1].lower_ == "of" and load_rules().is_cue("water-body", doc[start - 2].lower_):
                continue   # "the Gulf of Oman", "the Sea of Japan": a body of water, not the state
            label, entry_id = doc.vocab.strings[match_id].split("|", 1)
            if end - start == 1 and len(doc[start].text) <= 3 and doc[start].text.islower() \
                    and label in ACTOR_LABELS:
                continue   # "us", "un", "eu" in lower case are words, not the US, the UN or the EU
            spans.append(Span(doc, start, end, label=label, kb_id=entry_id))
        spans += _divided_halves(doc, spans)
        spans = _firm_names(spans)
        # Longest first, then by kind priority, then leftmost.
        spans.sort(key=lambda s: (-(s.end - s.start), PRIORITY[s.label_], s.start))
        doc.spans[SPAN_KEY] = sorted((s for s in filter_spans(spans) if s.label_ != REGION), key=lambda s: s.start)
        return doc


@Language.factory("armstrace_mentions_v1")
def make_mention_matcher(nlp: Language, name: str) -> MentionMatcher:
    """spaCy factory for the gazetteer mention matcher."""
    return MentionMatcher(nlp, name)
