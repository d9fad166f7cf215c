"""Analysis fixtures: hand-built records in real SQLite files, and the multi-document gold."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from armstrace.analysis import update_events
from armstrace.records import Article, Record
from armstrace.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))  # multi_gold.py beside the tests

from multi_gold import gold_records, load_articles


def make_claim(doc_id: str = "doc-1", evidence: str = "Iran supplied drones to Russia.", **fields: Any) -> Record:
    """A transfer IRN->RUS uav claim by the USA; `fields` override any field."""
    values: dict[str, Any] = {
        "type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav",
        "claimant": "USA", "stance": "asserted", "evidence": evidence,
        "evidence_start": 0, "evidence_end": len(evidence),
    }
    values.update(fields)
    return Record(doc_id=doc_id, **values)


def save(store: Store, doc_id: str, claims: list[Record], *, published: str | None = None,
         text: str | None = None) -> None:
    """Store a document whose text holds its claims' evidence, one sentence a line."""
    body = text if text is not None else "\n".join(dict.fromkeys(c.evidence for c in claims)) or doc_id
    placed = []
    for claim in claims:
        start = body.index(claim.evidence)
        placed.append(claim.model_copy(update={"doc_id": doc_id, "evidence_start": start,
                                               "evidence_end": start + len(claim.evidence)}))
    store.save_document(Article(doc_id=doc_id, text=body, published=published), placed)


@pytest.fixture
def claim() -> Callable[..., Record]:
    """The make_claim factory."""
    return make_claim


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """A fresh Store on a temp file."""
    with Store(db) as opened:
        yield opened


@pytest.fixture
def multi_store(db: Path) -> Iterator[Store]:
    """The multi-document fixtures stored with their gold records, events updated."""
    records = gold_records()
    with Store(db) as opened:
        for doc_id, article in load_articles().items():
            opened.save_document(article, [r for r in records if r.doc_id == doc_id])
        update_events(opened)
        yield opened
