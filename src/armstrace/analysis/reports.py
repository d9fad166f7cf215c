"""What an analyst sees of events: each event with its corroboration, regime flags and claims.

The CLI and the API show the same reports; building them here keeps
both faces thin and their JSON identical.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ..store import Store
from .corroboration import Corroboration, corroborate
from .events import Event, Membership, get_event, list_events, memberships
from .regimes import ClaimedViolation, RegimeFlag, claimed_violations, flag_event, regimes_version


class EventReport(BaseModel):
    """One event in full: who says what, how independent they are, what it would engage."""

    model_config = ConfigDict(extra="forbid")

    event: Event
    corroboration: Corroboration
    flags: list[RegimeFlag]
    claimed: list[ClaimedViolation]
    claims: list[Membership]
    regimes_version: str


def _report(store: Store, event: Event, claims: list[Membership]) -> EventReport:
    flags = flag_event(event)
    return EventReport(event=event, corroboration=corroborate(store, event, claims), flags=flags,
                       claimed=claimed_violations(claims, flags), claims=claims, regimes_version=regimes_version())


def event_report(store: Store, event_id: str) -> EventReport:
    """The full report of one event; NotFound if there is none."""
    event = get_event(store, event_id)
    return _report(store, event, memberships(store, [event_id]).get(event_id, []))


def event_reports(store: Store, *, type: str | None = None, actor: str | None = None, weapon: str | None = None,
                  limit: int | None = None, offset: int = 0) -> list[EventReport]:
    """Reports of the events `list_events` selects with the same filters (only those of the page)."""
    events = list_events(store, type=type, actor=actor, weapon=weapon, limit=limit, offset=offset)
    claims = memberships(store, [e.event_id for e in events])
    return [_report(store, e, claims.get(e.event_id, [])) for e in events]
