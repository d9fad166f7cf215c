"""Corroboration: how many independent sources and claimants stand behind an event.

Ten outlets running one agency story are one source, not ten: documents are
grouped into syndication groups (`syndication.py`) before counting. For each
event this gives the independent documents, the distinct claimants that
assert, hedge or deny it, and the first and last dates it was reported.
"""
from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from ..store import Store
from .events import Event, Membership, get_event, list_events, memberships
from .syndication import SyndicationGroup, load_signatures, normalise_sentence, syndication_groups


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


def corroborate(store: Store, event: Event, claims: Sequence[Membership]) -> Corroboration:
    """The corroboration of one event from its claims."""
    doc_ids = sorted({m.record.doc_id for m in claims})
    published = {m.record.doc_id: m.published for m in claims}
    evidence: dict[str, set[str]] = {}
    for m in claims:
        evidence.setdefault(m.record.doc_id, set()).add(normalise_sentence(m.record.evidence))
    groups = syndication_groups(load_signatures(store, doc_ids), evidence, published)
    group_of = {doc_id: g.lead for g in groups for doc_id in g.doc_ids}

    def claimants(stance: str) -> list[str]:
        return sorted({m.record.claimant for m in claims if m.record.stance == stance})

    supporting_groups = {group_of[m.record.doc_id] for m in claims if m.record.stance != "denied"}
    denying_groups = {group_of[m.record.doc_id] for m in claims if m.record.stance == "denied"}
    dates = sorted(d for d in published.values() if d)
    return Corroboration(
        event_id=event.event_id, n_claims=len(claims), n_documents=len(doc_ids), n_independent=len(groups),
        groups=groups, asserting=claimants("asserted"), hedging=claimants("hedged"), denying=claimants("denied"),
        independent_asserting=len(supporting_groups), independent_denying=len(denying_groups),
        first_reported=dates[0] if dates else None, last_reported=dates[-1] if dates else None,
    )


def corroboration(store: Store, event_id: str) -> Corroboration:
    """The corroboration of the event `event_id`; NotFound if there is none."""
    event = get_event(store, event_id)
    return corroborate(store, event, memberships(store, [event_id]).get(event_id, []))


def corroborations(store: Store, events: Sequence[Event] | None = None) -> dict[str, Corroboration]:
    """Corroboration of many events at once (every event when `events` is None), keyed by event id."""
    chosen = list(events) if events is not None else list_events(store)
    claims = memberships(store, [e.event_id for e in chosen])
    return {e.event_id: corroborate(store, e, claims.get(e.event_id, [])) for e in chosen}
