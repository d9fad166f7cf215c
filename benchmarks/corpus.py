"""A scale corpus: N varied news articles about arms, generated deterministically from a seed.

    python benchmarks/corpus.py OUT_DIR --n 10000 [--seed 15]

Writes OUT_DIR/articles-NNNN.jsonl, 1,000 articles a file ({"id", "title",
"text", "published", "url"}), the form `armstrace ingest` reads fastest.

The articles are built from armstrace's own gazetteers (states with their
demonyms and capitals, government bodies, people, weapon models with their
class and producer) and from sentence templates for each kind of event the
extractor reads (supply, receipt, use, interception, production, training,
sanctions), each said by a claimant (a state body, an official, a wire
service) with a stance (asserted, hedged, denied). Articles differ in length
(4 to 36 paragraphs of event and background sentences), in dates, and in the
page chrome around them ("Read more", share and newsletter lines). A pool of
stories is reported by several articles each, as news is, so that events
cluster. The claims are random combinations and NOT facts: the corpus is for
measuring speed and growth only, never for accuracy.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from armstrace.gazetteer import load_gazetteers

PER_FILE = 1_000

SUPPLY = ["{claimant} said {supplier} had supplied {weapons} to {recipient} {when}.",
          "{supplier} delivered {weapons} to {recipient} {when}, {claimant} said.",
          "{recipient} received {weapons} from {supplier} {when}, according to {claimant}.",
          "{supplier} shipped {weapons} to {recipient} {when}, {claimant} told reporters.",
          "{supplier} sold {weapons} to {recipient} in a deal signed {when}, {claimant} said.",
          "{supplier} armed {recipient} with {weapons}, {claimant} said on {weekday}."]
HEDGED = ["{supplier} may have sent {weapons} to {recipient} {when}, {claimant} said.",
          "{supplier} reportedly transferred {weapons} to {recipient} {when}, {claimant} said, citing officials.",
          "{claimant} said it suspected {supplier} of providing {weapons} to {recipient}."]
DENIED = ["{supplier} denied that it had supplied {weapons} to {recipient}.",
          "{denier} rejected the claims that {supplier} sent {weapons} to {recipient} as baseless."]
USE = ["{user} launched {weapons} at {target} {when}, {claimant} said.",
       "{user} used {weapons} against {target} {when}, according to {claimant}."]
INTERCEPT = ["{claimant} said its forces intercepted {weapons} fired by {user} {when}.",
             "Air defences shot down {weapons} launched from {user} territory {when}, {claimant} said."]
PRODUCE = ["{producer} began producing {weapons} under licence {when}, {claimant} said.",
           "{producer} has started assembling {weapons} at a plant near {capital}, {claimant} said."]
TRAIN = ["{trainer} trained {trainee} troops to operate {weapons} {when}, {claimant} said.",
         "Soldiers from {trainee} completed training on {weapons} in {trainer_name}, {claimant} said."]
SANCTION = ["{sanctioner} imposed sanctions on {target_name} over the transfer of {weapons} {when}.",
            "{sanctioner} sanctioned firms in {target_name} accused of supplying {weapons}."]
BACKGROUND = ["The war has reshaped the market for {class_word} across the region.",
              "Officials in {capital} did not respond to a request for comment.",
              "Analysts said the figures could not be independently verified.",
              "{state} has increased its defence budget for the third year in a row.",
              "The talks in {capital} are expected to continue next month.",
              "Exports of {class_word} have grown since the conflict began, researchers said.",
              "Diplomats said the matter would be raised at the next meeting of the alliance.",
              "The ministry published a statement on its website later in the day.",
              "Satellite images taken last week showed new activity at the site.",
              "Parliament is due to debate the budget in the autumn."]
CHROME = ["Read more: {title}", "Share this article", "Subscribe to our newsletter for the latest updates.",
          "Advertisement", "Related: {title}", "Follow us on social media", "Comments (3)"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CLASS_WORDS = {"uav": "drones", "missile": "missiles", "artillery": "artillery", "ammunition": "ammunition",
               "tank": "tanks", "aircraft": "combat aircraft", "air-defence": "air-defence systems"}
WIRES = ["Reuters", "the Associated Press", "Agence France-Presse", "a government spokesperson"]


@dataclass(frozen=True)
class Story:
    """One event several articles report: who, whom, what, when."""

    kind: str
    actor: dict
    other: dict
    weapon: dict
    day: date


class Vocabulary:
    """The names the templates draw on, from the gazetteers (states that have demonyms and capitals)."""

    def __init__(self) -> None:
        gaz = load_gazetteers()
        self.states = [{"code": s.code, "name": s.name, "demonym": s.demonyms[0], "capital": s.capitals[0]}
                       for s in gaz.states if s.demonyms and s.capitals and not s.historical]
        self.organs: dict[str, list[str]] = {}
        for organ in gaz.organs:
            if organ.names:
                self.organs.setdefault(organ.state, []).append(organ.names[0])
        self.people: dict[str, list[str]] = {}
        for person in gaz.people:
            if person.actor and person.role:
                self.people.setdefault(person.actor, []).append(f"{person.role} {person.name}")
        self.weapons = [{"name": w.name, "class": w.weapon_class} for w in gaz.weapons if w.name]


def _claimant(rng: random.Random, vocab: Vocabulary, state: dict) -> str:
    choice = rng.random()
    if choice < 0.45 and vocab.organs.get(state["code"]):
        return f"the {rng.choice(vocab.organs[state['code']])}".replace("the The ", "the ")
    if choice < 0.7 and vocab.people.get(state["code"]):
        return rng.choice(vocab.people[state["code"]])
    if choice < 0.85:
        return f"{state['name']}'s defence ministry"
    return rng.choice(WIRES)


def _weapons(rng: random.Random, weapon: dict) -> str:
    count = rng.choice(["", "two ", "several ", "dozens of ", "12 ", "a batch of ", "more than 100 "])
    noun = CLASS_WORDS.get(weapon["class"], "systems")
    return f"{count}{weapon['name']} {noun}".strip()


def _when(rng: random.Random, day: date) -> str:
    return rng.choice([f"on {day:%B} {day.day}, {day.year}", f"in {day:%B} {day.year}", f"last {day:%B}",
                       "earlier this year", f"in {day.year}"])


def _event_sentence(rng: random.Random, vocab: Vocabulary, story: Story) -> str:
    a, b, w = story.actor, story.other, story.weapon
    teller = rng.choice([a, b, rng.choice(vocab.states)])
    fields = {"claimant": _claimant(rng, vocab, teller), "weapons": _weapons(rng, w), "when": _when(rng, story.day),
              "weekday": rng.choice(WEEKDAYS), "supplier": a["name"], "recipient": b["name"], "user": a["name"],
              "target": b["capital"], "producer": a["name"], "capital": a["capital"], "trainer": a["name"],
              "trainer_name": a["name"], "trainee": b["demonym"], "sanctioner": a["name"], "target_name": b["name"],
              "denier": f"{a['name']}'s foreign ministry"}
    if story.kind == "supply":
        stance = rng.random()
        templates = SUPPLY if stance < 0.7 else HEDGED if stance < 0.88 else DENIED
    else:
        templates = {"use": USE, "intercept": INTERCEPT, "produce": PRODUCE, "train": TRAIN,
                     "sanction": SANCTION}[story.kind]
    sentence = rng.choice(templates).format(**fields)
    return sentence[0].upper() + sentence[1:]


KINDS = ["supply"] * 6 + ["use", "intercept", "produce", "train", "sanction"]


def story(seed: int, vocab: Vocabulary, j: int) -> Story:
    """Story j of the corpus of `seed` (the same whatever the corpus size)."""
    rng = random.Random(f"{seed}-story-{j}")
    actor, other = rng.sample(vocab.states, 2)
    return Story(rng.choice(KINDS), actor, other, rng.choice(vocab.weapons),
                 date(2014, 1, 1) + timedelta(days=rng.randrange(4_000)))


def _story_of(rng: random.Random, seed: int, vocab: Vocabulary, index: int) -> Story:
    """A story for article `index`: one of the first index/8 + 50, so about eight articles report each."""
    return story(seed, vocab, rng.randrange(index // 8 + 50))


def article(seed: int, vocab: Vocabulary, index: int) -> dict:
    """Article `index`: a headline, 4 to 36 paragraphs of events and background, chrome lines between them."""
    rng = random.Random(f"{seed}-{index}")
    lead = _story_of(rng, seed, vocab, index)
    also = [_story_of(rng, seed, vocab, index) for _ in range(rng.randrange(0, 4))]
    title = _event_sentence(rng, vocab, lead).split(",")[0].rstrip(".")
    paragraphs = [title]
    for _ in range(rng.choice([4, 6, 9, 12, 16, 24, 36])):
        roll = rng.random()
        if roll < 0.35:
            paragraphs.append(_event_sentence(rng, vocab, rng.choice([lead, *also])))
        elif roll < 0.93:
            state = rng.choice(vocab.states)
            sentences = [rng.choice(BACKGROUND).format(class_word=CLASS_WORDS[rng.choice(list(CLASS_WORDS))],
                                                       capital=state["capital"], state=state["name"])
                         for _ in range(rng.randrange(2, 5))]
            paragraphs.append(" ".join(sentences))
        else:
            other = _event_sentence(rng, vocab, _story_of(rng, seed, vocab, index))
            paragraphs.append(rng.choice(CHROME).format(title=other[:80]))
    published = lead.day + timedelta(days=rng.randrange(0, 30))
    return {"id": f"scale-{index:07d}", "title": title, "text": "\n\n".join(paragraphs) + "\n",
            "published": published.isoformat(), "url": f"https://news.example/{index}"}


def articles(n: int, seed: int = 15, start: int = 0) -> Iterator[dict]:
    """Articles start .. start + n - 1 of the corpus of `seed` (the same article for the same index and seed)."""
    vocab = Vocabulary()
    for index in range(start, start + n):
        yield article(seed, vocab, index)


def write_corpus(out: Path, n: int, seed: int = 15, start: int = 0) -> list[Path]:
    """Articles start .. start + n - 1 written as JSONL files of at most PER_FILE articles under `out`."""
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    batch: list[str] = []
    for k, art in enumerate(articles(n, seed, start)):
        batch.append(json.dumps(art, ensure_ascii=False))
        if len(batch) == PER_FILE or k == n - 1:
            files.append(out / f"articles-{start + k + 1 - len(batch):07d}.jsonl")
            files[-1].write_text("\n".join(batch) + "\n", encoding="utf-8")
            batch = []
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1_000)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    files = write_corpus(args.out, args.n, args.seed)
    words = sum(len(json.loads(line)["text"].split()) for f in files for line in f.open(encoding="utf-8"))
    print(f"{args.n:,} articles, {words:,} words, in {len(files)} file(s) under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
