"""Contradictions: events that some claimants assert (or hedge) and others deny.

Two kinds. Within one event, the denial and the assertion are claims about
the same type, parties, weapon and time. A *broad* denial is a denial of
unspecified arms ("Iran has not supplied any weapons to Russia"): it is its
own event (class `arms`), yet it contradicts every specific event between the
same parties whose time it does not exclude, so it is paired with them too.
Each side keeps its evidence, so an analyst can read both sentences.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..store import Store
from .events import Event, Membership, block_events, list_events, memberships
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
    supporting: list[ClaimRef]
    denying: list[ClaimRef]
    pairs: list[tuple[str, str]]  # (claimant asserting or hedging, claimant denying)


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
                         denying=denying, pairs=pairs)


def _broad(denial_event: Event, denials: Sequence[Membership], target: Event,
           claims: Sequence[Membership]) -> Contradiction | None:
    supporting = [ClaimRef.of(m) for m in claims if m.record.stance != "denied"]
    denying = [ClaimRef.of(m) for m in denials if m.record.stance == "denied"]
    if not supporting or not denying:
        return None
    reason = (f"{', '.join(sorted({d.claimant for d in denying}))} deny any {denial_event.type} of arms "
              f"{denial_event.actor}->{denial_event.recipient or denial_event.location or '?'} "
              f"(event {denial_event.event_id}); that covers this {target.weapon_class} event")
    return Contradiction(event=target, kind="broad-denial", reason=reason, supporting=supporting,
                         denying=denying, pairs=_pairs(supporting, denying))


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


def event_contradictions(store: Store, event: Event, claims: Sequence[Membership] | None = None) -> list[Contradiction]:
    """The contradictions of one event (those `find_contradictions` lists for it), reading only its block's denials.

    Args:
        claims: the event's memberships when the caller has them already.
    """
    if claims is None:
        claims = memberships(store, [event.event_id]).get(event.event_id, [])
    found: list[Contradiction] = []
    same = _same_event(event, claims)
    if same is not None:
        found.append(same)
    kind, actor, target, _ = event.block
    denial_events = [e for e in block_events(store, (kind, actor, target, "arms"))
                     if e.event_id != event.event_id and _times_compatible(event, e)]
    denial_claims = memberships(store, [e.event_id for e in denial_events])
    for denial_event in denial_events:
        denials = denial_claims.get(denial_event.event_id, [])
        if any(m.record.stance == "denied" for m in denials):
            broad = _broad(denial_event, denials, event, claims)
            if broad is not None:
                found.append(broad)
    return found
