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
Sides = dict[tuple[str, Side], tuple[list[ClaimRef], int]]
_SIDE_STANCE = {"supporting": "r.stance != 'denied'", "denying": "r.stance = 'denied'"}


def _side(store: Store, event_id: str, side: Side, seen: Sides,
          include_rejected: bool = False) -> tuple[list[ClaimRef], int]:
    """The first SIDE_LIMIT claims of one side of an event, and how many there are (each read once).

    Read from the records as their reviews correct them (`effective.source`): a stance corrected to
    denied puts the claim, with its corrected claimant, on the denying side, as the event's claimant lists.
    """
    if (event_id, side) not in seen:
        kept, params = ("1", []) if include_rejected else not_rejected()
        where = (f"FROM event_claims AS c JOIN {corrected_source(store)} AS r ON r.record_id = c.record_id "
                 f"JOIN documents AS d ON d.doc_id = r.doc_id WHERE c.event_id = ? AND {_SIDE_STANCE[side]} AND {kept}")
        rows = query(store, f"SELECT r.*, d.published AS doc_published {where} ORDER BY COALESCE(d.published, "
                            "'9999'), r.doc_id, r.evidence_start, r.record_id LIMIT ?", [event_id, *params, SIDE_LIMIT])
        refs = [ClaimRef.of_row(row, event_id) for row in rows]
        n = len(refs) if len(refs) < SIDE_LIMIT else int(query(store, f"SELECT count(*) {where}",
                                                               [event_id, *params])[0][0])
        seen[(event_id, side)] = refs, n
    return seen[(event_id, side)]


def _supporters(event: Event) -> list[str]:
    return sorted(set(event.asserting) | set(event.hedging))


def _same_event(store: Store, event: Event, seen: Sides, include_rejected: bool = False) -> Contradiction | None:
    supporters = _supporters(event)
    if not supporters or not event.denying:
        return None
    supporting, n_supporting = _side(store, event.event_id, "supporting", seen, include_rejected)
    denying, n_denying = _side(store, event.event_id, "denying", seen, include_rejected)
    reason = f"{', '.join(supporters)} assert or hedge it; {', '.join(event.denying)} deny it"
    return Contradiction(event=event, kind="same-event", reason=reason, supporting=supporting, denying=denying,
                         pairs=sorted(itertools.product(supporters, event.denying)),
                         n_supporting=n_supporting, n_denying=n_denying)


def _broad(store: Store, denial_event: Event, target: Event, seen: Sides,
           include_rejected: bool = False) -> Contradiction | None:
    """`denial_event` (a denial of any arms) against `target`, when both sides have claims and times may meet."""
    supporters = _supporters(target)
    if (not supporters or not denial_event.denying or target.event_id == denial_event.event_id
            or target.block[:3] != denial_event.block[:3] or not _times_compatible(target, denial_event)):
        return None
    supporting, n_supporting = _side(store, target.event_id, "supporting", seen, include_rejected)
    denying, n_denying = _side(store, denial_event.event_id, "denying", seen, include_rejected)
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
    seen: Sides = {}
    found = [c for c in (_same_event(store, e, seen, include_rejected) for e in wanted) if c is not None]
    for denial_event in events:
        if denial_event.weapon_class == "arms" and denial_event.denying:
            found += [c for c in (_broad(store, denial_event, t, seen, include_rejected) for t in wanted)
                      if c is not None]
    return found


def event_contradictions(store: Store, event: Event, *, include_rejected: bool = False) -> list[Contradiction]:
    """The contradictions of one event (those `find_contradictions` lists for it), reading only its block's denials.

    Built from the claimants stored with each event and a page of each side's claims, so that opening an
    event of 2,000 documents costs what is shown, not the event's size.
    """
    seen: Sides = {}
    same = _same_event(store, event, seen, include_rejected)
    kind, actor, target, _ = event.block
    broad = [_broad(store, d, event, seen, include_rejected)
             for d in block_events(store, (kind, actor, target, "arms"), include_rejected=include_rejected)]
    return [c for c in [same, *broad] if c is not None]
