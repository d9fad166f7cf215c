"""A generated corpus for the dashboard at scale: N documents from templates and the gazetteer.

Deterministic (a seeded random.Random): the same N gives the same documents, records and ids. As in
real reporting, stories cluster in theatres (a handful of states that arm, fight and sanction one
another) drawn with Zipf-like weights, with now and then a party from elsewhere: the network has a
dense core, regional clusters and a long tail to fold. One document in ten is a
syndicated copy of an earlier one (same text, another outlet), which independence counts once.
Records go straight into the store (no parser): these tests are about the dashboard, not extraction.
"""
from __future__ import annotations

import random
from pathlib import Path

from armstrace.analysis import ensure_events
from armstrace.gazetteer import load_gazetteers
from armstrace.records import Article, Record
from armstrace.store import Store

TEMPLATES = {
    "transfer": ("{a} has delivered {w} to {b}, {c} officials said.", "{a} may have shipped {w} to {b}, "
                 "{c} officials said.", "{a} denied supplying {w} to {b}."),
    "use": ("{a} forces fired {w} at targets in {b}, {c} officials said.", "{a} reportedly used {w} "
            "against {b}, {c} officials said.", "{a} denied using {w} against {b}."),
    "production": ("{a} has begun producing {w} at a plant in {b}, {c} officials said.", "{a} may be "
                   "building {w} in {b}, {c} officials said.", "{a} denied producing {w} in {b}."),
    "training": ("{a} instructors trained {b} crews to operate {w}, {c} officials said.", "{a} may have "
                 "trained {b} crews on {w}, {c} officials said.", "{a} denied training {b} crews on {w}."),
    "sanction": ("{a} imposed sanctions on {b} over deliveries of {w}, {c} said.", "{a} is said to be "
                 "weighing sanctions on {b} over {w}, {c} said.", "{a} denied sanctioning {b} over {w}."),
}
TYPES = tuple(TEMPLATES)
STANCES = ("asserted", "hedged", "denied")


THEATRE = 6   # states per theatre: the first two supply and sanction, the others receive and fight


def _parties(rng: random.Random, kind: str, theatre: list) -> tuple:
    """Actor and other party of a `kind` of event in a theatre: arms flow from suppliers to the rest."""
    suppliers, fighters = theatre[:2], theatre[2:]
    if kind == "use":
        return tuple(rng.sample(fighters, 2))
    if kind == "production":
        maker = rng.choice(theatre)
        return maker, rng.choice([maker, *fighters])
    return rng.choice(suppliers), rng.choice(fighters)


def _record(rng: random.Random, doc_id: str, states: list, weapons: list, published: str) -> tuple[str, dict]:
    """One sentence and the fields of its record."""
    theatres = [states[i:i + THEATRE] for i in range(0, len(states), THEATRE)]
    theatre = rng.choices(theatres, weights=[1 / (i + 1) for i in range(len(theatres))])[0]
    kind = rng.choices(TYPES, weights=(6, 3, 1, 1, 2))[0]
    actor, other = _parties(rng, kind, theatre)
    claimant = rng.choice(theatre)
    if rng.random() < 0.05:   # now and then a party from elsewhere
        other = rng.choice([s for s in states if s.code != actor.code])
    stance = rng.choices(STANCES, weights=(7, 2, 1))[0]
    weapon = rng.choice(weapons)
    text = TEMPLATES[kind][STANCES.index(stance)].format(a=actor.name, b=other.name, w=weapon.name, c=claimant.name)
    fields = {"doc_id": doc_id, "type": kind, "actor": actor.code, "weapon_class": weapon.weapon_class,
              "weapons": [weapon.model], "claimant": actor.code if stance == "denied" else claimant.code,
              "stance": stance, "published": published}
    if kind == "production":
        fields["location"] = other.code
    else:
        fields["recipient"] = other.code
    if rng.random() < 0.3:
        fields["time"], fields["time_precision"] = published[:7], "month"
    return text, fields


def save_corpus(db: Path, n_docs: int = 300, seed: int = 13) -> None:
    """`n_docs` generated documents saved into `db`, then clustered into events (as ingest leaves it)."""
    rng = random.Random(seed)
    gaz = load_gazetteers()
    states = [s for s in gaz.states if not s.historical][:60]
    rng.shuffle(states)
    weapons = [w for w in gaz.weapons if w.weapon_class][:80]
    stories: list[tuple[str, list[tuple[str, dict]]]] = []
    with Store(db) as store:
        for i in range(n_docs):
            doc_id = f"gen-{i:04d}"
            published = f"20{rng.randint(20, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if stories and rng.random() < 0.1:   # a syndicated copy of an earlier story
                published, sentences = rng.choice(stories)
                sentences = [(text, {**fields, "doc_id": doc_id}) for text, fields in sentences]
            else:
                sentences = [_record(rng, doc_id, states, weapons, published) for _ in range(rng.randint(1, 3))]
                stories.append((published, sentences))
            text = "\n".join(sentence for sentence, _ in sentences)
            records, at = [], 0
            for sentence, fields in sentences:
                start = text.index(sentence, at)
                at = start + len(sentence)
                records.append(Record(evidence=sentence, evidence_start=start, evidence_end=at, **fields))
            store.save_document(Article(doc_id=doc_id, text=text, title=f"Report {i}", published=published), records)
        ensure_events(store)
