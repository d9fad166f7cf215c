"""Events as rows: the unit analysts count, one row per event, read through the analysis functions.

Each row is the event's key fields, its first and last report dates, how many
independent sources stand behind it (syndicated copies counted once), the
claimants asserting, hedging and denying it, whether it is contradicted (a
denial of it, or a broad "no weapons at all" denial between the same
parties), the sanctions regimes it would engage with the condition and
reason that matched, the instruments claimants say it breaches, and the ids
of its records. Events are read a page at a time (`event_reports`).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..analysis import event_reports
from ..analysis.contradictions import Contested
from ..analysis.reports import EventReport
from ..store import Store
from .names import actor_name, weapon_names
from .rows import PAGE

EVENTS_EXPORT = "events/1"

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "type", "actor", "actor_name", "recipient", "recipient_name", "location", "location_name",
    "weapon_class", "models", "model_names", "time", "time_precision",
    "first_reported", "last_reported", "n_claims", "n_documents", "n_independent",
    "asserting", "hedging", "denying", "contradicted",
    "regime_flags", "regime_reasons", "claimed_violations", "record_ids", "doc_ids",
)

# Column kinds other than text, for the Parquet schema (`tables.schema_of`): list, int, bool or date.
EVENT_KINDS: dict[str, str] = {
    **dict.fromkeys(("models", "model_names", "asserting", "hedging", "denying", "regime_flags", "regime_reasons",
                     "claimed_violations", "record_ids", "doc_ids"), "list"),
    **dict.fromkeys(("n_claims", "n_documents", "n_independent"), "int"),
    "contradicted": "bool", "first_reported": "date", "last_reported": "date",
}
EVENT_REQUIRED = ("event_id", "type", "actor", "n_claims", "n_documents", "n_independent", "contradicted")


def event_values(store: Store, report: EventReport, contested: Contested | None = None) -> dict[str, Any]:
    """One event's row, keyed by EVENT_COLUMNS (`contested`: the export's, which reads each block's denials once)."""
    event, corr = report.event, report.corroboration
    contradicted = (contested or Contested(store))(event)
    return {
        "event_id": event.event_id, "type": event.type,
        "actor": event.actor, "actor_name": actor_name(event.actor),
        "recipient": event.recipient, "recipient_name": actor_name(event.recipient),
        "location": event.location, "location_name": actor_name(event.location),
        "weapon_class": event.weapon_class, "models": list(event.models), "model_names": weapon_names(event.models),
        "time": event.time, "time_precision": event.time_precision,
        "first_reported": corr.first_reported, "last_reported": corr.last_reported,
        "n_claims": corr.n_claims, "n_documents": corr.n_documents, "n_independent": corr.n_independent,
        "asserting": corr.asserting, "hedging": corr.hedging, "denying": corr.denying,
        "contradicted": contradicted,
        "regime_flags": [f"{flag.regime} ({flag.certainty})" for flag in report.flags],
        "regime_reasons": [f"{flag.regime} {m.condition} ({m.paragraph}): {m.reason}"
                           for flag in report.flags for m in flag.matches],
        "claimed_violations": [c.instrument for c in report.claimed],
        "record_ids": [m.record_id for m in report.claims],
        "doc_ids": sorted({m.record.doc_id for m in report.claims}),
    }


def selected_events(store: Store, *, type: str | None = None, actor: str | None = None,
                    weapon: str | None = None, limit: int | None = None,
                    include_rejected: bool = False) -> Iterator[dict[str, Any]]:
    """The rows of the events `list_events` selects (at most `limit`), a page of reports at a time."""
    contested = Contested(store)   # as `event_contradictions`' default: claims reviewed wrong left out
    offset = 0
    while limit is None or offset < limit:
        size = PAGE if limit is None else min(PAGE, limit - offset)
        page = event_reports(store, type=type, actor=actor, weapon=weapon, limit=size, offset=offset,
                             include_rejected=include_rejected)
        for report in page:
            yield event_values(store, report, contested)
        if len(page) < size:
            return
        offset += len(page)
