"""Opening a Store: creation, pragmas, refusals with a fix, readonly, readers beside a writer, migrations."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from armstrace.errors import NotFound, SchemaTooNew, UsageError
from armstrace.store import LATEST_VERSION, Store, migrations


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_store_creates_file_and_folders(tmp_path):
    path = tmp_path / "deep" / "er" / "armstrace.db"
    Store(path).close()
    assert path.is_file()


def test_store_schema_version_is_latest(store):
    assert store.schema_version() == LATEST_VERSION


def test_store_journal_mode_is_wal(db):
    Store(db).close()
    assert _pragma(db, "journal_mode") == "wal"


def test_store_reopen_keeps_data(db, article, record):
    with Store(db) as first:
        first.save_document(article(), [record()])
    with Store(db) as second:
        assert (second.schema_version(), second.records()) == (LATEST_VERSION, [record()])


def test_store_schema_too_new_names_file_versions_and_fix(db):
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew) as caught:
        Store(db)
    message = str(caught.value)
    assert (str(db) in message, f"v{LATEST_VERSION + 1}" in message, f"v{LATEST_VERSION}" in message,
            "upgrade armstrace" in message, "\n" in message) == (True, True, True, True, False)


@pytest.mark.parametrize(
    "content", [b"Iran has sent drones to Russia.\n" * 20, bytes(range(256)) * 8, b"SQLite format 3\0garbage" * 10]
)
def test_store_non_sqlite_file_is_usage_error(db, content):
    db.write_bytes(content)
    with pytest.raises(UsageError, match="not an armstrace database"):
        Store(db)


def test_store_other_programs_sqlite_file_is_refused_untouched(db):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(UsageError, match="not an armstrace database"):
        Store(db)
    assert (_pragma(db, "journal_mode"), _pragma(db, "user_version")) == ("delete", 0)


def test_store_folder_path_is_usage_error(tmp_path):
    with pytest.raises(UsageError, match="is a folder"):
        Store(tmp_path)


def test_store_readonly_missing_is_usage_error_and_creates_nothing(db):
    with pytest.raises(UsageError, match=r"run `armstrace ingest` first") as caught:
        Store(db, readonly=True)
    assert (str(db) in str(caught.value), db.exists()) == (True, False)


def test_store_readonly_reads(db, article, record):
    with Store(db) as writer:
        writer.save_document(article(), [record()])
    with Store(db, readonly=True) as reader:
        assert reader.records() == [record()]


def test_store_readonly_refuses_writes(db, article):
    Store(db).close()
    with Store(db, readonly=True) as reader, pytest.raises(UsageError, match="readonly"):
        reader.save_document(article(), [])


def test_store_reader_sees_writers_commits(db, article, record):
    with Store(db) as writer, Store(db, readonly=True) as reader:
        assert reader.count_records() == 0
        writer.save_document(article(), [record()])
        assert (reader.document_hash("doc-1"), reader.records()) == (article().content_hash, [record()])


def test_store_write_while_another_writer_holds_the_lock_is_usage_error(db, article, monkeypatch):
    monkeypatch.setattr("armstrace.store.database.BUSY_TIMEOUT_MS", 50)
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with Store(db) as store, pytest.raises(UsageError, match="locked by another writer") as raised:
            store.save_document(article(), [])
        assert str(db) in str(raised.value) and "\n" not in str(raised.value)
    finally:
        other.close()


def test_store_count_documents(store, article):
    store.save_document(article("a"), [])
    store.save_document(article("b"), [])
    assert store.count_documents() == 2


def test_store_missing_document_points_to_an_existing_command(store):
    with pytest.raises(NotFound, match="armstrace records"):
        store.get_document("nope")


def test_store_close_twice_is_harmless(db):
    store = Store(db)
    store.close()
    store.close()


def test_split_statements_keeps_semicolons_in_strings_and_triggers():
    script = """
        CREATE TABLE t (a TEXT DEFAULT 'x;y');
        CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN UPDATE t SET a = 'z;'; END;
        ;
    """
    assert [s.split()[1] for s in migrations.split_statements(script)] == ["TABLE", "TRIGGER"]


def test_apply_migrations_runs_appended_migration(db, monkeypatch):
    Store(db).close()
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        [*migrations.MIGRATIONS, (LATEST_VERSION + 1, "ALTER TABLE documents ADD COLUMN language TEXT;")])
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        version = migrations.apply_migrations(conn)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    finally:
        conn.close()
    assert (version, "language" in columns) == (LATEST_VERSION + 1, True)


def test_apply_migrations_failure_rolls_back_to_last_version(db, monkeypatch):
    Store(db).close()
    broken = "ALTER TABLE documents ADD COLUMN language TEXT; INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (LATEST_VERSION + 1, broken)])
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError):
            migrations.apply_migrations(conn)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    finally:
        conn.close()
    assert (_pragma(db, "user_version"), "language" in columns) == (LATEST_VERSION, False)
