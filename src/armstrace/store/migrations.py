"""Schema migrations: an ordered list of (version, SQL script), applied in order.

The schema version lives in `PRAGMA user_version`. To change the schema, append
`(2, "ALTER TABLE ...")` to `MIGRATIONS`; never edit a migration that has shipped.
Each pending migration runs in one transaction with the bump of `user_version`,
so a failure leaves the database at the last version that applied cleanly.
"""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from .schema_v5 import V5_VIEWS_AND_SEARCH
from .schema_v8 import V8_READS

# "ARMS" in ASCII, in the file header (PRAGMA application_id): tells an
# armstrace database from any other SQLite file (`file` prints it too).
APPLICATION_ID = 0x41524D53

_V1 = f"""
PRAGMA application_id = {APPLICATION_ID};

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE documents (
    doc_id        TEXT PRIMARY KEY,
    content_hash  TEXT NOT NULL,
    title         TEXT,
    url           TEXT,
    published     TEXT,
    source_path   TEXT,
    source_format TEXT NOT NULL CHECK (source_format IN ('txt', 'html', 'jsonl')),
    text          TEXT NOT NULL,
    skip_spans    TEXT NOT NULL DEFAULT '[]',  -- JSON [[start, end], ...]
    ingested_at   TEXT NOT NULL
);

-- actor, recipient and claimant are ISO3 codes (upper) or slugs (lower):
-- NOCASE lets the indexes serve case-insensitive filters.
CREATE TABLE records (
    record_id         TEXT PRIMARY KEY,
    doc_id            TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    type              TEXT NOT NULL
                      CHECK (type IN ('transfer', 'use', 'production', 'training', 'sanction')),
    actor             TEXT NOT NULL COLLATE NOCASE,
    recipient         TEXT COLLATE NOCASE,
    location          TEXT,
    place             TEXT,
    weapon_class      TEXT,
    weapons           TEXT NOT NULL DEFAULT '[]',  -- JSON list of model ids
    has_quantity      INTEGER NOT NULL DEFAULT 0,  -- tells Quantity(None, None) from no quantity
    quantity_min      INTEGER,
    quantity_max      INTEGER,
    claimant          TEXT NOT NULL COLLATE NOCASE,
    speaker           TEXT,
    stance            TEXT NOT NULL CHECK (stance IN ('asserted', 'denied', 'hedged')),
    time              TEXT,
    time_precision    TEXT CHECK (time_precision IN ('day', 'month', 'year')),
    violates          TEXT NOT NULL DEFAULT '[]',  -- JSON list of conflict ids
    evidence          TEXT NOT NULL,
    evidence_start    INTEGER NOT NULL,
    evidence_end      INTEGER NOT NULL,
    trigger           TEXT,
    rules             TEXT NOT NULL DEFAULT '[]',  -- JSON list of rule ids
    gazetteer_ids     TEXT NOT NULL DEFAULT '[]',  -- JSON list of gazetteer ids
    confidence        REAL NOT NULL,
    extractor_version TEXT NOT NULL,
    data_version      TEXT NOT NULL,
    published         TEXT,
    position          INTEGER NOT NULL  -- order within the document's list, kept on round trip
);

CREATE INDEX records_type ON records(type);
CREATE INDEX records_actor ON records(actor);
CREATE INDEX records_recipient ON records(recipient);
CREATE INDEX records_claimant ON records(claimant);
CREATE INDEX records_doc ON records(doc_id, evidence_start);

-- One row per weapon model of a record; `model_key` is lower case without
-- hyphens or spaces, so "Shahed-136", "shahed136" and "shahed 136" meet.
CREATE TABLE record_weapons (
    record_id TEXT NOT NULL REFERENCES records(record_id) ON DELETE CASCADE,
    model     TEXT NOT NULL,
    model_key TEXT NOT NULL,
    PRIMARY KEY (record_id, model_key)
);
CREATE INDEX record_weapons_key ON record_weapons(model_key);
"""

# Analyst reviews: an append-only audit trail. Keyed on record_id (a hash of
# doc_id, the event and claim fields and the evidence offsets) with no foreign
# key, so a review outlives the deletion of its record on re-ingest and
# re-attaches when extraction re-creates the same record.
_V2_REVIEWS = """
CREATE TABLE reviews (
    review_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id      TEXT NOT NULL,
    doc_id         TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    verdict        TEXT CHECK (verdict IN ('right', 'wrong')),  -- NULL: a correction only
    corrections    TEXT NOT NULL DEFAULT '{}',  -- JSON {field: corrected value}
    reviewer       TEXT NOT NULL,
    reviewed_at    TEXT NOT NULL,
    original       TEXT NOT NULL  -- JSON of the record as the reviewer saw it
);
CREATE INDEX reviews_record ON reviews(record_id, review_id);
CREATE INDEX reviews_doc ON reviews(doc_id);
"""

# Events across documents (armstrace.analysis.events): each record belongs to
# one event; `reason` says why it was joined. Memberships cascade with their
# record, and the trigger marks the event stale so that the next
# `update_events` re-clusters its block: a replaced document's old claims
# leave their events without a scan of the whole table.
_V3_EVENTS = """
CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,
    block           TEXT NOT NULL,  -- JSON [type, actor, recipient or location, weapon_class]
    type            TEXT NOT NULL,
    actor           TEXT NOT NULL,
    recipient       TEXT,
    location        TEXT,
    weapon_class    TEXT,
    models          TEXT NOT NULL DEFAULT '[]',  -- JSON list of model ids named by any member
    time            TEXT,           -- the most precise member time, YYYY[-MM[-DD]]
    time_precision  TEXT,
    time_min        TEXT,           -- the period every dated member agrees on
    time_max        TEXT,
    anchor          TEXT NOT NULL,  -- record_id of the earliest-published member
    n_claims        INTEGER NOT NULL,
    n_documents     INTEGER NOT NULL,
    first_published TEXT,
    last_published  TEXT,
    stale           INTEGER NOT NULL DEFAULT 0  -- a member was deleted: re-cluster the block
);
CREATE INDEX events_block ON events(block);
CREATE INDEX events_stale ON events(stale) WHERE stale = 1;
CREATE INDEX events_time ON events(time_min);

CREATE TABLE event_claims (
    record_id TEXT PRIMARY KEY REFERENCES records(record_id) ON DELETE CASCADE,
    event_id  TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    reason    TEXT NOT NULL
);
CREATE INDEX event_claims_event ON event_claims(event_id);

CREATE TRIGGER event_claims_gone AFTER DELETE ON event_claims
BEGIN
    UPDATE events SET stale = 1 WHERE event_id = old.event_id;
END;

-- A MinHash of each document's text outside page chrome, for telling a
-- syndicated copy from an independent report (armstrace.analysis.corroboration).
CREATE TABLE document_signatures (
    doc_id     TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    n_shingles INTEGER NOT NULL,
    minhash    BLOB NOT NULL
);
"""

# Events that scale (issue 11): what listing and opening an event shows is
# stored with it when its block is clustered, so that a read costs the page it
# returns, not the size of the event. `event_sources` holds the syndication
# groups (one independent source each), read a page at a time. Event ids are
# now a function of the stored content alone, so the events of older versions
# (ids carried over from earlier updates) are cleared: the next ingest
# re-clusters every record (readers report them as `events_pending` meanwhile).
_V4_EVENT_AGGREGATES = """
ALTER TABLE events ADD COLUMN n_independent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN asserting TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN hedging TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN denying TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN independent_asserting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN independent_denying INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN first_reported TEXT;
ALTER TABLE events ADD COLUMN last_reported TEXT;

CREATE TABLE event_sources (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,  -- order of the group: by its lead's date, then lead id
    lead     TEXT NOT NULL,
    doc_ids  TEXT NOT NULL,     -- JSON list
    reasons  TEXT NOT NULL,     -- JSON list
    PRIMARY KEY (event_id, position)
);

CREATE INDEX events_order ON events(COALESCE(first_published, '9999'), event_id);
CREATE INDEX event_claims_event_record ON event_claims(event_id, record_id);

DELETE FROM event_claims;
DELETE FROM events;
"""


# PDF, Word and Markdown sources (issue 12). `documents.source_format` loses its
# CHECK: the list of formats lives in one place, `armstrace.records.Article`,
# and a new reader no longer needs a migration. SQLite cannot drop a CHECK with
# ALTER TABLE (3.40); its documented procedure for removing one edits the table's
# definition in sqlite_schema under writable_schema (sqlite.org/lang_altertable.html,
# section 7): the rows, rowids, indexes, triggers and foreign keys stay as they are.
# The ADD COLUMNs after it bump the schema cookie, so other connections reload it.
# `page_starts` (JSON [0, start of page 2, ...]) is where each page of a PDF's
# text starts; `records.page` is the page the evidence starts on.
_V6_PAGES = """
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, ' CHECK (source_format IN (''txt'', ''html'', ''jsonl''))', '')
WHERE type = 'table' AND name = 'documents';
PRAGMA writable_schema = RESET;

ALTER TABLE documents ADD COLUMN page_starts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE records ADD COLUMN page INTEGER;
"""

# What `armstrace watch` has read (issue 12), so that a restart does not fetch or store again what it
# already has: one row per source and item. A feed has a row for itself (item '') with the server's
# validators for a conditional GET, and one per entry (item: the entry's id, else its link) with a
# fingerprint of what the feed says about it; a page has one row (item ''). `doc_id` is the document
# the item was stored as. Rows are written only after their document is stored.
_V7_SEEN = """
CREATE TABLE seen (
    source        TEXT NOT NULL,
    item          TEXT NOT NULL,
    fingerprint   TEXT,
    doc_id        TEXT,
    etag          TEXT,
    last_modified TEXT,
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL,
    PRIMARY KEY (source, item)
) WITHOUT ROWID;
"""

# Each stored edge keeps its answer as JSON (actor names left out: they come from the gazetteer at read
# time), so that the unfiltered network is read as text, not rebuilt per request (network_summary.read).
_V9_EDGE_ITEMS = """
ALTER TABLE network_edges ADD COLUMN item TEXT;
INSERT OR IGNORE INTO network_stale (type, source, target) VALUES ('*', '*', '*');
"""

# With `top`, the edges at a kept actor are found by their ends, not by reading every edge; the records
# hidden in `others` are summed from this index alone (it covers source, target and n_records).
# A block's claims (analysis/reclustering.py) are found by the block's own fields: through the recipient
# index alone, each block read every record sent to that recipient, so clustering 1,000 new records
# took twice as long in a database twice the size. `records_block` begins with the actor, so it also
# serves what `records_actor` did; production blocks, keyed by location, have a partial index.
_V10_EDGE_ENDS_AND_BLOCKS = """
CREATE INDEX network_edges_source ON network_edges (source, target, n_records);
CREATE INDEX records_block ON records (actor, type, recipient, weapon_class);
CREATE INDEX records_produced ON records (actor, location, weapon_class) WHERE type = 'production';
DROP INDEX IF EXISTS records_actor;
"""

# (version, SQL script), in order. Append; never reorder or rewrite.
MIGRATIONS: list[tuple[int, str]] = [
    (1, _V1),
    (2, _V2_REVIEWS),
    (3, _V3_EVENTS),
    (4, _V4_EVENT_AGGREGATES),
    (5, V5_VIEWS_AND_SEARCH),   # schema_v5.py
    (6, _V6_PAGES),
    (7, _V7_SEEN),
    (8, V8_READS),   # the network's stored sources and summary (issue 15): schema_v8.py
    (9, _V9_EDGE_ITEMS),
    (10, _V10_EDGE_ENDS_AND_BLOCKS),
]

LATEST_VERSION: int = MIGRATIONS[-1][0]


def split_statements(script: str) -> list[str]:
    """The complete SQL statements of a script, in order (semicolons in strings and triggers kept)."""
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\r\n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending.strip()[:60]!r}")
    return statements


def pending_migrations(current: int) -> list[tuple[int, str]]:
    """The migrations a database at version `current` still needs, in order."""
    return [(version, script) for version, script in MIGRATIONS if version > current]


def apply_migrations(conn: sqlite3.Connection) -> int:
    """Bring the database to LATEST_VERSION, one transaction per migration; returns the final version.

    The connection must be in autocommit mode (`isolation_level=None`). Each
    step takes the write lock first and re-reads the version, so two processes
    opening a new file at once do not both apply migration 1.
    """
    version = _user_version(conn)
    for target, script in pending_migrations(version):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _user_version(conn) >= target:  # another process got here first
                conn.execute("COMMIT")
                continue
            for statement in split_statements(script):
                conn.execute(statement)
            if target == 1:
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('created_at', ?)",
                    (datetime.now(UTC).isoformat(timespec="seconds"),),
                )
            # PRAGMA takes no parameters; `target` is an int from MIGRATIONS.
            conn.execute(f"PRAGMA user_version = {int(target)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        version = target
    return _user_version(conn)


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
