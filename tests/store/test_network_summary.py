"""The stored network (schema v8) answers exactly as the records did, and is never stale.

Real text through the real pipeline (the multi-document articles, with their
syndicated copy, and 30 articles of the scale corpus), then reviews: verdicts,
corrections that change a stance or move a record to another edge, a verdict
taken back. After each, `network()` must equal the query it replaced
(`network_reference.py`, the schema v7 code) for the unfiltered network at
several `top`s and for filtered ones, and the unfiltered answer must come from
the summary, not from a fall-back.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from armstrace.analysis import ensure_events
from armstrace.analysis.access import write
from armstrace.engines.local import ingest_paths
from armstrace.records import Article, Record
from armstrace.errors import UsageError
from armstrace.store import LATEST_VERSION, RecordFilter, Store
from armstrace.store.network import network, network_json
from armstrace.store import network_summary
from armstrace.store.network_summary import is_fresh
from armstrace.store.reviews import add_review

sys.path.insert(0, str(Path(__file__).resolve().parent))   # network_reference.py beside the tests

import network_reference
from sql_steps import sql_steps

pytestmark = [pytest.mark.slow, pytest.mark.issue(15)]
MULTI = Path(__file__).resolve().parents[1] / "articles" / "multi"   # as conftest.py ingests
TOPS = (0, 3, 8, 20)
FILTERS = [RecordFilter(include_rejected=True), RecordFilter(type="transfer"), RecordFilter(stance="denied"),
           RecordFilter(actor="RUS"), RecordFilter(since="2023", until="2024-06"), RecordFilter(review="wrong"),
           RecordFilter(review="corrected", include_rejected=True)]


@pytest.fixture
def store(ingested_store: Store) -> Store:
    """A copy of the ingested database of real articles (conftest.py), for this test alone."""
    return ingested_store


def _same_as_the_records(store: Store) -> None:
    """Every answer equals the v7 query's; the unfiltered one is read from an up-to-date summary."""
    with store.snapshot():
        assert is_fresh(store)
    for top in TOPS:
        assert network(store, RecordFilter(), top=top) == network_reference.network(store, RecordFilter(), top=top)
    for flt in FILTERS:
        assert network(store, flt, top=3) == network_reference.network(store, flt, top=3), flt


def _edge_records(store: Store, kind: str, source: str, target: str) -> list[Record]:
    return [r for r in store.records(type=kind, actor=source, include_rejected=True)
            if r.actor == source and (r.location or r.actor if kind == "production" else r.recipient) == target]


def test_summary_of_real_articles_equals_the_records_query(store):
    body = network(store, RecordFilter())
    assert len(body["nodes"]) > 8 and len(body["edges"]) > 8   # enough actors for `top` to fold
    _same_as_the_records(store)


def test_summary_follows_reviews_and_corrections(store):
    edges = sorted(network(store, RecordFilter())["edges"], key=lambda e: -e["n_records"])
    big, second = edges[0], edges[1]
    records = _edge_records(store, big["type"], big["source"], big["target"])
    add_review(store, records[0].record_id, verdict="wrong", reviewer="ana")
    _same_as_the_records(store)
    add_review(store, records[1].record_id, corrections={"stance": "denied"}, reviewer="ana")
    _same_as_the_records(store)
    # A correction that moves a record to another edge, then one that moves it again.
    moved = records[2]
    add_review(store, moved.record_id, corrections={"actor": second["source"]}, reviewer="ben")
    _same_as_the_records(store)
    add_review(store, moved.record_id, corrections={"type": "use"}, reviewer="ben")
    _same_as_the_records(store)
    # The wrong verdict taken back.
    add_review(store, records[0].record_id, verdict="right", reviewer="cy")
    _same_as_the_records(store)


def test_summary_follows_a_reingest_and_a_replaced_document(store, tmp_path):
    add_review(store, store.records(limit=1)[0].record_id, corrections={"claimant": "GBR"}, reviewer="ana")
    victim = store.records(type="transfer", limit=1)[0].doc_id
    article = store.get_document(victim)
    # The same document with its records gone (a newer extractor found nothing), then clustered again.
    store.save_document(article.model_copy(update={"text": article.text + "\nCorrection appended."}), [])
    ensure_events(store)
    _same_as_the_records(store)
    ingest_paths([MULTI], db=store.path, n_process=1, force=True)
    _same_as_the_records(store)


def test_a_record_reviewed_wrong_leaves_the_network_at_once(api_server, ingested):
    with sqlite3.connect(ingested) as source, sqlite3.connect(api_server.db) as dest:
        source.backup(dest)
    _, before = api_server.get("/api/network")
    edge = min((e for e in before["edges"] if e["n_records"] <= 3), key=lambda e: e["id"])
    with Store(api_server.db) as store:
        ids = [r.record_id for r in _edge_records(store, edge["type"], edge["source"], edge["target"])]
    for record_id in ids:
        status, _ = api_server.post(f"/api/records/{record_id}/review", {"verdict": "wrong"})
        assert status == 201
    _, after = api_server.get("/api/network")
    _, with_rejected = api_server.get("/api/network", include_rejected="true")
    assert (edge["id"] in {e["id"] for e in after["edges"]},
            edge["id"] in {e["id"] for e in with_rejected["edges"]}) == (False, True)


def test_a_record_on_no_edge_can_be_reviewed_and_its_document_ingested_again(api_server, ingested):
    # (a use with no target is on no edge: its review recounted "()" and failed with a syntax error, 500)
    with sqlite3.connect(ingested) as source, sqlite3.connect(api_server.db) as dest:
        source.backup(dest)
    with Store(api_server.db) as store:
        record = next(r for r in store.records(limit=10_000) if r.type in ("use", "transfer") and not r.recipient)
    status, _ = api_server.post(f"/api/records/{record.record_id}/review",
                                {"corrections": {"stance": "hedged"}})
    assert status == 201
    ingest_paths([MULTI], db=api_server.db, n_process=1, force=True)   # clustering after the reviewed re-ingest
    with Store(api_server.db) as store:
        assert store._query("SELECT count(*) FROM reviews")[0][0] == 1
        assert network_reference.network(store, RecordFilter()) == api_server.get("/api/network")[1]


def test_a_new_ingest_shows_in_the_network_at_once(api_server, tmp_path):
    ingest_paths([MULTI / "seoul-wire-dprk-shells.jsonl"], db=api_server.db, n_process=1)
    _, before = api_server.get("/api/network")
    ingest_paths([MULTI], db=api_server.db, n_process=1)   # by another connection, as `armstrace ingest` does
    _, after = api_server.get("/api/network")
    assert ({"IRN", "PRK"} & {n["id"] for n in before["nodes"]},
            {"IRN", "PRK"} <= {n["id"] for n in after["nodes"]}) == ({"PRK"}, True)
    with Store(api_server.db) as store:
        assert after == network_reference.network(store, RecordFilter())


def test_stale_edges_found_a_few_at_a_time_add_up_to_the_records_answer(store, monkeypatch):
    """Each refresh recounts only its stale edges, from records found by index two edges per query."""
    monkeypatch.setattr(network_summary, "_EDGES_PER_QUERY", 2)
    edges = sorted(network(store, RecordFilter())["edges"], key=lambda e: (-e["n_records"], e["target"]))
    moved = _edge_records(store, edges[0]["type"], edges[0]["source"], edges[0]["target"])[0]
    add_review(store, moved.record_id, corrections={"recipient": edges[1]["target"]}, reviewer="ana")
    _same_as_the_records(store)
    keys = [tuple(row) for row in store._query("SELECT type, source, target FROM network_edges ORDER BY n_records")]
    half = keys[: len(keys) // 2]   # at most half: more is recounted in one pass over every record
    with write(store) as conn:
        conn.executemany("INSERT INTO network_stale (type, source, target) VALUES (?, ?, ?)", half)
        # what only a recount puts back (the answer is read from `item`)
        conn.execute("UPDATE network_edges SET n_records = 0, item = json_set(item, '$.n_records', 0)")
        assert network_summary.refresh(store) == len(half)
    changed = {(e["type"], e["source"], e["target"]) for e in network(store, RecordFilter())["edges"]
               if e["n_records"]}
    assert changed == set(half)
    with write(store) as conn:   # the rest of the edges, then every answer is the records' again
        conn.executemany("INSERT INTO network_stale (type, source, target) VALUES (?, ?, ?)",
                         keys[len(keys) // 2:])
        network_summary.refresh(store)
    _same_as_the_records(store)


def test_the_unfiltered_answer_is_kept_until_any_connection_commits(store):
    first = network_json(store, RecordFilter(), top=3)
    again = sql_steps(store, lambda: network_json(store, RecordFilter(), top=3))
    assert network_json(store, RecordFilter(), top=3) == first and again < 10   # answered without reading
    assert network_json(store, RecordFilter(), top=0) != first                  # each `top` its own answer
    edges = sorted(network(store, RecordFilter())["edges"], key=lambda e: (-e["n_records"], e["target"]))
    records = _edge_records(store, edges[0]["type"], edges[0]["source"], edges[0]["target"])
    with Store(store.path) as other:   # a reviewer on another connection (the API's own is read-only)
        add_review(other, records[0].record_id, verdict="wrong", reviewer="ana")
    after_other = network_json(store, RecordFilter(), top=3)
    assert after_other != first
    assert json.loads(after_other) == network_reference.network(store, RecordFilter(), top=3)
    add_review(store, records[1].record_id, verdict="wrong", reviewer="ben")   # and on this one
    after_own = network_json(store, RecordFilter(), top=3)
    assert after_own != after_other
    assert json.loads(after_own) == network_reference.network(store, RecordFilter(), top=3)


def test_reads_of_corrected_records_keep_the_unfiltered_answer(store):
    """Filtered reads fill a TEMP table of corrected records on the same connection: not a write."""
    edges = sorted(network(store, RecordFilter())["edges"], key=lambda e: (-e["n_records"], e["target"]))
    moved = _edge_records(store, edges[0]["type"], edges[0]["source"], edges[0]["target"])[0]
    add_review(store, moved.record_id, corrections={"actor": edges[1]["source"]}, reviewer="ana")
    first = network_json(store, RecordFilter(), top=3)
    network_json(store, RecordFilter(type="transfer"), top=3)   # reads the corrected records
    store.records(RecordFilter(actor=edges[1]["source"]))
    again = sql_steps(store, lambda: network_json(store, RecordFilter(), top=3))
    assert again < 10
    assert json.loads(first) == network_reference.network(store, RecordFilter(), top=3)


def _undo_v10(conn: sqlite3.Connection) -> None:
    """The indexes before schema v10: edges not found by their ends, records by actor alone."""
    for index in ("network_edges_source", "records_block", "records_produced"):
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    conn.execute("CREATE INDEX records_actor ON records(actor)")


def test_a_schema_v7_database_is_migrated_and_back_filled(store):
    expected = {top: network_reference.network(store, RecordFilter(), top=top) for top in TOPS}
    sources = dict(store._query("SELECT record_id, source FROM event_claims"))
    path = store.path
    store.close()
    with sqlite3.connect(path) as conn:   # undo v8: what armstrace wrote before issue 15
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'network%'"):
            conn.execute(f"DROP TRIGGER {name}")
        for table in ("network_edges", "network_nodes", "network_stale", "network_stale_records"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP INDEX records_timeline")
        conn.execute("ALTER TABLE event_claims DROP COLUMN source")
        _undo_v10(conn)
        conn.execute("PRAGMA user_version = 7")
    with Store(path) as migrated:
        assert migrated.schema_version() == LATEST_VERSION
        assert dict(migrated._query("SELECT record_id, source FROM event_claims")) == sources
        assert {top: network(migrated, RecordFilter(), top=top) for top in TOPS} == expected
        with migrated.snapshot():
            assert is_fresh(migrated)


def test_a_schema_v8_database_gets_its_edges_answers_and_the_same_network(store):
    expected = {top: network_reference.network(store, RecordFilter(), top=top) for top in TOPS}
    path = store.path
    store.close()
    with sqlite3.connect(path) as conn:   # undo v9: the summary as issue 15's first landing stored it
        conn.execute("ALTER TABLE network_edges DROP COLUMN item")
        _undo_v10(conn)
        conn.execute("PRAGMA user_version = 8")
    with pytest.raises(UsageError, match=f"v8 is older than v{LATEST_VERSION}; open it for writing once"):
        Store(path, readonly=True)   # not yet upgraded: a read-only open says how
    with Store(path) as migrated:
        assert migrated.schema_version() == LATEST_VERSION
        assert migrated._query("SELECT count(*) FROM network_edges WHERE item IS NULL")[0][0] == 0
        indexes = {name for (name,) in migrated._query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"network_edges_source", "network_edges_target", "records_block", "records_produced"} <= indexes
        assert "records_actor" not in indexes
        with migrated.snapshot():
            assert is_fresh(migrated)
        assert {top: network(migrated, RecordFilter(), top=top) for top in TOPS} == expected


def _edge_store(path: Path, n_docs: int) -> Store:
    """`n_docs` documents, each with the same three claims: the records grow, the graph does not."""
    store = Store(path)
    for i in range(n_docs):
        text = "Iran sent drones to Russia. Russia struck Ukraine. The EU sanctioned Iran."
        claims = [("transfer", "IRN", "RUS", 0, 27), ("use", "RUS", "UKR", 28, 49), ("sanction", "eu", "IRN", 50, 73)]
        store.save_document(Article(doc_id=f"doc-{i}", text=text, published="2024-01-02"), [
            Record(doc_id=f"doc-{i}", type=kind, actor=actor, recipient=recipient, claimant="USA",
                   stance="asserted", evidence=text[start:end], evidence_start=start, evidence_end=end)
            for kind, actor, recipient, start, end in claims])
    ensure_events(store)
    return store


def _steps(store: Store) -> int:
    """SQLite's steps for one unfiltered network: the work the database does."""
    return sql_steps(store, lambda: network(store, RecordFilter()))


def test_the_unfiltered_network_costs_the_graph_not_the_records(tmp_path):
    with _edge_store(tmp_path / "small.db", 20) as small, _edge_store(tmp_path / "big.db", 400) as big:
        small_steps, big_steps = _steps(small), _steps(big)
        assert network(big, RecordFilter())["edges"][0]["n_documents"] == 400
    # 20 times the records on the same three edges: the same work, give or take the reading of names.
    assert big_steps <= small_steps + 2, (small_steps, big_steps)


def test_opening_while_another_writer_holds_the_lock_still_answers(tmp_path):
    """The summary is built at the first writable open; a busy database opens anyway and computes the answer."""
    with _edge_store(tmp_path / "busy.db", 3) as store:
        expected = network(store, RecordFilter())
        with store._write() as conn:
            conn.execute("INSERT INTO network_stale VALUES ('*', '*', '*')")   # as schema v8 leaves it
    blocker = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")   # an ingest clustering
    try:
        with Store(tmp_path / "busy.db") as opened:
            assert network(opened, RecordFilter()) == expected
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with Store(tmp_path / "busy.db") as opened, opened.snapshot():
        assert is_fresh(opened)
