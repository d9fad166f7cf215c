"""Schema v8 (issue 15): what the API's unfiltered reads need, stored or indexed instead of recomputed per request.

At 10,000 articles `/api/network` took 1.4 s: for every record it looked up its
independent source (the lead of its document's syndication group in its event)
through a `json_each` of `event_sources`, five times a request, then grouped
every record. Now:

- `event_claims.source` holds that lead, written with `event_sources`
  (`analysis.sources.save_sources`) and back-filled here;
- `network_edges` and `network_nodes` hold the unfiltered network (records
  reviewed wrong left out, corrections applied), one row per edge and actor,
  with the documents and sources behind each edge so that folding (`top`)
  stays exact (`store/network_summary.py`);
- triggers mark what a write makes stale (`network_stale`: edges whose
  records, events or sources changed; `network_stale_records`: reviewed
  records, whose corrections may move them to another edge). A reader uses the
  summary only when nothing is stale; writers (`update_events`, `add_review`,
  a writable open) bring it up to date in their own transaction;
- `records_timeline` is the timeline's order (`store/timeline.py`): its
  first points are read from the index, not sorted from every record, and
  its counts read the index, not the records' evidence.
"""
from __future__ import annotations

# Where an edge of a record ends, as `store/network_query._TARGET`, over a trigger's `new`/`old` row.
_TARGET = ("CASE WHEN {r}.type = 'production' THEN COALESCE(NULLIF({r}.location, ''), {r}.actor) "
           "ELSE NULLIF({r}.recipient, '') END")
_CORRECTED = "EXISTS (SELECT 1 FROM reviews AS v WHERE v.record_id = {r}.record_id AND v.corrections != '{{}}')"


def _mark_row(row: str) -> str:
    """Statements marking the edge of the record `row` (new or old) stale, and the record if a review corrects it."""
    target = _TARGET.format(r=row)
    return (f"INSERT OR IGNORE INTO network_stale (type, source, target) SELECT {row}.type, {row}.actor, t "
            f"FROM (SELECT {target} AS t) WHERE t IS NOT NULL;\n"
            f"    INSERT OR IGNORE INTO network_stale_records (record_id) SELECT {row}.record_id "
            f"WHERE {_CORRECTED.format(r=row)};")


def _mark_claim(row: str) -> str:
    """Statements marking the edge of the record of the event membership `row` stale."""
    target = _TARGET.format(r="r")
    return (f"INSERT OR IGNORE INTO network_stale (type, source, target) SELECT r.type, r.actor, {target} "
            f"FROM records AS r WHERE r.record_id = {row}.record_id AND {target} IS NOT NULL;\n"
            f"    INSERT OR IGNORE INTO network_stale_records (record_id) SELECT {row}.record_id "
            f"WHERE {_CORRECTED.format(r=row)};")


V8_READS = f"""
ALTER TABLE event_claims ADD COLUMN source TEXT;  -- the lead of the record's document's group in `event_sources`
UPDATE event_claims SET source = (
    SELECT es.lead FROM records AS r, event_sources AS es, json_each(es.doc_ids) AS j
    WHERE r.record_id = event_claims.record_id AND es.event_id = event_claims.event_id AND j.value = r.doc_id
    LIMIT 1);

CREATE TABLE network_edges (
    type                   TEXT NOT NULL,
    source                 TEXT NOT NULL,
    target                 TEXT NOT NULL,
    n_records              INTEGER NOT NULL,
    n_documents            INTEGER NOT NULL,
    n_independent          INTEGER NOT NULL,
    independent_supporting INTEGER NOT NULL,
    independent_denying    INTEGER NOT NULL,
    asserted               INTEGER NOT NULL,
    hedged                 INTEGER NOT NULL,
    denied                 INTEGER NOT NULL,
    claimants              TEXT NOT NULL,  -- JSON {{claimant: records}}
    weapon_classes         TEXT NOT NULL,  -- JSON {{class: records}}
    weapons                TEXT NOT NULL,  -- JSON {{model: records}}
    documents              TEXT NOT NULL,  -- JSON lists: what a folded edge unites (`top`)
    sources                TEXT NOT NULL,
    supporting             TEXT NOT NULL,
    denying                TEXT NOT NULL,
    PRIMARY KEY (type, source, target)
) WITHOUT ROWID;
CREATE INDEX network_edges_target ON network_edges(target);

CREATE TABLE network_nodes (
    node          TEXT PRIMARY KEY,
    n_documents   INTEGER NOT NULL,
    n_independent INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE network_stale (
    type   TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (type, source, target)
) WITHOUT ROWID;
CREATE TABLE network_stale_records (record_id TEXT PRIMARY KEY) WITHOUT ROWID;

-- Everything: the first writable open builds the summary.
INSERT INTO network_stale (type, source, target) VALUES ('*', '*', '*');

CREATE TRIGGER network_record_added AFTER INSERT ON records BEGIN
    {_mark_row("new")}
END;
CREATE TRIGGER network_record_gone AFTER DELETE ON records BEGIN
    {_mark_row("old")}
END;
CREATE TRIGGER network_claim_added AFTER INSERT ON event_claims BEGIN
    {_mark_claim("new")}
END;
CREATE TRIGGER network_claim_gone AFTER DELETE ON event_claims BEGIN
    {_mark_claim("old")}
END;
CREATE TRIGGER network_claim_source AFTER UPDATE OF source ON event_claims BEGIN
    {_mark_claim("new")}
END;
CREATE INDEX records_timeline ON records(time, doc_id, evidence_start, type, position, record_id);

CREATE TRIGGER network_review_added AFTER INSERT ON reviews BEGIN
    INSERT OR IGNORE INTO network_stale_records (record_id) VALUES (new.record_id);
END;
"""
