"""Re-clustering writes only the events that changed, and the events are those of one run (issue 15).

Clustering per 1,000 new records grew with the corpus (0.62 s at 1,000
articles, 1.50 s at 10,000): every block a new record touched was deleted
and written again whole, syndication compared all the documents of every one
of its events, and each block read every record of its actor. Now an event
that comes out as stored is left alone; these tests pin that the result is
still what one run over everything gives, whatever the batches, on the real
pipeline's records (the demo pages and the multi-document fixtures).
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from conftest import make_claim, save

from armstrace.analysis import update_events
from armstrace.engines.local import extract_docs
from armstrace.ingest import read_documents
from armstrace.records import Article, Record
from armstrace.store import Store

pytestmark = pytest.mark.issue(15)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [ROOT / "demo", ROOT / "tests" / "articles" / "multi"]
Doc = tuple[Article, list[Record]]


def _stored_events(db: Path) -> dict[str, object]:
    """Every column of events (but `stale`), event_claims and event_sources, sorted, with a digest of each."""
    out: dict[str, object] = {}
    with sqlite3.connect(db) as conn:
        for table, order in (("events", "event_id"), ("event_claims", "record_id"),
                             ("event_sources", "event_id, position")):
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] != "stale"]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}").fetchall()
            out[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        out["stale"] = conn.execute("SELECT count(*) FROM events WHERE stale = 1").fetchone()[0]
    return out


def _runs(db: Path, runs: list[list[Doc]]) -> dict[str, object]:
    for run in runs:
        with Store(db) as store:
            for article, records in run:
                store.save_document(article, records)
            update_events(store)
    return _stored_events(db)


@pytest.fixture(scope="module")
def corpus(nlp) -> list[Doc]:
    articles = [a for a in read_documents(CORPUS) if isinstance(a, Article)]
    docs = [(article, result) for article, result in extract_docs(nlp, articles) if isinstance(result, list)]
    assert len(docs) >= 18 and sum(len(r) for _, r in docs) >= 100
    return docs


@pytest.fixture(scope="module")
def one_run(corpus: list[Doc], tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return _runs(tmp_path_factory.mktemp("one") / "a.db", [corpus])


@pytest.mark.parametrize("split", ["thirds", "thirds-reversed", "one-by-one", "one-by-one-reversed"])
def test_batches_store_the_events_and_sources_of_one_run(corpus, one_run, tmp_path, split):
    third = len(corpus) // 3
    thirds = [corpus[:third], corpus[third:2 * third], corpus[2 * third:]]
    runs = {"thirds": thirds, "thirds-reversed": thirds[::-1], "one-by-one": [[d] for d in corpus],
            "one-by-one-reversed": [[d] for d in reversed(corpus)]}[split]
    got = _runs(tmp_path / "b.db", runs)
    assert got == one_run and got["stale"] == 0
    assert got["event_sources"][0] > 0


def test_a_replaced_document_leaves_the_events_of_one_run_over_the_final_corpus(corpus, one_run, tmp_path):
    article, records = corpus[0]
    changed = article.model_copy(update={"text": article.text + "\n\nCorrection appended."})
    db = tmp_path / "c.db"
    _runs(db, [corpus])
    after = _runs(db, [[(changed, records)]])          # replaced: its records leave their events, then come back
    fresh = _runs(tmp_path / "d.db", [[(changed, records)], corpus[1:]])
    assert after == fresh and after["stale"] == 0


def _months(store: Store, n: int) -> None:
    """n events in one block: Iran -> Russia drones in n different months, two reports each."""
    for month in range(1, n + 1):
        for source in ("a", "b"):
            evidence = f"Iran delivered drones to Russia in month {month} of 2022, report {source} said."
            save(store, f"m{month:02d}{source}", [make_claim(evidence=evidence, time=f"2022-{month:02d}")],
                 published=f"2022-{month:02d}-28")


def test_a_new_report_rewrites_only_the_event_it_joins(tmp_path: Path):
    with Store(tmp_path / "e.db") as store:
        _months(store, 12)
        update_events(store)
        conn: sqlite3.Connection = store._conn
        before = conn.total_changes
        save(store, "late", [make_claim(evidence="Iran sent more drones to Russia in March 2022.", time="2022-03")],
             published="2022-04-02")
        saved = conn.total_changes - before
        update = update_events(store)
        written = conn.total_changes - before - saved
    # The March event alone: its old row, claims and source groups deleted, the new ones written, its
    # members' sources, and the network summary's rows for the pair (24 rows). Writing the whole block
    # again, as before, was 149 rows without the last two.
    assert (update.blocks, update.events) == (1, 12)
    assert written <= 40, written
