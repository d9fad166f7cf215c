"""The Store: one SQLite file of documents and claim records, written idempotently.

One writer at a time (SQLite's write lock, waited on for `BUSY_TIMEOUT_MS`),
any number of readers: WAL journal mode lets readers see the last commit while
a write is under way.
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self, Unpack

from ..errors import BadInput, NotFound, SchemaTooNew, UsageError
from ..records import Article, Record
from ..version import __version__
from .migrations import APPLICATION_ID, LATEST_VERSION, apply_migrations
from .names import backfill_names, write_names
from .queries import (
    RECORD_ORDER,
    FilterFields,
    RecordFilter,
    from_clause,
    page_clause,
    weapon_key,
    where_clause,
)
from .rows import (
    DOCUMENT_COLUMNS,
    RECORD_COLUMNS,
    DocumentSummary,
    article_of,
    document_row,
    insert_sql,
    record_of,
    record_row,
    summary_of,
)

SaveOutcome = Literal["added", "unchanged", "replaced"]

# A batch ingest holds the write lock for one document at a time (milliseconds);
# 5 s covers a reader's checkpoint or a second writer's document with room to spare.
BUSY_TIMEOUT_MS = 5_000

# Answers `Store.memo` keeps (one per `top` the dashboard and its users ask for, say).
_MEMO_ANSWERS = 8
_INSERT_DOCUMENT = insert_sql("documents", DOCUMENT_COLUMNS)
_INSERT_RECORD = insert_sql("records", RECORD_COLUMNS)
_INSERT_WEAPON = "INSERT OR IGNORE INTO record_weapons (record_id, model, model_key) VALUES (?, ?, ?)"
_SELECT_RECORD = "SELECT " + ", ".join("r." + c for c in RECORD_COLUMNS)


class Store:
    """An armstrace database: documents, their claim records, and the schema version."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        """Open (or, unless `readonly`, create) the database at `path` and bring its schema up to date."""
        self.path = Path(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        self._memo: dict[Hashable, tuple[tuple[int, int], str]] = {}
        self._writes = 0   # write transactions ended on this connection (`memo`'s own half of a version)
        self._conn = self._connect()
        try:
            self._prepare()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise self._open_error(exc) from exc
        except BaseException:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise UsageError(f"{self.path}: is a folder, not a database file (give a file name, e.g. armstrace.db)")
        if self.readonly:
            if not self.path.is_file():
                raise UsageError(f"{self.path}: no such database (run `armstrace ingest` first)")
            target = self.path.resolve().as_uri() + "?mode=ro"
            uri = True
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            target, uri = str(self.path), False
        # isolation_level=None: autocommit, transactions are explicit BEGIN/COMMIT.
        # check_same_thread=False: the API may call from worker threads; `_lock` serialises.
        conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        return conn

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Identify the file before changing anything in it (WAL mode is persistent).
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        n_objects = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        if app_id != APPLICATION_ID and (app_id != 0 or n_objects > 0):
            raise UsageError(
                f"{self.path}: not an armstrace database (a SQLite file of another program; "
                "give a new file name with --db)"
            )
        if version > LATEST_VERSION:
            raise SchemaTooNew(
                f"{self.path}: database schema v{version} is newer than armstrace {__version__} knows "
                f"(v{LATEST_VERSION}); upgrade armstrace (pip install -U armstrace)"
            )
        if self.readonly:
            if version < LATEST_VERSION:
                raise UsageError(
                    f"{self.path}: database schema v{version} is older than v{LATEST_VERSION}; "
                    "open it for writing once (e.g. `armstrace ingest`) to upgrade it"
                )
            return
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise UsageError(f"{self.path}: cannot switch to WAL journal mode (got {mode}; is it on a network drive?)")
        # In WAL mode NORMAL loses at most the last commits on power loss, never consistency.
        conn.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(conn)
        backfill_names(conn)
        self._refresh_network()

    def _refresh_network(self) -> None:
        """Build the stored network once, after the migration that adds it (v8); writers keep it up to date.

        Opening must not fail on it: while another writer holds the lock (an ingest clustering), readers
        compute the network from the records and the next writer builds it.
        """
        from .network_summary import needs_build, refresh   # network_summary imports the Store: import when used

        if needs_build(self._conn):
            try:
                with self._write():
                    refresh(self)
            except UsageError:   # the write lock stayed taken for BUSY_TIMEOUT_MS
                pass

    def _open_error(self, exc: sqlite3.DatabaseError) -> Exception:
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_NOTADB":
            return UsageError(f"{self.path}: not an armstrace database ({exc})")
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return UsageError(f"{self.path}: database is locked by another writer ({exc}); try again when it finishes")
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            return UsageError(f"{self.path}: cannot open for writing ({exc}); check permissions or use a readonly open")
        return UsageError(f"{self.path}: cannot open the database ({exc})")

    # -- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, readonly={self.readonly})"

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any exception.

        A second writer holding the lock longer than BUSY_TIMEOUT_MS is a
        UsageError that says so, not a bare `sqlite3.OperationalError`.
        """
        if self.readonly:
            raise UsageError(f"{self.path}: opened readonly; open it without readonly to write")
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not at the first INSERT
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                finally:
                    self._writes += 1
            except sqlite3.OperationalError as exc:
                if _is_busy(exc):
                    raise UsageError(
                        f"{self.path}: database is locked by another writer (waited {BUSY_TIMEOUT_MS / 1000:g} s); "
                        "try again when it finishes"
                    ) from exc
                raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read in the block sees one state of the database, whatever other writers commit meanwhile.

        For reads in several queries (an export a page at a time). WAL mode lets
        writers go on; they are not waited for and do not wait.
        """
        with self._lock:
            if self._conn.in_transaction:   # inside a write or another snapshot: already one state
                yield
                return
            self._conn.execute("BEGIN DEFERRED")
            try:
                yield
            finally:
                self._conn.execute("COMMIT")   # nothing was written: this only ends the read

    def memo(self, key: Hashable, compute: Callable[[], str]) -> str:
        """`compute()`, or what it answered before if nothing was committed since, by any connection.

        For answers read whole and often while the data rarely changes (the dashboard's network).
        The version is read before `compute` opens its snapshot: a commit in between leaves the
        answer stored under an older version, never a stale answer under the current one. Inside
        a transaction nothing is kept (the version says nothing of uncommitted writes).
        """
        with self._lock:
            if self._conn.in_transaction:
                return compute()
            # data_version moves when another connection commits; `_writes` on this one's (not on the TEMP
            # tables reads fill, as total_changes would: any read of corrected records would then miss).
            version = (int(self._conn.execute("PRAGMA data_version").fetchone()[0]), self._writes)
            held = self._memo.get(key)
            if held is not None and held[0] == version:
                return held[1]
            answer = compute()
            self._memo.pop(key, None)
            self._memo[key] = (version, answer)
            while len(self._memo) > _MEMO_ANSWERS:
                del self._memo[next(iter(self._memo))]   # the least recently computed
            return answer

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- documents -----------------------------------------------------------

    def schema_version(self) -> int:
        """The schema version of the database (PRAGMA user_version)."""
        return int(self._query("PRAGMA user_version")[0][0])

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash stored for `doc_id`, None if the document is not stored."""
        rows = self._query("SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,))
        return str(rows[0][0]) if rows else None

    def save_document(self, article: Article, records: Sequence[Record], *, force: bool = False) -> SaveOutcome:
        """Store an article and its records in one transaction; "unchanged" if the same text is stored.

        Args:
            force: replace even when the content hash is unchanged (after an extractor upgrade).
        """
        for record in records:
            if record.doc_id != article.doc_id:
                raise UsageError(
                    f"{article.doc_id}: record {record.record_id} belongs to document {record.doc_id!r}; "
                    "save each record with its own article"
                )
        content_hash = article.content_hash
        with self._write() as conn:
            row = conn.execute("SELECT content_hash FROM documents WHERE doc_id = ?", (article.doc_id,)).fetchone()
            if row is not None and row[0] == content_hash and not force:
                return "unchanged"
            if row is not None:
                conn.execute("DELETE FROM records WHERE doc_id = ?", (article.doc_id,))
                conn.execute("DELETE FROM documents WHERE doc_id = ?", (article.doc_id,))
            now = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(_INSERT_DOCUMENT, document_row(article, now))
            self._insert_records(conn, article.doc_id, article.with_pages(list(records)))
            write_names(conn, records)
            self._write_meta(conn, records, now)
        return "added" if row is None else "replaced"

    def _insert_records(self, conn: sqlite3.Connection, doc_id: str, records: Sequence[Record]) -> None:
        seen: set[str] = set()
        for position, record in enumerate(records):
            record_id = record.record_id
            if record_id in seen:  # same id, same claim from the same sentence: keep the first
                continue
            seen.add(record_id)
            try:
                conn.execute(_INSERT_RECORD, record_row(record, position))
                conn.executemany(_INSERT_WEAPON, [(record_id, m, weapon_key(m)) for m in record.weapons])
            except sqlite3.IntegrityError as exc:
                raise BadInput(f"{doc_id} record {record_id}: cannot be stored ({exc}); nothing was saved") from exc

    def _write_meta(self, conn: sqlite3.Connection, records: Sequence[Record], now: str) -> None:
        values: dict[str, str] = {"armstrace_version": __version__, "updated_at": now}
        if records:
            values["extractor_version"] = records[-1].extractor_version
            values["data_version"] = records[-1].data_version
        conn.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )

    def get_document(self, doc_id: str) -> Article:
        """The stored article `doc_id`; NotFound if it is not stored."""
        rows = self._query("SELECT * FROM documents WHERE doc_id = ?", (doc_id,))
        if not rows:
            raise NotFound(f"document {doc_id!r}: not in {self.path} (list its records with `armstrace records`)")
        return article_of(rows[0])

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[DocumentSummary]:
        """Stored documents without their text, ordered by doc_id."""
        page, page_params = page_clause(limit, offset)
        rows = self._query(
            "SELECT d.doc_id, d.title, d.url, d.published, d.source_path, d.ingested_at, "
            "(SELECT count(*) FROM records AS r WHERE r.doc_id = d.doc_id) AS n_records "
            f"FROM documents AS d ORDER BY d.doc_id {page}",
            page_params,
        )
        return [summary_of(row) for row in rows]

    def count_documents(self) -> int:
        """How many documents are stored."""
        return int(self._query("SELECT count(*) FROM documents")[0][0])

    # -- records -------------------------------------------------------------

    def records(
        self,
        where: RecordFilter | None = None,
        /,
        *,
        limit: int | None = None,
        offset: int = 0,
        **filters: Unpack[FilterFields],
    ) -> list[Record]:
        """Records matching every filter, ordered by doc_id, evidence_start, type.

        Give the filters as a RecordFilter or as its fields by keyword (`actor="IRN"`):
            actor: matches the actor or the recipient, case-insensitively.
            weapon: a model id in `weapons` or a weapon class (case, spaces, `-` and `_` ignored).
            since, until: YYYY[-MM[-DD]], against the record's time, else the document's date.
            text: words or "quoted phrases" the evidence contains (full-text, any case).
        """
        flt = RecordFilter.of(where, filters)
        where_sql, params = where_clause(flt)
        page, page_params = page_clause(limit, offset)
        sql = f"{_SELECT_RECORD} {from_clause(flt)} {where_sql} {RECORD_ORDER} {page}"
        if (source := self._source()) != "records":   # filter on corrected values, return the stored records
            sql = (f"{_SELECT_RECORD} FROM records AS r WHERE r.record_id IN "
                   f"(SELECT r.record_id {from_clause(flt, source)} {where_sql}) {RECORD_ORDER} {page}")
        return [record_of(row) for row in self._query(sql, params + page_params)]

    def count_records(self, where: RecordFilter | None = None, /, **filters: Unpack[FilterFields]) -> int:
        """How many records `records()` would return with the same filters and no limit."""
        total = 0
        with self.snapshot():   # the parts of one count see one state
            for sign, part, source in RecordFilter.of(where, filters).counted_as(self._source()):
                where_sql, params = where_clause(part)
                sql = f"SELECT count(*) {from_clause(part, source)} {where_sql}"
                total += sign * int(self._query(sql, params)[0][0])
        return total

    def _source(self) -> str:
        """The records table, or the records with their reviews' corrections applied (`effective.py`)."""
        from .effective import source   # effective imports the Store: import when used

        return source(self)

    def get_record(self, record_id: str) -> Record:
        """The record `record_id`; NotFound if it is not stored."""
        rows = self._query(f"{_SELECT_RECORD} FROM records AS r WHERE r.record_id = ?", (record_id,))
        if not rows:
            raise NotFound(f"record {record_id!r}: not in {self.path} (list them with `armstrace records`)")
        return record_of(rows[0])

    # -- summary -------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        """The meta table: created_at, updated_at, and the versions of the last write."""
        return {str(row[0]): str(row[1]) for row in self._query("SELECT key, value FROM meta ORDER BY key")}

    def stats(self) -> dict[str, Any]:
        """Counts: documents, records, records by type and by stance, plus the meta versions."""
        meta = self.meta()
        return {
            "documents": self.count_documents(),
            "records": int(self._query("SELECT count(*) FROM records")[0][0]),
            "by_type": self._counts("type"),
            "by_stance": self._counts("stance"),
            "schema_version": self.schema_version(),
            "extractor_version": meta.get("extractor_version"),
            "data_version": meta.get("data_version"),
        }

    def _counts(self, column: Literal["type", "stance"]) -> dict[str, int]:
        rows = self._query(f"SELECT {column}, count(*) FROM records GROUP BY {column} ORDER BY {column}")
        return {str(row[0]): int(row[1]) for row in rows}


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """True for SQLite's "database is locked" (another connection holds the write lock)."""
    return getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
