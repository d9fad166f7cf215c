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
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..store import Store
from .events import Event, Membership, Side, block_events, claims_page, count_claims, list_events, memberships
from .periods import Period


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
        """The reference of a membership."""
        r = m.record
        return cls(record_id=r.record_id, event_id=m.event_id, doc_id=r.doc_id, published=m.published,
                   claimant=r.claimant, speaker=r.speaker, stance=r.stance, evidence=r.evidence)


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


def _pairs(supporting: Sequence[ClaimRef], denying: Sequence[ClaimRef]) -> list[tuple[str, str]]:
    return sorted({(s.claimant, d.claimant) for s in supporting for d in denying})


def _times_compatible(a: Event, b: Event) -> bool:
    if a.time_min is None or b.time_min is None or a.time_max is None or b.time_max is None:
        return True
    return Period(a.time_min, a.time_max).overlaps(Period(b.time_min, b.time_max))


def _same_event(event: Event, claims: Sequence[Membership]) -> Contradiction | None:
    supporting = [ClaimRef.of(m) for m in claims if m.record.stance != "denied"]
    denying = [ClaimRef.of(m) for m in claims if m.record.stance == "denied"]
    if not supporting or not denying:
        return None
    pairs = _pairs(supporting, denying)
    reason = (f"{', '.join(sorted({s.claimant for s in supporting}))} assert or hedge it; "
              f"{', '.join(sorted({d.claimant for d in denying}))} deny it")
    return Contradiction(event=event, kind="same-event", reason=reason, supporting=supporting,
                         denying=denying, pairs=pairs, n_supporting=len(supporting), n_denying=len(denying))


def _broad(denial_event: Event, denials: Sequence[Membership], target: Event,
           claims: Sequence[Membership]) -> Contradiction | None:
    supporting = [ClaimRef.of(m) for m in claims if m.record.stance != "denied"]
    denying = [ClaimRef.of(m) for m in denials if m.record.stance == "denied"]
    if not supporting or not denying:
        return None
    return Contradiction(event=target, kind="broad-denial", reason=_broad_reason(denial_event, target),
                         supporting=supporting, denying=denying, pairs=_pairs(supporting, denying),
                         n_supporting=len(supporting), n_denying=len(denying))


def _broad_reason(denial_event: Event, target: Event) -> str:
    return (f"{', '.join(denial_event.denying)} deny any {denial_event.type} of arms "
            f"{denial_event.actor}->{denial_event.recipient or denial_event.location or '?'} "
            f"(event {denial_event.event_id}); that covers this {target.weapon_class} event")


def find_contradictions(store: Store, *, type: str | None = None, actor: str | None = None,
                        weapon: str | None = None) -> list[Contradiction]:
    """Every contradiction among stored events, same-event ones first, by first report.

    Args:
        actor, weapon, type: as `list_events` (the contradicted event must match).
    """
    events = list_events(store, type=type, actor=actor)
    claims = memberships(store, [e.event_id for e in events])
    wanted = {e.event_id for e in list_events(store, type=type, actor=actor, weapon=weapon)}
    found: list[Contradiction] = []
    for event in events:
        if event.event_id in wanted:
            same = _same_event(event, claims.get(event.event_id, []))
            if same is not None:
                found.append(same)
    for denial_event in events:
        if denial_event.weapon_class != "arms":
            continue
        denials = claims.get(denial_event.event_id, [])
        if not any(m.record.stance == "denied" for m in denials):
            continue
        for target in events:
            if (target.event_id in wanted and target.event_id != denial_event.event_id
                    and target.block[:3] == denial_event.block[:3] and _times_compatible(target, denial_event)):
                broad = _broad(denial_event, denials, target, claims.get(target.event_id, []))
                if broad is not None:
                    found.append(broad)
    return found


SIDE_LIMIT = 50


def _side(store: Store, event_id: str, side: Side) -> tuple[list[ClaimRef], int]:
    """The first SIDE_LIMIT claims of one side of an event, and how many there are."""
    refs = [ClaimRef.of(m) for m in claims_page(store, event_id, side=side, limit=SIDE_LIMIT)]
    return refs, (len(refs) if len(refs) < SIDE_LIMIT else count_claims(store, event_id, side))


def event_contradictions(store: Store, event: Event) -> list[Contradiction]:
    """The contradictions of one event (those `find_contradictions` lists for it), each side's first SIDE_LIMIT
    claims with its count.

    Built from the claimants stored with each event and a page of each side's claims, so that opening an
    event of 2,000 documents costs what is shown, not the event's size.
    """
    supporters = sorted(set(event.asserting) | set(event.hedging))
    if not supporters:
        return []
    supporting, n_supporting = _side(store, event.event_id, "supporting")
    found: list[Contradiction] = []
    if event.denying:
        denying, n_denying = _side(store, event.event_id, "denying")
        reason = f"{', '.join(supporters)} assert or hedge it; {', '.join(event.denying)} deny it"
        found.append(Contradiction(event=event, kind="same-event", reason=reason, supporting=supporting,
                                   denying=denying, pairs=sorted(itertools.product(supporters, event.denying)),
                                   n_supporting=n_supporting, n_denying=n_denying))
    kind, actor, target, _ = event.block
    for denial_event in block_events(store, (kind, actor, target, "arms")):
        if denial_event.event_id == event.event_id or not denial_event.denying:
            continue
        if _times_compatible(event, denial_event):
            denying, n_denying = _side(store, denial_event.event_id, "denying")
            found.append(Contradiction(event=event, kind="broad-denial", reason=_broad_reason(denial_event, event),
                                       supporting=supporting, denying=denying,
                                       pairs=sorted(itertools.product(supporters, denial_event.denying)),
                                       n_supporting=n_supporting, n_denying=n_denying))
    return found
