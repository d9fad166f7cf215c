"""What an analyst sees of one event: its corroboration, regime flags, claimed breaches and a page of claims.

The CLI and the API show the same reports; building them here keeps both
faces thin and their JSON identical. A report costs the page it shows: the
corroboration is the one stored at clustering time, claimed breaches are
grouped in SQL, and the claims come a page at a time (`claims_total` says
how many there are).
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ..store import Store
from ..store.effective import source as corrected_source
from ..store.queries import not_rejected
from .access import query
from .corroboration import Corroboration, stored_corroboration
from .events import Event, Membership, claims_page, get_event, list_events
from .regimes import ClaimedViolation, RegimeFlag, claimed_violations, flag_event, regimes_version
from .reviewed import reviewed_memberships

# Record ids listed per claimed instrument; `n_records` counts them all.
CLAIMED_IDS_LIMIT = 50


class EventReport(BaseModel):
    """One event: who says what, how independent they are, what it would engage, and one page of its claims."""

    model_config = ConfigDict(extra="forbid")

    event: Event
    corroboration: Corroboration
    flags: list[RegimeFlag]
    claimed: list[ClaimedViolation]
    claims: list[Membership]
    claims_total: int
    claims_limit: int | None
    claims_offset: int
    regimes_version: str


def claimed_of(store: Store, event_id: str, flags: list[RegimeFlag],
               include_rejected: bool = False) -> list[ClaimedViolation]:
    """What the claimants say the event breaches, per instrument (grouped in SQL), marked when a flag agrees.

    Read from the records as their reviews correct them (a `violates` or claimant correction counts), claims
    reviewed wrong left out unless `include_rejected`.
    """
    flagged = {code.casefold() for flag in flags for code in flag.instruments}
    kept, params = ("1", []) if include_rejected else not_rejected()
    rows = query(store, "SELECT j.value AS instrument, r.claimant AS claimant, r.record_id AS record_id "
                        f"FROM event_claims AS c JOIN {corrected_source(store)} AS r ON r.record_id = c.record_id "
                        "JOIN documents AS d ON d.doc_id = r.doc_id, json_each(r.violates) AS j "
                        f"WHERE c.event_id = ? AND r.violates != '[]' AND {kept} ORDER BY j.value, "
                        "COALESCE(d.published, '9999'), r.doc_id, r.evidence_start, r.record_id", (event_id, *params))
    by_instrument: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        by_instrument.setdefault(str(row["instrument"]), []).append((row["claimant"], row["record_id"]))
    return [
        ClaimedViolation(instrument=code, claimants=sorted({c for c, _ in members}),
                         record_ids=[r for _, r in members[:CLAIMED_IDS_LIMIT]], n_records=len(members),
                         flagged=code.casefold() in flagged)
        for code, members in sorted(by_instrument.items())
    ]


def event_report(store: Store, event_id: str, *, limit: int | None = 50, offset: int = 0,
                 groups_limit: int = 50, include_rejected: bool = False) -> EventReport:
    """The report of one event with claims `offset` to `offset + limit` (None: all); NotFound if there is none.

    Args:
        groups_limit: source groups listed in the corroboration (-1: all).
        include_rejected: also the claims reviewed wrong (left out by default).
    """
    event = get_event(store, event_id, include_rejected)
    flags = flag_event(event)
    return EventReport(event=event, corroboration=stored_corroboration(store, event, groups_limit=groups_limit),
                       flags=flags, claimed=claimed_of(store, event_id, flags, include_rejected),
                       claims=claims_page(store, event_id, limit=limit, offset=offset, include_rejected=include_rejected),
                       claims_total=event.n_claims,
                       claims_limit=limit, claims_offset=offset, regimes_version=regimes_version())


def event_reports(store: Store, *, type: str | None = None, actor: str | None = None, weapon: str | None = None,
                  limit: int | None = None, offset: int = 0, include_rejected: bool = False) -> list[EventReport]:
    """Whole reports (every claim and source group) of the events `list_events` selects: for exports.

    An export writes every claim, so it reads them all; the API and the CLI list events from the
    stored rows and open one a page at a time.
    """
    events = list_events(store, type=type, actor=actor, weapon=weapon, limit=limit, offset=offset,
                         include_rejected=include_rejected)
    claims = reviewed_memberships(store, [e.event_id for e in events], include_rejected=include_rejected)
    version = regimes_version()   # hashes two data files: once per call, not once per event
    reports = []
    for event in events:
        members = claims.get(event.event_id, [])
        flags = flag_event(event)
        reports.append(EventReport(event=event, corroboration=stored_corroboration(store, event, groups_limit=-1),
                                   flags=flags, claimed=claimed_violations(members, flags), claims=members,
                                   claims_total=len(members), claims_limit=None, claims_offset=0,
                                   regimes_version=version))
    return reports
