"""Store fixtures: an open Store on a temp file, and hand-built articles and records."""
from __future__ import annotations

import importlib.util
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from armstrace.records import Article, Record
from armstrace.store import Store

MULTI = Path(__file__).resolve().parents[1] / "articles" / "multi"
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

TEXT = "Iran has sent Shahed-136 drones to Russia, US officials said. Tehran denied it."


def make_article(doc_id: str = "doc-1", text: str = TEXT, **fields: Any) -> Article:
    """An article with a known text; `fields` override the rest."""
    return Article(doc_id=doc_id, text=text, **fields)


def make_record(doc_id: str = "doc-1", **fields: Any) -> Record:
    """A valid transfer record; `fields` override any field."""
    values: dict[str, Any] = {
        "type": "transfer",
        "actor": "IRN",
        "recipient": "RUS",
        "weapon_class": "uav",
        "weapons": ["shahed-136"],
        "claimant": "USA",
        "stance": "asserted",
        "evidence": "Iran has sent Shahed-136 drones to Russia",
        "evidence_start": 0,
        "evidence_end": 41,
        "extractor_version": "armstrace-extract/0.1.0+1",
        "data_version": "data/1",
    }
    values.update(fields)
    return Record(doc_id=doc_id, **values)


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """A fresh Store on a temp file, closed after the test."""
    with Store(db) as opened:
        yield opened


@pytest.fixture
def article() -> Callable[..., Article]:
    """The make_article factory."""
    return make_article


@pytest.fixture
def record() -> Callable[..., Record]:
    """The make_record factory."""
    return make_record


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real text through the real pipeline, once a module: the multi-document articles (a syndicated copy among
    them) and 30 articles of the scale corpus (`benchmarks/corpus.py`, seed 15): many actors, events and dates."""
    from armstrace.engines.local import ingest_paths

    # benchmarks/ is not a package, and tests/web has a corpus.py of its own: load the file by its path
    spec = importlib.util.spec_from_file_location("armstrace_benchmarks_corpus", BENCHMARKS / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = sys.modules[spec.name] = importlib.util.module_from_spec(spec)   # (its dataclasses look it up)
    spec.loader.exec_module(corpus)
    write_corpus = corpus.write_corpus

    folder = tmp_path_factory.mktemp("ingested")
    db = folder / "ingested.db"
    ingest_paths([MULTI, *write_corpus(folder / "corpus", 30, seed=15)], db=db, n_process=1)
    return db


@pytest.fixture
def ingested_store(ingested: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of `ingested` for one test (reviews and re-ingests stay in it), open for writing."""
    copy = tmp_path / "armstrace.db"
    with sqlite3.connect(ingested) as source, sqlite3.connect(copy) as dest:
        source.backup(dest)
    with Store(copy) as opened:
        yield opened
