"""Re-clustering one block, writing only the events that changed.

`update_events` re-clusters a whole block whenever a record joins or leaves
it: that keeps the events identical to clustering everything at once, in any
order of arrival. What the block costs is kept to what changed:

- the block's claims are read from narrow rows (id, document, models, time,
  dates, location), not as whole records, and only the block's rows (reading
  every record of the actor and type for each of its blocks grew with the
  square of the corpus);
- an event that comes out of the clustering with the same id, the same claims
  and the same reasons as it is stored, and is not stale, is kept as it is:
  its row, its claims and its corroboration depend on nothing else (a record's
  id is a hash of its content, and a replaced document's records leave their
  event, which marks it stale). Only the other events are deleted and written
  again, and only their members are read and their documents compared for
  syndication, the costly part (numpy over every pair of documents);
- those members are read as the four fields corroboration uses, not as whole
  Records: an event that grows is read again each time it gains a claim, and
  building whole records was a fifth of clustering a batch at 50,000 articles.
"""
from __future__ import annotations

import json
import sqlite3
from typing import NamedTuple

from ..periods import period_of, precision_of
from .access import chunks
from .clustering import Block, Claim, Cluster, block_key, cluster_block
from .sources import corroborate_members, save_sources, signatures_of

_MEMBER_SELECT = ("SELECT r.record_id, r.doc_id, r.evidence, r.stance, r.claimant, d.published AS doc_published "
                  "FROM records AS r JOIN documents AS d ON d.doc_id = r.doc_id")
_CLAIM_SELECT = ("SELECT r.record_id, r.doc_id, r.actor, r.recipient, r.location, r.weapon_class, r.weapons, r.time, "
                 "r.published, d.published AS doc_published FROM records AS r JOIN documents AS d ON d.doc_id = r.doc_id")


def _claim(row: sqlite3.Row) -> Claim:
    """The Claim of a narrow records row, as `Claim.of(record_of(row), doc_published)` makes it."""
    period = period_of(row["time"])
    return Claim(row["record_id"], row["doc_id"], frozenset(json.loads(row["weapons"])),
                 row["time"] if period else None, period, row["published"] or row["doc_published"], row["location"])


def block_claims(conn: sqlite3.Connection, block: Block) -> list[Claim]:
    """Every claim of the block."""
    kind, actor, target, weapon_class = block
    target_column = "location" if kind == "production" else "recipient"
    rows = conn.execute(f"{_CLAIM_SELECT} WHERE r.type = ? AND r.actor = ? AND r.{target_column} IS ? "
                        "AND r.weapon_class IS ?", (kind, actor, target, weapon_class)).fetchall()
    # `actor` and `recipient` are COLLATE NOCASE: compare exactly here so that "IRN" and "irn" are two blocks.
    return [_claim(row) for row in rows
            if (row["actor"], row[target_column], row["weapon_class"]) == (actor, target, weapon_class)]


def _stored(conn: sqlite3.Connection, key: str) -> dict[str, tuple[bool, dict[str, str]]]:
    """The block's stored events: event id -> (stale, {record id: reason})."""
    stored: dict[str, tuple[bool, dict[str, str]]] = {}
    for row in conn.execute("SELECT e.event_id, e.stale, c.record_id, c.reason FROM events AS e LEFT JOIN "
                            "event_claims AS c ON c.event_id = e.event_id WHERE e.block = ?", (key,)):
        _, claims = stored.setdefault(row["event_id"], (bool(row["stale"]), {}))
        if row["record_id"] is not None:
            claims[row["record_id"]] = row["reason"]
    return stored


class _Member(NamedTuple):
    """A member claim as corroboration reads it (`sources.Reported`)."""

    doc_id: str
    evidence: str
    stance: str
    claimant: str


def _members(conn: sqlite3.Connection, record_ids: list[str]) -> dict[str, tuple[_Member, str | None]]:
    """Members with their document's date, by id."""
    members: dict[str, tuple[_Member, str | None]] = {}
    for part in chunks(record_ids):
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"{_MEMBER_SELECT} WHERE r.record_id IN ({marks})", list(part)):
            members[row["record_id"]] = (_Member(row["doc_id"], row["evidence"], row["stance"], row["claimant"]),
                                         row["doc_published"])
    return members


def _save_cluster(conn: sqlite3.Connection, block: Block, cluster: Cluster, event_id: str, anchor: str) -> None:
    kind, actor, target, weapon_class = block
    period = cluster.period
    published = sorted(c.published for c in cluster.claims if c.published)
    time = cluster.time
    conn.execute(
        "INSERT INTO events (event_id, block, type, actor, recipient, location, weapon_class, models, time, "
        "time_precision, time_min, time_max, anchor, n_claims, n_documents, first_published, last_published) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, block_key(block), kind, actor, None if kind == "production" else target,
         cluster.location, weapon_class, json.dumps(cluster.models), time, precision_of(time),
         period.start if period else None, period.end if period else None, anchor,
         len(cluster.claims), len({c.doc_id for c in cluster.claims}),
         published[0] if published else None, published[-1] if published else None),
    )
    conn.executemany("INSERT INTO event_claims (record_id, event_id, reason) VALUES (?, ?, ?)",
                     [(c.record_id, event_id, cluster.reasons[c.record_id]) for c in cluster.claims])


def recluster(conn: sqlite3.Connection, block: Block) -> tuple[int, int]:
    """Cluster the block again and write the events that changed; returns (events, claims) of the block."""
    key = block_key(block)
    claims = block_claims(conn, block)
    clusters = cluster_block(block, claims)
    stored = _stored(conn, key)
    changed = []
    for cluster in clusters:
        was = stored.pop(cluster.event_id, None)
        if was is not None and not was[0] and was[1] == cluster.reasons:
            continue   # the same event as stored: its row, claims and sources stand
        if was is not None:
            stored[cluster.event_id] = was   # written again below, after its old row is gone
        changed.append(cluster)
    gone = sorted(stored)
    for part in chunks(gone):
        marks = ",".join("?" * len(part))
        conn.execute(f"DELETE FROM event_claims WHERE event_id IN ({marks})", list(part))
        conn.execute(f"DELETE FROM events WHERE event_id IN ({marks})", list(part))   # event_sources cascade
    members = _members(conn, [c.record_id for cluster in changed for c in cluster.claims])
    signatures = signatures_of(conn, {record.doc_id for record, _ in members.values()})
    for cluster in changed:
        _save_cluster(conn, block, cluster, cluster.event_id, cluster.anchor.record_id)
        held = [members[c.record_id] for c in cluster.claims]
        save_sources(conn, corroborate_members(cluster.event_id, held, signatures))
    return len(clusters), len(claims)
