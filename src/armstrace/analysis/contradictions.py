"""Contradictions: events that some claimants assert (or hedge) and others deny.

Two kinds. Within one event, the denial and the assertion are claims about
the same type, parties, weapon and time. A *broad* denial is a denial of
unspecified arms ("Iran has not supplied any weapons to Russia"): it is its
own event (class `arms`), yet it contradicts every specific event between the
same parties whose time it does not exclude, so it is paired with them too.
Each side keeps its evidence, so an analyst can read both sentences.
"""
from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..store import Store
from ..store.effective import source as corrected_source
from ..store.queries import not_rejected
from .access import query
from .events import Event, Membership, Side, block_events, list_events
from ..periods import Period


class ClaimRef(BaseModel):
    """One side's claim, as an analyst needs it to check: who, how, the sentence, where."""

    model_config = ConfigDict(extra="forbid")

    record_id: str
    event_id: str
    doc_id: str
    published: str | None
    claimant: str
    speaker: str | None
    stance: str
    evidence: str

    @classmethod
    def of(cls, m: Membership) -> ClaimRef:
        """The reference of a membership (its stored id, its record as corrected if it is)."""
        r = m.record
        return cls(record_id=m.record_id, event_id=m.event_id, doc_id=r.doc_id, published=m.published,
                   claimant=r.claimant, speaker=r.speaker, stance=r.stance, evidence=r.evidence)

    @classmethod
    def of_row(cls, row: sqlite3.Row, event_id: str) -> ClaimRef:
        """The reference of a records row (stored id, corrected values) with its document's date."""
        return cls(record_id=row["record_id"], event_id=event_id, doc_id=row["doc_id"], published=row["doc_published"],
                   claimant=row["claimant"], speaker=row["speaker"], stance=row["stance"], evidence=row["evidence"])


class Contradiction(BaseModel):
    """An event with claims on both sides, and the claimant pairs that disagree."""

    model_config = ConfigDict(extra="forbid")

    event: Event
    kind: Literal["same-event", "broad-denial"]
    reason: str
    supporting: list[ClaimRef]    # the first SIDE_LIMIT of each side when read for one event
    denying: list[ClaimRef]
    pairs: list[tuple[str, str]]  # (claimant asserting or hedging, claimant denying)
    n_supporting: int = 0         # claims on each side, all of them
    n_denying: int = 0


def _times_compatible(a: Event, b: Event) -> bool:
    if a.time_min is None or b.time_min is None or a.time_max is None or b.time_max is None:
        return True
    return Period(a.time_min, a.time_max).overlaps(Period(b.time_min, b.time_max))


def _broad_reason(denial_event: Event, target: Event) -> str:
    return (f"{', '.join(denial_event.denying)} deny any {denial_event.type} of arms "
            f"{denial_event.actor}->{denial_event.recipient or denial_event.location or '?'} "
            f"(event {denial_event.event_id}); that covers this {target.weapon_class} event")


SIDE_LIMIT = 50
_SIDE_STANCE = {"supporting": "r.stance != 'denied'", "denying": "r.stance = 'denied'"}


@dataclass
class _Sides:
    """The sides of events for one call: each read once, from the records as their reviews correct them.

    `effective.source` fills its table of corrected records once per call, not once per side.
    """

    store: Store
    include_rejected: bool = False
    seen: dict[tuple[str, Side], tuple[list[ClaimRef], int]] = field(default_factory=dict)
    source: str = ""

    def get(self, event_id: str, side: Side) -> tuple[list[ClaimRef], int]:
        """The first SIDE_LIMIT claims of one side of an event, and how many there are.

        A stance corrected to denied puts the claim, with its corrected claimant, on the denying
        side, as in the event's claimant lists; claims reviewed wrong only with `include_rejected`.
        """
        if (event_id, side) not in self.seen:
            self.source = self.source or corrected_source(self.store)
            kept, params = ("1", []) if self.include_rejected else not_rejected()
            where = (f"FROM event_claims AS c JOIN {self.source} AS r ON r.record_id = c.record_id JOIN documents "
                     f"AS d ON d.doc_id = r.doc_id WHERE c.event_id = ? AND {_SIDE_STANCE[side]} AND {kept}")
            rows = query(self.store, f"SELECT r.*, d.published AS doc_published {where} ORDER BY COALESCE("
                                     "d.published, '9999'), r.doc_id, r.evidence_start, r.record_id LIMIT ?",
                         [event_id, *params, SIDE_LIMIT])
            refs = [ClaimRef.of_row(row, event_id) for row in rows]
            n = len(refs) if len(refs) < SIDE_LIMIT else int(
                query(self.store, f"SELECT count(*) {where}", [event_id, *params])[0][0])
            self.seen[(event_id, side)] = refs, n
        return self.seen[(event_id, side)]


def _supporters(event: Event) -> list[str]:
    return sorted(set(event.asserting) | set(event.hedging))


def _same_event_meets(event: Event) -> bool:
    """Whether some claimants of the event assert or hedge it and others deny it."""
    return bool(_supporters(event)) and bool(event.denying)


def _broad_meets(denial_event: Event, target: Event) -> bool:
    """Whether `denial_event` (a denial of any arms) meets `target`: both sides have claimants, same parties,
    times that may meet."""
    return (bool(_supporters(target)) and bool(denial_event.denying) and target.event_id != denial_event.event_id
            and target.block[:3] == denial_event.block[:3] and _times_compatible(target, denial_event))


def _same_event(sides: _Sides, event: Event) -> Contradiction | None:
    supporters = _supporters(event)
    if not _same_event_meets(event):
        return None
    supporting, n_supporting = sides.get(event.event_id, "supporting")
    denying, n_denying = sides.get(event.event_id, "denying")
    reason = f"{', '.join(supporters)} assert or hedge it; {', '.join(event.denying)} deny it"
    return Contradiction(event=event, kind="same-event", reason=reason, supporting=supporting, denying=denying,
                         pairs=sorted(itertools.product(supporters, event.denying)),
                         n_supporting=n_supporting, n_denying=n_denying)


def _broad(sides: _Sides, denial_event: Event, target: Event) -> Contradiction | None:
    """`denial_event` (a denial of any arms) against `target`, when both sides have claims and times may meet."""
    supporters = _supporters(target)
    if not _broad_meets(denial_event, target):
        return None
    supporting, n_supporting = sides.get(target.event_id, "supporting")
    denying, n_denying = sides.get(denial_event.event_id, "denying")
    return Contradiction(event=target, kind="broad-denial", reason=_broad_reason(denial_event, target),
                         supporting=supporting, denying=denying,
                         pairs=sorted(itertools.product(supporters, denial_event.denying)),
                         n_supporting=n_supporting, n_denying=n_denying)


def find_contradictions(store: Store, *, type: str | None = None, actor: str | None = None,
                        weapon: str | None = None, include_rejected: bool = False) -> list[Contradiction]:
    """Every contradiction among stored events, same-event ones first, by first report.

    Each side lists its first SIDE_LIMIT claims and counts them all (`n_supporting`,
    `n_denying`); which events disagree is read from the claimants stored with
    each event, so the cost is the events, not their claims.

    Args:
        actor, weapon, type: as `list_events` (the contradicted event must match).
    """
    events = list_events(store, type=type, actor=actor, include_rejected=include_rejected)
    wanted = list_events(store, type=type, actor=actor, weapon=weapon, include_rejected=include_rejected)
    sides = _Sides(store, include_rejected)
    found = [c for c in (_same_event(sides, e) for e in wanted) if c is not None]
    for denial_event in events:
        if denial_event.weapon_class == "arms" and denial_event.denying:
            found += [c for c in (_broad(sides, denial_event, t) for t in wanted) if c is not None]
    return found


def event_contradictions(store: Store, event: Event, *, include_rejected: bool = False) -> list[Contradiction]:
    """The contradictions of one event (those `find_contradictions` lists for it), reading only its block's denials.

    Built from the claimants stored with each event and a page of each side's claims, so that opening an
    event of 2,000 documents costs what is shown, not the event's size.
    """
    sides = _Sides(store, include_rejected)
    same = _same_event(sides, event)
    kind, actor, target, _ = event.block
    broad = [_broad(sides, d, event)
             for d in block_events(store, (kind, actor, target, "arms"), include_rejected=include_rejected)]
    return [c for c in [same, *broad] if c is not None]


class Contested:
    """Whether events are contradicted (`bool(event_contradictions(...))`), for an export that asks of every event.

    The answer needs only the claimants stored with each event and its block's broad denials, read once per
    block here; `event_contradictions` also reads a page of each side's claims, from the records as corrected,
    which SQLite rebuilds whole for every query when any review corrects a record (24 ms a query at 1,000
    articles: the events csv of a reviewed copy took 4.2 s, now 1.2 s; at 10,000 articles, 10x the records).
    """

    def __init__(self, store: Store, *, include_rejected: bool = False) -> None:
        self.store = store
        self.include_rejected = include_rejected
        self._denials: dict[tuple[str, str, str | None], list[Event]] = {}

    def __call__(self, event: Event) -> bool:
        """True when `event_contradictions(store, event)` finds any contradiction."""
        if _same_event_meets(event):
            return True
        kind, actor, target, _ = event.block
        if (kind, actor, target) not in self._denials:
            self._denials[(kind, actor, target)] = block_events(
                self.store, (kind, actor, target, "arms"), include_rejected=self.include_rejected)
        return any(_broad_meets(denial, event) for denial in self._denials[(kind, actor, target)])
