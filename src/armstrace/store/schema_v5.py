"""Schema v5: the names of ids, the views over them and full-text search (moved out of migrations.py, unchanged).

Migrations are history: this text is what v5 databases were made with.
"""
from __future__ import annotations

# SQL for analysts (issue 14): the names of the ids records carry, views that
# read as a spreadsheet does, and full-text indexes. `names` is written by the
# store with each document's records (armstrace.store.names), from the
# gazetteers of the extractor that made them; ids no gazetteer lists have no
# row (their name columns are NULL). List columns stay JSON arrays (as stored:
# `json_each` reads them); the `*_names` columns are names joined by "; ".
# The FTS5 tables hold their own copy of the text (not external content: a
# VACUUM may renumber the rowids of these tables) and are kept in step by
# triggers, whatever path inserts or deletes a row; rows are found by rowid.
V5_VIEWS_AND_SEARCH = """
CREATE TABLE names (
    kind TEXT NOT NULL CHECK (kind IN ('actor', 'weapon')),
    id   TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE VIEW record_rows AS
SELECT
    r.record_id, ec.event_id, r.doc_id, r.type,
    r.actor, na.name AS actor_name, r.recipient, nr.name AS recipient_name,
    r.location, r.place, r.weapon_class, r.weapons,
    (SELECT group_concat(COALESCE(nw.name, j.value), '; ') FROM json_each(r.weapons) AS j
     LEFT JOIN names AS nw ON nw.kind = 'weapon' AND nw.id = j.value) AS weapon_names,
    r.quantity_min, r.quantity_max, r.time, r.time_precision, COALESCE(r.published, d.published) AS published,
    r.claimant, nc.name AS claimant_name, r.speaker, r.stance, r.violates, r.evidence,
    r.evidence_start, r.evidence_end, r.confidence, r.extractor_version,
    d.url, d.title
FROM records AS r
JOIN documents AS d ON d.doc_id = r.doc_id
LEFT JOIN event_claims AS ec ON ec.record_id = r.record_id
LEFT JOIN names AS na ON na.kind = 'actor' AND na.id = r.actor
LEFT JOIN names AS nr ON nr.kind = 'actor' AND nr.id = r.recipient
LEFT JOIN names AS nc ON nc.kind = 'actor' AND nc.id = r.claimant;

CREATE VIEW event_rows AS
SELECT
    e.event_id, e.type, e.actor, na.name AS actor_name, e.recipient, nr.name AS recipient_name,
    e.location, e.weapon_class, e.models,
    (SELECT group_concat(COALESCE(nw.name, j.value), '; ') FROM json_each(e.models) AS j
     LEFT JOIN names AS nw ON nw.kind = 'weapon' AND nw.id = j.value) AS model_names,
    e.time, e.time_precision, e.time_min, e.time_max,
    e.first_reported, e.last_reported, e.first_published, e.last_published,
    e.n_claims, e.n_documents, e.n_independent,
    e.asserting, e.hedging, e.denying, e.independent_asserting, e.independent_denying,
    (json_array_length(e.asserting) > 0 AND json_array_length(e.denying) > 0) AS contradicted,
    e.anchor, e.stale
FROM events AS e
LEFT JOIN names AS na ON na.kind = 'actor' AND na.id = e.actor
LEFT JOIN names AS nr ON nr.kind = 'actor' AND nr.id = e.recipient;

CREATE VIEW claim_network AS
SELECT
    g.type, g.actor, na.name AS actor_name, g.recipient, nr.name AS recipient_name,
    g.n_records, g.n_documents, g.n_asserted, g.n_hedged, g.n_denied, g.first_time, g.last_time
FROM (
    SELECT r.type, r.actor COLLATE BINARY AS actor, r.recipient COLLATE BINARY AS recipient,
           count(*) AS n_records, count(DISTINCT r.doc_id) AS n_documents,
           sum(r.stance = 'asserted') AS n_asserted, sum(r.stance = 'hedged') AS n_hedged,
           sum(r.stance = 'denied') AS n_denied, min(r.time) AS first_time, max(r.time) AS last_time
    FROM records AS r
    WHERE r.recipient IS NOT NULL AND r.recipient != ''
    GROUP BY r.type, r.actor COLLATE BINARY, r.recipient COLLATE BINARY
) AS g
LEFT JOIN names AS na ON na.kind = 'actor' AND na.id = g.actor
LEFT JOIN names AS nr ON nr.kind = 'actor' AND nr.id = g.recipient;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
-- Trigram: the API's `q` (Store.records(text=...)) finds any substring of 3+ characters,
-- in any case, as its LIKE did before; documents_fts is by words, the usual full-text search.
CREATE VIRTUAL TABLE records_fts USING fts5(
    record_id UNINDEXED, doc_id UNINDEXED, evidence, tokenize = 'trigram'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, doc_id, title, text) VALUES (new.rowid, new.doc_id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    DELETE FROM documents_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF doc_id, title, text ON documents BEGIN
    DELETE FROM documents_fts WHERE rowid = old.rowid;
    INSERT INTO documents_fts(rowid, doc_id, title, text) VALUES (new.rowid, new.doc_id, new.title, new.text);
END;
CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts(rowid, record_id, doc_id, evidence) VALUES (new.rowid, new.record_id, new.doc_id, new.evidence);
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    DELETE FROM records_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF record_id, doc_id, evidence ON records BEGIN
    DELETE FROM records_fts WHERE rowid = old.rowid;
    INSERT INTO records_fts(rowid, record_id, doc_id, evidence) VALUES (new.rowid, new.record_id, new.doc_id, new.evidence);
END;

INSERT INTO documents_fts(rowid, doc_id, title, text) SELECT rowid, doc_id, title, text FROM documents;
INSERT INTO records_fts(rowid, record_id, doc_id, evidence) SELECT rowid, record_id, doc_id, evidence FROM records;
"""
