"""Timelines: events by when they happened, claims by when they were published.

The two orders answer different questions. By event time: what happened when
(at the precision the sources give: a year-only event sorts at its first day
and says `year`). By publication: when each claim entered the record, which
shows who said it first and when a denial followed an accusation.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..errors import UsageError
from ..store import Store
from .events import list_events
from ..periods import period_of, precision_of
from .reviewed import reviewed_memberships

Order = Literal["event", "published"]


class TimelineEntry(BaseModel):
    """One line of a timeline: an event (by event time) or a claim (by publication)."""

    model_config = ConfigDict(extra="forbid")

    when: str | None
    precision: str | None
    event_id: str
    summary: str
    n_claims: int = 1
    first_reported: str | None = None
    record_id: str | None = None
    doc_id: str | None = None
    claimant: str | None = None
    stance: str | None = None
    evidence: str | None = None


def _in_range(when: str | None, since: str | None, until: str | None) -> bool:
    """Does the period `when` overlap [since, until]? Unknown times are kept only without bounds."""
    if since is None and until is None:
        return True
    period = period_of(when)
    if period is None:
        return False
    low = period_of(since) if since else None
    high = period_of(until) if until else None
    return (low is None or period.end >= low.start) and (high is None or period.start <= high.end)


def _event_order(entry: TimelineEntry) -> tuple[bool, str, str, str]:
    period = period_of(entry.when)
    return (period is None, period.start if period else "", entry.first_reported or "9999", entry.event_id)


def timeline(store: Store, *, by: Order = "event", type: str | None = None, actor: str | None = None,
             weapon: str | None = None, since: str | None = None, until: str | None = None,
             include_rejected: bool = False) -> list[TimelineEntry]:
    """Events by event time (`by="event"`) or claims by publication date (`by="published"`).

    Unknown times go last, ordered by first report. `since`/`until` (YYYY[-MM[-DD]])
    keep entries whose period overlaps the range. Claims reviewed wrong are left out
    unless `include_rejected`.
    """
    for name, value in (("since", since), ("until", until)):
        if value is not None and period_of(value) is None:
            raise UsageError(f"{name} {value!r}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if by not in ("event", "published"):
        raise UsageError(f"by {by!r}: use event or published")
    events = list_events(store, type=type, actor=actor, weapon=weapon, include_rejected=include_rejected)
    if by == "event":
        entries = [
            TimelineEntry(when=e.time, precision=e.time_precision, event_id=e.event_id, summary=e.summary(),
                          n_claims=e.n_claims, first_reported=e.first_published)
            for e in events if _in_range(e.time, since, until)
        ]
        return sorted(entries, key=_event_order)
    claims = reviewed_memberships(store, [e.event_id for e in events], include_rejected=include_rejected)
    summaries = {e.event_id: e.summary() for e in events}
    entries = [
        TimelineEntry(when=m.published, precision=precision_of(m.published), event_id=event_id,
                      summary=summaries[event_id], first_reported=m.published, record_id=m.record_id,
                      doc_id=m.record.doc_id, claimant=m.record.claimant, stance=m.record.stance,
                      evidence=m.record.evidence)
        for event_id, members in claims.items() for m in members if _in_range(m.published, since, until)
    ]
    return sorted(entries, key=lambda t: (t.when is None, t.when or "", t.doc_id or "", t.record_id or ""))
