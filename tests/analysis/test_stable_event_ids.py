"""Event ids depend on what is stored, never on how it arrived: one run, halves, reverse order, two processes.

A user's saved link to an event (`#event=ev-...`) must survive the corpus
being ingested in another order or split. The corpus is real: the demo pages
and the multi-document fixtures, extracted once by the real pipeline; the
concurrent case runs two real `armstrace ingest` processes on one file.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import make_claim, save

from armstrace.analysis import update_events
from armstrace.analysis.access import query
from armstrace.engines.local import extract_docs
from armstrace.ingest import read_documents
from armstrace.records import Article, Record
from armstrace.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [ROOT / "demo", ROOT / "tests" / "articles" / "multi"]

Doc = tuple[Article, list[Record]]


def _events(db: Path) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """(record id -> event id, event id -> (claims, documents)) as stored."""
    with Store(db, readonly=True) as store:
        members = {row[0]: row[1] for row in query(store, "SELECT record_id, event_id FROM event_claims")}
        sizes = {row[0]: (row[1], row[2]) for row in query(store, "SELECT event_id, n_claims, n_documents FROM events")}
    return members, sizes


def _store_runs(db: Path, runs: Sequence[Sequence[Doc]]) -> Path:
    """Store each run as `armstrace ingest` does: every document, then one `update_events`."""
    for run in runs:
        with Store(db) as store:
            for article, records in run:
                store.save_document(article, records)
            update_events(store)
    return db


@pytest.fixture(scope="module")
def corpus(nlp) -> list[Doc]:
    articles = [a for a in read_documents(CORPUS) if isinstance(a, Article)]
    docs = [(article, result) for article, result in extract_docs(nlp, articles) if isinstance(result, list)]
    assert len(docs) >= 18 and sum(len(r) for _, r in docs) >= 100
    return docs


@pytest.fixture(scope="module")
def one_run(corpus, tmp_path_factory) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    return _events(_store_runs(tmp_path_factory.mktemp("one") / "a.db", [corpus]))


@pytest.mark.parametrize("split", ["halves", "halves-reversed", "reverse", "one-by-one", "one-by-one-reversed"])
def test_event_ids_do_not_depend_on_ingest_order_or_split(corpus, one_run, tmp_path, split):
    half = len(corpus) // 2
    runs = {"halves": [corpus[:half], corpus[half:]], "halves-reversed": [corpus[half:], corpus[:half]],
            "reverse": [corpus[::-1]], "one-by-one": [[d] for d in corpus],
            "one-by-one-reversed": [[d] for d in reversed(corpus)]}[split]
    members, sizes = _events(_store_runs(tmp_path / "b.db", runs))
    moved = {r for r in members if members[r] != one_run[0].get(r)}
    assert (len(moved), sizes) == (0, one_run[1])


def test_event_ids_are_the_same_after_two_concurrent_ingests(one_run, tmp_path):
    halves = [tmp_path / "first", tmp_path / "second"]
    for folder in halves:
        folder.mkdir()
    files = sorted(p for root in CORPUS for p in root.rglob("*") if p.is_file())
    for i, path in enumerate(files):
        shutil.copy(path, halves[i % 2] / path.name)
    db = tmp_path / "c.db"
    Store(db).close()   # created once, so that the two processes race on ingesting, not on creating
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cli = [sys.executable, "-m", "armstrace"]
    procs = [subprocess.Popen([*cli, "ingest", str(folder), "--db", str(db)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for folder in halves]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    members, sizes = _events(db)
    moved = {r for r in members if members[r] != one_run[0].get(r)}
    assert (len(members), len(moved), sizes) == (len(one_run[0]), 0, one_run[1])


def test_event_id_is_the_same_whichever_report_arrives_first(tmp_path):
    early = ("early", [make_claim(evidence="Iran sent drones, US says.")], "2022-10-01")
    late = ("late", [make_claim(evidence="Kyiv says Iran sent drones.", claimant="UKR")], "2022-10-20")
    ids = []
    for name, order in (("a", [early, late]), ("b", [late, early])):
        with Store(tmp_path / f"{name}.db") as store:
            for doc_id, claims, published in order:
                save(store, doc_id, claims, published=published)
                update_events(store, [doc_id])
            ids.append(sorted(r[0] for r in query(store, "SELECT event_id FROM events")))
    assert ids[0] == ids[1] and len(ids[0]) == 1


def test_v3_events_are_cleared_by_the_v4_migration_and_reclustered_by_the_next_update(tmp_path, monkeypatch):
    """A v3 database's event ids were carried over from earlier updates: v4 clears them, the next ingest re-clusters."""
    import sqlite3

    from armstrace.analysis import list_events, pending_updates
    from armstrace.store import migrations

    db = tmp_path / "v3.db"
    conn = sqlite3.connect(db, isolation_level=None)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
    migrations.apply_migrations(conn)
    monkeypatch.undo()
    conn.execute("INSERT INTO documents (doc_id, content_hash, source_format, text, ingested_at) "
                 "VALUES ('a', 'h', 'txt', 'Iran sent drones.', '2023-01-01')")
    claim = make_claim(doc_id="a", evidence="Iran sent drones.")
    conn.execute("INSERT INTO records (record_id, doc_id, type, actor, recipient, weapon_class, claimant, stance, "
                 "evidence, evidence_start, evidence_end, confidence, extractor_version, data_version, position) "
                 "VALUES (?, 'a', 'transfer', 'IRN', 'RUS', 'uav', 'USA', 'asserted', ?, 0, 17, 1, 'x', 'x', 0)",
                 (claim.record_id, claim.evidence))
    conn.execute("INSERT INTO events (event_id, block, type, actor, anchor, n_claims, n_documents) "
                 "VALUES ('ev-carried-over', '[]', 'transfer', 'IRN', ?, 1, 1)", (claim.record_id,))
    conn.execute("INSERT INTO event_claims VALUES (?, 'ev-carried-over', 'old')", (claim.record_id,))
    conn.close()
    with Store(db) as store:
        before = (store.schema_version(), list_events(store), pending_updates(store))
        update_events(store)
        (event,) = list_events(store)
    assert (before, event.event_id.startswith("ev-"), event.event_id != "ev-carried-over", event.n_independent) == (
        (migrations.LATEST_VERSION, [], 1), True, True, 1)
