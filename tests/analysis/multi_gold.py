"""Gold for the multi-document fixtures (tests/articles/multi/): events, records, pairwise scores.

Each gold record names the sentence it comes from and the real-world event it
belongs to. `gold_records()` gives the records a perfect extractor would give
(per ../shared/eval/GUIDELINES.md), so the analysis can be scored without the
extractor; `label_of()` maps any extracted record to a gold event by its
sentence and type, so the analysis can be scored on real extraction too.

    .venv/bin/python tests/analysis/multi_gold.py [--extract]   # prints pairwise P/R
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

from armstrace.records import Article, Record

MULTI = Path(__file__).resolve().parents[1] / "articles" / "multi"

# (doc_id, sentence start, gold event, record fields)
GOLD: list[tuple[str, str, str, dict[str, Any]]] = []
for copy in ("harbour-times-iran-drones", "valley-courier-iran-drones"):
    GOLD += [
        (copy, "Iran supplied Shahed-136 drones to Russia in August 2022", "iran-uav-transfer-2022",
         {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav", "weapons": ["shahed-136"],
              "claimant": "USA", "speaker": "US officials", "stance": "asserted", "time": "2022-08", "time_precision": "month"}),
        (copy, "The officials said Russian military personnel had travelled to Iran", "iran-uav-training-2022",
         {"type": "training", "actor": "IRN", "recipient": "RUS", "location": "IRN", "weapon_class": "uav",
              "claimant": "USA", "speaker": "The officials", "stance": "asserted"}),
        (copy, "Since September, Russia has launched the drones", "russia-uav-use-2022",
         {"type": "use", "actor": "RUS", "recipient": "UKR", "location": "UKR", "weapon_class": "uav",
              "claimant": "UKR", "speaker": "Ukrainian officials", "stance": "asserted"}),
    ]
GOLD += [
    ("kyiv-ledger-iran-drones", "Ukraine's defence intelligence agency said Iran had supplied", "iran-uav-transfer-2022",
     {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav", "weapons": ["shahed-136"],
          "claimant": "UKR", "speaker": "Ukraine's defence intelligence agency", "stance": "asserted"}),
    ("kyiv-ledger-iran-drones", "Ukraine's air force said it had shot down", "russia-uav-use-2022",
     {"type": "use", "actor": "RUS", "recipient": "UKR", "location": "UKR", "place": "Kyiv", "weapon_class": "uav",
          "claimant": "UKR", "speaker": "Ukraine's air force", "stance": "asserted"}),
    ("kyiv-ledger-iran-drones", "Iran's foreign ministry denied that Iran had supplied drones", "iran-uav-transfer-2022",
     {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav", "claimant": "IRN",
          "speaker": "Iran's foreign ministry", "stance": "denied"}),
    ("seoul-wire-dprk-shells", "North Korea supplied more than one million artillery shells", "dprk-shells-2023",
     {"type": "transfer", "actor": "PRK", "recipient": "RUS", "weapon_class": "artillery", "claimant": "KOR",
          "speaker": "South Korea's intelligence service", "stance": "asserted", "time": "2023", "time_precision": "year",
          "quantity": {"min": 1000000, "max": None}}),
    ("seoul-wire-dprk-shells", "The agency told lawmakers the shells had gone", "dprk-shells-2023",
     {"type": "transfer", "actor": "PRK", "recipient": "RUS", "weapon_class": "artillery", "claimant": "KOR",
          "speaker": "The agency", "stance": "asserted"}),
    ("seoul-wire-dprk-shells", "North Korea denied supplying weapons to Russia.", "dprk-arms-denial",
     {"type": "transfer", "actor": "PRK", "recipient": "RUS", "weapon_class": "arms", "claimant": "PRK",
          "speaker": "North Korea", "stance": "denied"}),
    ("capital-post-iran-missiles", "Iran has delivered Fath-360 ballistic missiles", "iran-missile-transfer-2024",
     {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "missile", "weapons": ["fath-360"],
          "claimant": "USA", "speaker": "Antony Blinken", "stance": "asserted"}),
    ("capital-post-iran-missiles", "Blinken said Russia was likely to use the missiles", "russia-missile-use-2024",
     {"type": "use", "actor": "RUS", "recipient": "UKR", "location": "UKR", "weapon_class": "missile",
          "claimant": "USA", "speaker": "Blinken", "stance": "hedged"}),
    ("capital-post-iran-missiles", "Iran's foreign ministry denied sending ballistic missiles", "iran-missile-transfer-2024",
     {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "missile", "claimant": "IRN",
          "speaker": "Iran's foreign ministry", "stance": "denied"}),
]


def load_articles() -> dict[str, Article]:
    """The fixture articles as the JSONL reader would give them (text, title, date)."""
    articles = {}
    for path in sorted(MULTI.glob("*.jsonl")):
        obj = json.loads(path.read_text(encoding="utf-8"))
        articles[obj["id"]] = Article(doc_id=obj["id"], text=obj["text"], title=obj["title"],
                                      published=obj["published"], source_format="jsonl")
    return articles


def _sentence(text: str, start_words: str) -> tuple[int, int]:
    start = text.index(start_words)
    end = text.find("\n", start)
    return start, (len(text) if end < 0 else end)


def gold_records() -> list[Record]:
    """The records a perfect extractor would give for the fixtures."""
    articles = load_articles()
    records = []
    for doc_id, start_words, _event, fields in GOLD:
        article = articles[doc_id]
        start, end = _sentence(article.text, start_words)
        records.append(Record(doc_id=doc_id, evidence=article.text[start:end], evidence_start=start,
                              evidence_end=end, published=article.published, **fields))
    return records


BLOCK_FIELDS = ("type", "actor", "recipient", "weapon_class")


def label_of(record: Record) -> str | None:
    """The gold event of a record, by its document, sentence, type, parties and class; None if gold has none.

    A record whose parties or class are wrong is an extraction error, not a
    clustering one: it stays unlabelled and out of the pairwise scores.
    """
    for doc_id, start_words, event, fields in GOLD:
        if (record.doc_id == doc_id and start_words in record.evidence
                and all(getattr(record, name) == fields.get(name) for name in BLOCK_FIELDS)):
            return event
    return None


def pairwise_scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering (record id -> event) against gold (record id -> event)."""
    ids = sorted(set(predicted) & set(gold))
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn, "records": len(ids)}


def _main(argv: list[str]) -> None:
    import tempfile

    from armstrace.analysis import update_events
    from armstrace.analysis.access import query
    from armstrace.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "multi.db"
        if "--extract" in argv:
            from armstrace.engines.local import ingest_paths

            ingest_paths([MULTI], db=db)
        else:
            with Store(db) as store:
                records = gold_records()
                for doc_id, article in load_articles().items():
                    store.save_document(article, [r for r in records if r.doc_id == doc_id])
                update_events(store)
        with Store(db) as store:
            records = store.records()
            predicted = {row["record_id"]: row["event_id"] for row in query(store, "SELECT * FROM event_claims")}
    gold = {r.record_id: label for r in records if (label := label_of(r)) is not None}
    missing = [g[:2] for g in GOLD if not any(label_of(r) == g[2] and r.doc_id == g[0] and g[1] in r.evidence
                                              for r in records)]
    unlabelled = [(r.doc_id, r.type, r.actor, r.recipient, r.weapon_class, r.claimant, r.stance, r.evidence[:50])
                  for r in records if label_of(r) is None]
    print(json.dumps({"source": "extracted" if "--extract" in argv else "gold records",
                      **pairwise_scores(predicted, gold),
                      "unlabelled_records": unlabelled, "gold_claims_missing": missing,
                      "events_by_gold": {label: sorted({predicted[r.record_id] for r in records
                                                        if label_of(r) == label and r.record_id in predicted})
                                         for label in sorted({g[2] for g in GOLD})}}, indent=1))


if __name__ == "__main__":
    _main(sys.argv[1:])
