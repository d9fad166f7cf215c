"""Events across documents: one event id for every claim about the same event.

The clustering itself is `clustering.py`; this module keeps its result in the
database and up to date. `update_events` re-clusters only the blocks (type,
actor, recipient or location, weapon class) that changed: blocks of records
that belong to no event yet, and blocks of events that lost a member (a
trigger marks them stale when a replaced document's records cascade away).
A whole block is re-clustered at once, which keeps the grouping identical to
clustering everything from scratch, in any order of arrival; only the events
that came out different are written again (`reclustering.py`).

An event's id is a function of what is stored alone: a hash of its block and
its anchor, the earliest-published member (ties by record id, itself a hash of
the record's content). No id is carried over from an earlier update, so one
run, two halves, reverse order or two concurrent ingests give the same ids
(tests/analysis/test_stable_event_ids.py). The price: an event's id changes
when a report published before its anchor joins it, or its anchor is removed.

Read paths never write: `ensure_events` is for writers (ingest), and readers
report `pending_updates` instead of re-clustering.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import NotFound, UsageError
from ..records import EVENT_TYPES, Record
from ..store import Store
from ..store.network_summary import is_fresh as network_is_fresh
from ..store.network_summary import refresh as refresh_network
from ..store.queries import not_rejected, page_clause, rejected, weapon_condition
from ..store.rows import RECORD_COLUMNS, record_of
from .access import chunks, query, write
from .clustering import Block, block_key, describe_block
from .pending import pending_exactly
from .reclustering import recluster
from .syndication import sign_documents

_RECORD_SELECT = ("SELECT " + ", ".join("r." + c for c in RECORD_COLUMNS) + ", d.published AS doc_published "
                  "FROM records AS r JOIN documents AS d ON d.doc_id = r.doc_id")


class Event(BaseModel):
    """One event as stored: what happened, when, and how many claims and documents speak of it."""

    model_config = ConfigDict(extra="forbid")

    event_id: str
    type: str
    actor: str
    recipient: str | None
    location: str | None
    weapon_class: str | None
    models: list[str]
    time: str | None
    time_precision: str | None
    time_min: str | None
    time_max: str | None
    anchor: str
    n_claims: int
    n_documents: int
    first_published: str | None
    last_published: str | None
    # Stored when the block is clustered (`sources.py`): a list shows them without reading the claims.
    n_independent: int = 0
    asserting: list[str] = []
    hedging: list[str] = []
    denying: list[str] = []
    independent_asserting: int = 0
    independent_denying: int = 0
    first_reported: str | None = None
    last_reported: str | None = None

    @property
    def block(self) -> Block:
        """The block the event belongs to."""
        target = self.location if self.type == "production" else self.recipient
        return (self.type, self.actor, target, self.weapon_class)

    def summary(self) -> str:
        """`transfer IRN->RUS uav (shahed-136) 2022-08`."""
        models = f" ({', '.join(self.models)})" if self.models else ""
        return f"{describe_block(self.block)}{models} {self.time or 'time unknown'}"


class Membership(BaseModel):
    """One claim of an event: the record, its document's date, and why it was joined."""

    model_config = ConfigDict(extra="forbid")

    event_id: str
    record: Record
    published: str | None
    reason: str
    stored_id: str | None = Field(default=None, exclude=True)   # set when `record` carries corrections

    @property
    def record_id(self) -> str:
        """The stored record's id (a corrected record's own `record_id` hashes its corrected fields)."""
        return self.stored_id or self.record.record_id


@dataclass(frozen=True)
class EventUpdate:
    """What one `update_events` call changed."""

    blocks: int
    events: int
    claims: int
    signed: int


def _pending_blocks(conn: sqlite3.Connection, doc_ids: list[str] | None) -> set[Block]:
    blocks: set[Block] = set()
    unassigned = ("SELECT DISTINCT r.type, r.actor, r.recipient, r.location, r.weapon_class FROM records AS r "
                  "WHERE NOT EXISTS (SELECT 1 FROM event_claims AS c WHERE c.record_id = r.record_id)")
    batches: Iterable[tuple[str, list[str]]]
    if doc_ids is None:
        batches = [(unassigned, [])]
    else:
        batches = [(unassigned + f" AND r.doc_id IN ({','.join('?' * len(part))})", list(part))
                   for part in chunks(doc_ids)]
    for sql, params in batches:
        for row in conn.execute(sql, params):
            target = row["location"] if row["type"] == "production" else row["recipient"]
            blocks.add((row["type"], row["actor"], target, row["weapon_class"]))
    for row in conn.execute("SELECT DISTINCT block FROM events WHERE stale = 1"):
        kind, actor, target, weapon_class = json.loads(row["block"])
        blocks.add((kind, actor, target, weapon_class))
    return blocks


def update_events(store: Store, doc_ids: Iterable[str] | None = None) -> EventUpdate:
    """Bring events up to date after documents were saved or replaced.

    Args:
        doc_ids: the documents just saved; None looks at every record that belongs to no event.
    """
    ids = None if doc_ids is None else sorted(set(doc_ids))
    n_events = n_claims = 0
    with write(store) as conn:
        signed = sign_documents(conn, ids)   # first: corroboration reads the signatures
        blocks = _pending_blocks(conn, ids)
        for block in sorted(blocks, key=block_key):
            events, claims = recluster(conn, block)
            n_events += events
            n_claims += claims
        refresh_network(store)   # the stored network, in the same transaction (store/network_summary.py)
    return EventUpdate(len(blocks), n_events, n_claims, signed)


def ensure_events(store: Store) -> EventUpdate:
    """Bring events up to date if any record is pending (a no-op otherwise); for writers such as ingest."""
    if pending_exactly(store) == 0:
        if not network_is_fresh(store):   # saves with no event to update still change the network
            with write(store):
                refresh_network(store)
        return EventUpdate(0, 0, 0, 0)
    return update_events(store)


def _event_of(row: sqlite3.Row) -> Event:
    data = {name: row[name] for name in Event.model_fields}
    for name in ("models", "asserting", "hedging", "denying"):
        data[name] = json.loads(row[name])
    return Event.model_validate(data)


_HAS_MODEL = ("e.event_id IN (SELECT c.event_id FROM event_claims AS c JOIN record_weapons AS w "
              "ON w.record_id = c.record_id WHERE w.model_key IN ({marks}))")


def _event_filter(type: str | None, actor: str | None, weapon: str | None,
                  include_rejected: bool = False) -> tuple[str, list[object]]:
    """The WHERE clause (or "") over `events AS e` and its parameters.

    Unless `include_rejected`, an event all of whose claims are reviewed wrong is left out.
    """
    if type is not None and type not in EVENT_TYPES:
        raise UsageError(f"type {type!r}: unknown event type (use one of {', '.join(EVENT_TYPES)})")
    terms: list[str] = []
    params: list[object] = []
    if type is not None:
        terms.append("e.type = ?")
        params.append(type)
    if actor is not None:
        terms.append("(e.actor = ? COLLATE NOCASE OR e.recipient = ? COLLATE NOCASE)")
        params += [actor, actor]
    if weapon is not None:
        # As `Store.records(weapon=...)`: a member names the model (its lookup form:
        # "Shahed 136" finds shahed-136), or the event is of the class ("UAV" is uav).
        condition, weapon_params = weapon_condition(weapon, _HAS_MODEL, "e.weapon_class")
        terms.append(condition)
        params += weapon_params
    if not include_rejected:
        # Correlated, so that a page read in the order of an index stops at the page (`IN` read every claim).
        kept, kept_params = not_rejected("c.record_id")
        terms.append(f"EXISTS (SELECT 1 FROM event_claims AS c WHERE c.event_id = e.event_id AND {kept})")
        params += kept_params
    return ("WHERE " + " AND ".join(terms)) if terms else "", params


_FIRST = "COALESCE(e.first_published, '9999'), e.event_id"
# How an event list may be sorted: what an analyst ranks by (all from stored columns, so indexes or one scan).
EVENT_ORDERS: dict[str, str] = {
    "first_reported": _FIRST,
    "independent": f"e.n_independent DESC, e.n_documents DESC, {_FIRST}",
    # Contested events first (someone denies what others assert or hedge), most independent deniers first.
    "contradictions": ("(json_array_length(e.denying) > 0 AND json_array_length(e.asserting) + "
                       "json_array_length(e.hedging) > 0) DESC, e.independent_denying DESC, "
                       f"e.n_independent DESC, {_FIRST}"),
    "last_reported": f"COALESCE(e.last_published, '') DESC, {_FIRST}",
}


def list_events(store: Store, *, type: str | None = None, actor: str | None = None, weapon: str | None = None,
                limit: int | None = None, offset: int = 0, include_rejected: bool = False,
                sort: str = "first_reported") -> list[Event]:
    """Stored events, filtered, ordered by first report then id (or by another of EVENT_ORDERS).

    Args:
        actor: the actor or the recipient (case-insensitive).
        weapon: a model id a member names, or a weapon class (case, spaces, `-` and `_` ignored).
        include_rejected: also events whose every claim is reviewed wrong.
        sort: first_reported, independent (sources, most first), contradictions (contested first,
            most independent deniers first) or last_reported (latest first).
    """
    if sort not in EVENT_ORDERS:
        raise UsageError(f"sort {sort!r}: unknown (use one of {', '.join(EVENT_ORDERS)})")
    where, params = _event_filter(type, actor, weapon, include_rejected)
    page, page_params = page_clause(limit, offset)
    sql = f"SELECT * FROM events AS e {where} ORDER BY {EVENT_ORDERS[sort]} {page}"
    return _reviewed(store, [_event_of(row) for row in query(store, sql, [*params, *page_params])], include_rejected)


def _reviewed(store: Store, events: list[Event], include_rejected: bool = False) -> list[Event]:
    """The events as their claims' reviews leave them (`reviewed.py`, which imports this module)."""
    from .reviewed import with_reviews

    return with_reviews(store, events, include_rejected=include_rejected)


def count_events(store: Store, *, type: str | None = None, actor: str | None = None,
                 weapon: str | None = None, include_rejected: bool = False) -> int:
    """How many events `list_events` selects with the same filters and no limit."""
    where, params = _event_filter(type, actor, weapon, include_rejected=True)
    with store.snapshot():
        total = int(query(store, f"SELECT count(*) FROM events AS e {where}", params)[0][0])
        if include_rejected:
            return total
        # Less the events with no claim kept: those with a claim reviewed wrong, found from those claims,
        # and stale ones (a replaced document's claims left them until `update_events`). Testing every
        # event for a claim kept grew with the corpus on every count.
        wrong, wrong_params = rejected("w.record_id")
        kept, kept_params = not_rejected("c.record_id")
        only_rejected = (f"e.event_id IN (SELECT w.event_id FROM event_claims AS w WHERE {wrong} UNION "
                         "SELECT s.event_id FROM events AS s WHERE s.stale = 1) AND NOT EXISTS "
                         f"(SELECT 1 FROM event_claims AS c WHERE c.event_id = e.event_id AND {kept})")
        where = f"{where} AND {only_rejected}" if where else f"WHERE {only_rejected}"
        rows = query(store, f"SELECT count(*) FROM events AS e {where}", [*params, *wrong_params, *kept_params])
    return total - int(rows[0][0])


def block_events(store: Store, block: Block, *, include_rejected: bool = False) -> list[Event]:
    """The events of one block, ordered as `list_events` orders them, as their claims' reviews leave them."""
    rows = query(store, "SELECT * FROM events WHERE block = ? ORDER BY COALESCE(first_published, '9999'), event_id",
                 (block_key(block),))
    return _reviewed(store, [_event_of(row) for row in rows], include_rejected)


def get_event(store: Store, event_id: str, include_rejected: bool = False) -> Event:
    """The event `event_id`, as its claims' reviews leave it; NotFound if there is none."""
    rows = query(store, "SELECT * FROM events WHERE event_id = ?", (event_id,))
    if not rows:
        raise NotFound(f"event {event_id!r}: not in {store.path} (list them with `armstrace events`)")
    return _reviewed(store, [_event_of(rows[0])], include_rejected)[0]


def event_claims(store: Store, event_id: str) -> list[Membership]:
    """Every claim of an event with its reason, by report date then document order; NotFound if no such event."""
    get_event(store, event_id)
    return memberships(store, [event_id]).get(event_id, [])


def event_of_record(store: Store, record_id: str) -> str:
    """The event id of a record; NotFound when it has none (run `update_events`)."""
    rows = query(store, "SELECT event_id FROM event_claims WHERE record_id = ?", (record_id,))
    if not rows:
        raise NotFound(f"record {record_id!r}: in no event (ingest again, or check the id with `armstrace records`)")
    return str(rows[0][0])


def memberships(store: Store, event_ids: Iterable[str] | None = None) -> dict[str, list[Membership]]:
    """Claims of many events at once, keyed by event id (all events when `event_ids` is None)."""
    sql = f"{_RECORD_SELECT} JOIN event_claims AS c ON c.record_id = r.record_id"
    batches: list[tuple[str, list[str]]]
    if event_ids is None:
        batches = [(sql, [])]
    else:
        ids = sorted(set(event_ids))
        batches = [(sql + f" WHERE c.event_id IN ({','.join('?' * len(p))})", list(p)) for p in chunks(ids)]
    result: dict[str, list[Membership]] = {}
    for text, params in batches:
        ordered = text + " ORDER BY COALESCE(d.published, '9999'), r.doc_id, r.evidence_start"
        for row in query(store, ordered.replace("SELECT ", "SELECT c.event_id AS event_id_, c.reason AS reason_, ", 1),
                         params):
            result.setdefault(row["event_id_"], []).append(
                Membership(event_id=row["event_id_"], record=record_of(row), published=row["doc_published"],
                           reason=row["reason_"]))
    return result


Side = Literal["supporting", "denying"]
_SIDE_SQL = {None: "", "supporting": " AND r.stance != 'denied'", "denying": " AND r.stance = 'denied'"}


def claims_page(store: Store, event_id: str, *, side: Side | None = None, limit: int | None = 50,
                offset: int = 0, include_rejected: bool = False) -> list[Membership]:
    """One page of an event's claims, ordered as `memberships` orders them; costs the page, not the event.

    Args:
        side: "supporting" (asserted or hedged) or "denying" claims only.
        include_rejected: also the claims reviewed wrong.
    """
    stance, kept_params = _kept(side, include_rejected)
    page, page_params = page_clause(limit, offset)
    # The page's ids are sorted on narrow rows first; only the page's records are read in full.
    order = "COALESCE(d.published, '9999'), r.doc_id, r.evidence_start, r.record_id"
    ids = ("SELECT r.record_id AS page_id FROM event_claims AS c JOIN records AS r ON r.record_id = c.record_id "
           f"JOIN documents AS d ON d.doc_id = r.doc_id WHERE c.event_id = ?{stance} ORDER BY {order} {page}")
    sql = (_RECORD_SELECT.replace("SELECT ", "SELECT c.reason AS reason_, ", 1)
           + f" JOIN ({ids}) AS p ON p.page_id = r.record_id JOIN event_claims AS c ON c.record_id = r.record_id"
           f" ORDER BY {order}")
    return [Membership(event_id=event_id, record=record_of(row), published=row["doc_published"], reason=row["reason_"])
            for row in query(store, sql, [event_id, *kept_params, *page_params])]


def count_claims(store: Store, event_id: str, side: Side | None = None, include_rejected: bool = False) -> int:
    """How many claims `claims_page` pages through with the same `side`."""
    stance, kept_params = _kept(side, include_rejected)
    sql = ("SELECT count(*) FROM event_claims AS c JOIN records AS r ON r.record_id = c.record_id "
           f"WHERE c.event_id = ?{stance}")
    return int(query(store, sql, (event_id, *kept_params))[0][0])


def _kept(side: Side | None, include_rejected: bool) -> tuple[str, list[object]]:
    """The SQL after `c.event_id = ?` for a side, leaving out claims reviewed wrong unless `include_rejected`."""
    if include_rejected:
        return _SIDE_SQL[side], []
    kept, params = not_rejected()
    return f"{_SIDE_SQL[side]} AND {kept}", params
