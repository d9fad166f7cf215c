"""Schema v5 for SQL users: the views read as a spreadsheet does, and the full-text indexes follow the data."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from armstrace.analysis import ensure_events
from armstrace.store import LATEST_VERSION, Store
from armstrace.store.migrations import MIGRATIONS, split_statements
from armstrace.store.rows import DOCUMENT_COLUMNS, RECORD_COLUMNS, document_row, insert_sql, record_row

pytestmark = pytest.mark.issue(14)


def _rows(db: Path, sql: str, params: tuple[object, ...] = ()) -> list[dict]:
    """Rows of `sql` read with plain sqlite3, as a datasette or pandas user would."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql, params)]
    finally:
        conn.close()


def test_record_rows_carry_names_url_and_title(store, db, article, record):
    store.save_document(article(title="Drones for Moscow", url="https://example.org/a", published="2024-03-01"),
                        [record(weapons=["shahed-136", "no-such-model"])])
    (row,) = _rows(db, "SELECT * FROM record_rows")
    assert {k: row[k] for k in ("actor", "actor_name", "recipient_name", "claimant_name", "weapon_names",
                                "weapons", "url", "title", "published", "evidence")} == {
        "actor": "IRN", "actor_name": "Iran", "recipient_name": "Russia", "claimant_name": "United States",
        "weapon_names": "Shahed-136; no-such-model", "weapons": '["shahed-136", "no-such-model"]',
        "url": "https://example.org/a", "title": "Drones for Moscow", "published": "2024-03-01",
        "evidence": "Iran has sent Shahed-136 drones to Russia"}


def test_record_rows_leave_unknown_ids_unnamed(store, db, article, record):
    store.save_document(article(), [record(actor="some-militia", claimant="author")])
    (row,) = _rows(db, "SELECT actor, actor_name, claimant_name FROM record_rows")
    assert row == {"actor": "some-militia", "actor_name": None, "claimant_name": "author"}


def test_event_rows_and_claim_network(world, db):
    with Store(db) as store:
        ensure_events(store)
    events = _rows(db, "SELECT * FROM event_rows WHERE type = 'transfer'")
    assert [(e["actor_name"], e["recipient_name"], e["n_claims"], e["n_documents"], e["contradicted"],
             e["model_names"]) for e in events] == [("Iran", "Russia", 3, 2, 1, "Shahed-136")]
    assert {r["record_id"]: r["event_id"] for r in _rows(db, "SELECT record_id, event_id FROM record_rows")} \
        .get(world["kyiv-report"][0].record_id) == events[0]["event_id"]
    edges = _rows(db, "SELECT type, actor_name, recipient_name, n_records, n_documents, n_asserted, n_hedged, "
                      "n_denied FROM claim_network ORDER BY type, actor")
    assert edges == [
        {"type": "sanction", "actor_name": "European Union", "recipient_name": "Iran", "n_records": 1,
         "n_documents": 1, "n_asserted": 1, "n_hedged": 0, "n_denied": 0},
        {"type": "transfer", "actor_name": "Iran", "recipient_name": "Russia", "n_records": 3,
         "n_documents": 2, "n_asserted": 1, "n_hedged": 1, "n_denied": 1},
        {"type": "use", "actor_name": "Russia", "recipient_name": "Ukraine", "n_records": 1,
         "n_documents": 1, "n_asserted": 1, "n_hedged": 0, "n_denied": 0},
    ]


def _search(db: Path, table: str, query: str) -> list[str]:
    key = "doc_id" if table == "documents_fts" else "record_id"
    return [r[key] for r in _rows(db, f"SELECT {key} FROM {table} WHERE {table} MATCH ? ORDER BY rowid", (query,))]


def test_fts_follows_a_reingest_that_replaces_a_document(store, db, article, record):
    first = record(evidence="Iran has sent Shahed-136 drones to Russia")
    store.save_document(article(), [first])
    assert (_search(db, "documents_fts", "tehran"), _search(db, "records_fts", '"shahed"')) == (
        ["doc-1"], [first.record_id])
    text = "Belarus handed Russia artillery shells, Minsk said."
    second = record(actor="BLR", weapon_class="artillery", weapons=[], evidence="Belarus handed Russia artillery shells",
                    evidence_end=38)
    assert store.save_document(article(text=text), [second]) == "replaced"
    assert (_search(db, "documents_fts", "tehran"), _search(db, "documents_fts", "minsk")) == ([], ["doc-1"])
    assert (_search(db, "records_fts", '"shahed"'), _search(db, "records_fts", '"artillery"')) == (
        [], [second.record_id])
    assert _rows(db, "SELECT count(*) AS n FROM records_fts")[0]["n"] == 1
    assert [r.record_id for r in store.records(text="ARTILLERY shells")] == [second.record_id]
    assert store.records(text="shahed") == []


def test_a_v4_database_gets_views_names_and_indexes_when_opened(db, article, record):
    conn = sqlite3.connect(db, isolation_level=None)
    for _, script in MIGRATIONS[:4]:
        for statement in split_statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    v4_documents = tuple(c for c in DOCUMENT_COLUMNS if c != "page_starts")   # v6 added it
    v4_records = tuple(c for c in RECORD_COLUMNS if c != "page")
    conn.execute(insert_sql("documents", v4_documents), document_row(article(title="Old"), "2024-01-01"))
    conn.execute(insert_sql("records", v4_records), {k: v for k, v in record_row(record(), 0).items() if k != "page"})
    conn.execute("INSERT INTO record_weapons VALUES (?, 'shahed-136', 'shahed136')", (record().record_id,))
    conn.close()
    with Store(db) as store:
        assert store.schema_version() == LATEST_VERSION
        assert [r.record_id for r in store.records(text="sent shahed")] == [record().record_id]
    (row,) = _rows(db, "SELECT actor_name, weapon_names, title FROM record_rows")
    assert row == {"actor_name": "Iran", "weapon_names": "Shahed-136", "title": "Old"}
    assert _search(db, "documents_fts", "tehran") == ["doc-1"]


@pytest.mark.parametrize("text", ['"', '""', "*", "-", "NEAR(a b)", "a OR b", "(", ")", "x:y", "^", "'", "\\",
                                  '"unclosed', "AND", "NOT drones", "dro*", "\x00", "   ", "%", "_"])
def test_text_filter_never_raises_on_fts_syntax(store, article, record, text):
    store.save_document(article(), [record()])
    assert store.count_records(text=text) == len(store.records(text=text)) <= 1


@pytest.mark.parametrize(("text", "n"), [("drones Iran", 1), ('"drones to Russia"', 1), ('"Russia to drones"', 0),
                                         ("Shahed-136", 1), ("sent to", 1), ("to", 1), ("shahed 137", 0)])
def test_text_filter_words_and_phrases(store, article, record, text, n):
    store.save_document(article(), [record()])
    assert store.count_records(text=text) == n
