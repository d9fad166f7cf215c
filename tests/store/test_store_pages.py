"""Pages in the store (schema v6): page starts per document, each record's page, and v5 databases upgraded."""
from __future__ import annotations

import sqlite3

import pytest

from armstrace.store import LATEST_VERSION, Store
from armstrace.store.migrations import MIGRATIONS, split_statements
from armstrace.store.rows import DOCUMENT_COLUMNS, RECORD_COLUMNS, document_row, insert_sql, record_row

pytestmark = pytest.mark.issue(12)

PAGES = ("Germany delivered Leopard 2 tanks to Ukraine.\n", "\fFrance delivered Caesar howitzers to Ukraine.\n",
         "\fThe United Kingdom supplied Storm Shadow missiles to Ukraine.\n")
TEXT = "".join(PAGES)
STARTS = [0, len(PAGES[0]) + 1, len(PAGES[0]) + len(PAGES[1]) + 1]


def _claim(record, sentence: str, actor: str):
    start = TEXT.index(sentence)
    return record(doc_id="report", actor=actor, recipient="UKR", evidence=sentence, evidence_start=start,
                  evidence_end=start + len(sentence), weapons=[])


def test_records_of_a_paged_document_carry_the_page_of_their_evidence(store, article, record):
    claims = [_claim(record, "Germany delivered Leopard 2 tanks", "DEU"),
              _claim(record, "The United Kingdom supplied Storm Shadow missiles", "GBR")]
    store.save_document(article("report", TEXT, source_format="pdf", page_starts=STARTS), claims)
    assert [(r.actor, r.page) for r in store.records()] == [("DEU", 1), ("GBR", 3)]
    assert store.get_document("report").page_starts == STARTS


def test_records_of_a_document_without_pages_have_no_page(store, article, record):
    store.save_document(article(), [record()])
    assert [r.page for r in store.records()] == [None]


def test_a_v5_database_opens_upgraded_keeps_its_rows_and_takes_pdf_documents(db, article, record):
    conn = sqlite3.connect(db, isolation_level=None)
    for _, script in MIGRATIONS[:5]:
        for statement in split_statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    v5_documents = tuple(c for c in DOCUMENT_COLUMNS if c != "page_starts")
    v5_records = tuple(c for c in RECORD_COLUMNS if c != "page")
    conn.execute(insert_sql("documents", v5_documents), document_row(article(title="Old"), "2024-01-01"))
    conn.execute(insert_sql("records", v5_records), {k: v for k, v in record_row(record(), 0).items() if k != "page"})
    with pytest.raises(sqlite3.IntegrityError):   # v5 refused any format but txt, html and jsonl
        conn.execute(insert_sql("documents", v5_documents),
                     document_row(article("report", TEXT, source_format="pdf"), "2024-01-01"))
    conn.close()
    with Store(db) as store:
        assert store.schema_version() == LATEST_VERSION >= 6
        store.save_document(article("report", TEXT, source_format="pdf", page_starts=STARTS),
                            [_claim(record, "France delivered Caesar howitzers", "FRA")])
        assert [(r.doc_id, r.page) for r in store.records()] == [("doc-1", None), ("report", 2)]
        assert (store.get_document("doc-1").title, store.get_document("report").source_format) == ("Old", "pdf")
        assert store.records(text="Caesar howitzers")[0].actor == "FRA"   # the FTS triggers still run
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert check.execute("PRAGMA foreign_key_check").fetchall() == []
    check.close()
