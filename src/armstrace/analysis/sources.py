"""Who stands behind one event, computed when its block is clustered and stored with it.

`update_events` calls `corroborate_members` for every event it (re)builds and
`save_sources` keeps the result: the counts and claimant lists in the event's
row, the syndication groups in `event_sources`. Reading an event then costs
the page it shows, not its size (issue 11: a 2,000-document event took 17 s
to open when this ran on every read).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from ..store.rows import article_of
from .access import chunks
from .syndication import Signature, SyndicationGroup, body_text, normalise_sentence, signature_of, syndication_groups


class Corroboration(BaseModel):
    """Who stands behind one event, counted once per independent source."""

    model_config = ConfigDict(extra="forbid")

    event_id: str
    n_claims: int
    n_documents: int
    n_independent: int
    groups: list[SyndicationGroup]
    asserting: list[str]
    hedging: list[str]
    denying: list[str]
    independent_asserting: int      # syndication groups with an asserting or hedging claim
    independent_denying: int
    first_reported: str | None
    last_reported: str | None


class Reported(Protocol):
    """What corroboration reads of a claim: a Record, or the narrow row clustering reads (`reclustering.py`)."""

    @property
    def doc_id(self) -> str: ...
    @property
    def evidence(self) -> str: ...
    @property
    def stance(self) -> str: ...
    @property
    def claimant(self) -> str: ...


def corroborate_members(event_id: str, members: Sequence[tuple[Reported, str | None]],
                        signatures: Mapping[str, Signature]) -> Corroboration:
    """The corroboration of one event from its (record, document date) members and their documents' signatures.

    Run when a block is clustered (`update_events` stores the result), so reads never compute it.
    """
    doc_ids = sorted({r.doc_id for r, _ in members})
    published = {r.doc_id: p for r, p in members}
    evidence: dict[str, set[str]] = {}
    for r, _ in members:
        evidence.setdefault(r.doc_id, set()).add(normalise_sentence(r.evidence))
    groups = syndication_groups({d: signatures[d] for d in doc_ids}, evidence, published)
    group_of = {doc_id: g.lead for g in groups for doc_id in g.doc_ids}

    def claimants(stance: str) -> list[str]:
        return sorted({r.claimant for r, _ in members if r.stance == stance})

    supporting_groups = {group_of[r.doc_id] for r, _ in members if r.stance != "denied"}
    denying_groups = {group_of[r.doc_id] for r, _ in members if r.stance == "denied"}
    dates = sorted(d for d in published.values() if d)
    return Corroboration(
        event_id=event_id, n_claims=len(members), n_documents=len(doc_ids), n_independent=len(groups),
        groups=groups, asserting=claimants("asserted"), hedging=claimants("hedged"), denying=claimants("denied"),
        independent_asserting=len(supporting_groups), independent_denying=len(denying_groups),
        first_reported=dates[0] if dates else None, last_reported=dates[-1] if dates else None,
    )


def signatures_of(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, Signature]:
    """Stored signatures of the documents, computed from their text where none is stored (inside a write)."""
    ids = sorted(set(doc_ids))
    found: dict[str, Signature] = {}
    for part in chunks(ids):
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"SELECT doc_id, n_shingles, minhash FROM document_signatures "
                                f"WHERE doc_id IN ({marks})", list(part)):
            found[row["doc_id"]] = Signature(n_shingles=row["n_shingles"], minhash=bytes(row["minhash"]))
        for row in conn.execute(f"SELECT * FROM documents WHERE doc_id IN ({marks})", list(part)):
            if row["doc_id"] not in found:
                found[row["doc_id"]] = signature_of(body_text(article_of(row)))
    return found


def save_sources(conn: sqlite3.Connection, corroboration: Corroboration) -> None:
    """Store an event's corroboration: counts and claimants in its row, one `event_sources` row per group,
    and in each membership (`event_claims.source`) the lead of its document's group."""
    c = corroboration
    conn.execute("UPDATE events SET n_independent = ?, asserting = ?, hedging = ?, denying = ?, "
                 "independent_asserting = ?, independent_denying = ?, first_reported = ?, last_reported = ? "
                 "WHERE event_id = ?",
                 (c.n_independent, json.dumps(c.asserting), json.dumps(c.hedging), json.dumps(c.denying),
                  c.independent_asserting, c.independent_denying, c.first_reported, c.last_reported, c.event_id))
    conn.executemany("INSERT INTO event_sources (event_id, position, lead, doc_ids, reasons) VALUES (?, ?, ?, ?, ?)",
                     [(c.event_id, i, g.lead, json.dumps(g.doc_ids), json.dumps(g.reasons))
                      for i, g in enumerate(c.groups)])
    # Each member's independent source beside its membership, for the network (schema v8: `store/schema_v8.py`).
    conn.executemany("UPDATE event_claims SET source = ? WHERE record_id IN "
                     "(SELECT record_id FROM records WHERE doc_id = ?) AND event_id = ?",
                     [(g.lead, doc_id, c.event_id) for g in c.groups for doc_id in g.doc_ids])
