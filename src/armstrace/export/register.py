"""Arms-register rows: SIPRI's shape (supplier, recipient, weapon, year, number, status), with the evidence.

One row per supplier, recipient and weapon model (or the weapon class where no
model is named) per year of the event, built from transfer events:

- `year`: the event's year where its time is known, else empty (the report
  dates are in `first_reported`/`last_reported`);
- quantities: `quantity_min` is the smallest lower bound and `quantity_max`
  the largest upper bound any supporting claim states, the maximum empty
  when a claim leaves it open ("at least 1,160"); `quantities` lists each
  claim's range ("8", ">=1160", "<=1000", "6-8"). A range of what sources
  say, not a sum, since two claims may count the same deliveries. A number
  counts only from a claim that states the transfer itself (a transfer
  trigger), not from one read off a use ("Russia fired 1,160 Iranian
  drones" counts drones fired, not delivered), and toward a model's row
  only when the claim names that model or the event names one model or none;
- `status`: what the supporting claims' wording says of the deal's stage,
  read from the trigger and the words just before it: `ordered` (orders,
  contracts, deals, purchases), `planned` (will, plans to, promised, due
  to), `delivered` (delivered, arrived, received, supplied, sent, shipped,
  handed over, transferred); several are joined with ";", none is empty
  (the text does not say);
- `n_independent`: independent sources across the row's claims (syndicated
  copies count once); `contested`: some claimant denies it, or a broad
  denial between the same parties meets it;
- the evidence sentences, and the documents, urls, records and events behind it.

A register row is our reading of news reports, not a verified delivery: the
stance columns and evidence say how firmly, and by whom, it is claimed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..analysis.contradictions import Contested
from ..analysis.corroboration import corroborate
from ..analysis.events import Event, Membership, list_events
from ..analysis.reviewed import reviewed_memberships
from ..errors import UsageError
from ..store import RecordFilter, Store
from .names import actor_name, weapon_names
from .rows import PAGE, Documents

REGISTER_EXPORT = "register/1"

REGISTER_COLUMNS: tuple[str, ...] = (
    "supplier", "supplier_name", "recipient", "recipient_name", "weapon_class", "model", "model_name",
    "designation", "year", "quantity_min", "quantity_max", "quantities", "status",
    "n_events", "n_claims", "n_independent", "asserting", "hedging", "denying", "contested",
    "first_reported", "last_reported", "evidence", "doc_ids", "urls", "record_ids", "event_ids",
)
REGISTER_KINDS: dict[str, str] = {
    **dict.fromkeys(("quantities", "asserting", "hedging", "denying", "evidence", "doc_ids", "urls", "record_ids",
                     "event_ids"), "list"),
    **dict.fromkeys(("year", "quantity_min", "quantity_max", "n_events", "n_claims", "n_independent"), "int"),
    "contested": "bool", "first_reported": "date", "last_reported": "date",
}
REGISTER_REQUIRED = ("supplier", "designation", "n_events", "n_claims", "n_independent", "contested")

# The stage of a deal, from the trigger word (its start) and the sentence's wording.
_ORDERED = re.compile(r"\b(order(s|ed)?|contracts?|deals?|agreements?|purchas\w*|bought|buy(s|ing)?|procure\w*|"
                      r"agreed to (buy|purchase|sell|supply|deliver))\b", re.IGNORECASE)
_PLANNED = re.compile(r"\b(will|would|shall|plans? to|planned to|planning to|intends? to|(is|are|was|were) (set|due|"
                      r"expected|scheduled) to|(is|are) to|promis\w*|pledg\w*)\b", re.IGNORECASE)
_DELIVERED = ("deliver", "arriv", "receiv", "supplied", "supplying", "sent", "shipp", "shipment", "consignment",
              "cargo", "brought", "smuggl", "handed", "transferred", "provided", "gave", "donated", "tranche")


# How far before the trigger a modal or a deal word still speaks of it ("plans to send", "signed a deal for").
_BEFORE = 40


def _trigger_context(m: Membership) -> str:
    """The trigger and the words just before it in the evidence (the whole evidence if the trigger is not in it)."""
    evidence, trigger = m.record.evidence, m.record.trigger or ""
    at = evidence.casefold().find(trigger.casefold()) if trigger else -1
    if at < 0:
        return evidence
    return evidence[max(0, at - _BEFORE):at + len(trigger)]


def claim_status(m: Membership) -> str | None:
    """ordered, planned or delivered, as the claim's trigger and the words before it say; None if they do not."""
    trigger = (m.record.trigger or "").casefold()
    context = _trigger_context(m)
    if _ORDERED.search(context):
        return "ordered"
    if _PLANNED.search(context):
        return "planned"
    if trigger.startswith(_DELIVERED):
        return "delivered"
    return None


def states_transfer(m: Membership) -> bool:
    """Whether the claim states a transfer itself (its number is of arms transferred), not one read off a use."""
    rules = m.record.rules
    other_trigger = any(r.startswith("trigger/") and not r.startswith("trigger/transfer/") for r in rules)
    return not other_trigger and "role/transfer/weapon-origin" not in rules


def _range(m: Membership) -> str | None:
    q = m.record.quantity
    if q is None or (q.min is None and q.max is None):
        return None
    if q.min == q.max:
        return str(q.min)
    if q.max is None:
        return f">={q.min}"
    return f"<={q.max}" if q.min is None else f"{q.min}-{q.max}"


@dataclass
class _Group:
    """The events and claims of one register row while it is gathered."""

    event: Event
    events: list[Event] = field(default_factory=list)
    claims: list[Membership] = field(default_factory=list)
    counted: list[Membership] = field(default_factory=list)   # claims whose quantity counts for this row
    contested: bool = False


def _year(event: Event) -> int | None:
    if event.time_min and event.time_max and event.time_min[:4] == event.time_max[:4]:
        return int(event.time_min[:4])
    return None


def _gather(store: Store, where: RecordFilter) -> dict[tuple[Any, ...], _Group]:
    groups: dict[tuple[Any, ...], _Group] = {}
    contested_event = Contested(store, include_rejected=where.include_rejected)
    offset = 0
    while True:
        # Events and their claims only: the flags and corroboration of `event_reports` are not needed here,
        # and a row's corroboration is computed once over all its claims.
        page = list_events(store, type="transfer", actor=where.actor, weapon=where.weapon, limit=PAGE, offset=offset,
                           include_rejected=where.include_rejected)
        # Claims reviewed wrong left out (unless asked for), corrections applied: as every other view.
        claims_of = reviewed_memberships(store, [e.event_id for e in page], include_rejected=where.include_rejected)
        for event in page:
            claims = claims_of.get(event.event_id, [])
            contested = contested_event(event)
            models: list[str | None] = list(event.models) or [None]
            for model in models:
                key = (event.actor, event.recipient or "", event.weapon_class or "", model or "", _year(event))
                group = groups.setdefault(key, _Group(event))
                group.events.append(event)
                group.claims.extend(claims)
                group.counted.extend(m for m in claims if states_transfer(m)
                                     and (len(event.models) <= 1 or model in m.record.weapons))
                group.contested |= contested
        if len(page) < PAGE:
            return groups
        offset += len(page)


def _row(store: Store, key: tuple[Any, ...], group: _Group, documents: Documents) -> dict[str, Any]:
    supplier, recipient, weapon_class, model, year = key
    claims = list({m.record_id: m for m in group.claims}.values())
    support = [m for m in claims if m.record.stance != "denied"]
    counted = [m for m in {m.record_id: m for m in group.counted}.values() if m.record.stance != "denied"]
    stated = [m.record.quantity for m in counted if m.record.quantity is not None]
    lows = [q.min for q in stated if q.min is not None]
    highs = [q.max for q in stated if q.max is not None]
    open_ended = any(q.min is not None and q.max is None for q in stated)
    corr = corroborate(store, group.event, claims)
    doc_ids = sorted({m.record.doc_id for m in claims})
    model_name = weapon_names([model])[0] if model else None
    return {
        "supplier": supplier, "supplier_name": actor_name(supplier),
        "recipient": recipient or None, "recipient_name": actor_name(recipient or None),
        "weapon_class": weapon_class or None, "model": model or None, "model_name": model_name,
        "designation": model_name or weapon_class or "arms", "year": year,
        "quantity_min": min(lows, default=None), "quantity_max": None if open_ended else max(highs, default=None),
        "quantities": list(dict.fromkeys(r for m in counted if (r := _range(m)))),
        "status": ";".join(sorted({s for m in support if (s := claim_status(m))})) or None,
        "n_events": len(group.events), "n_claims": len(claims), "n_independent": corr.n_independent,
        "asserting": corr.asserting, "hedging": corr.hedging, "denying": corr.denying,
        "contested": group.contested or bool(corr.denying),
        "first_reported": corr.first_reported, "last_reported": corr.last_reported,
        "evidence": list(dict.fromkeys(m.record.evidence for m in claims)),
        "doc_ids": doc_ids, "urls": [url for d in doc_ids if (url := documents.get(d)[0])],
        "record_ids": [m.record_id for m in claims], "event_ids": [e.event_id for e in group.events],
    }


def register_rows(store: Store, where: RecordFilter | None = None, *, limit: int | None = None
                  ) -> Iterable[dict[str, Any]]:
    """The register rows of the transfer events the filter selects (its actor and weapon), sorted."""
    where = where or RecordFilter()
    if where.type not in (None, "transfer") or where.claimant is not None or where.stance is not None:
        raise UsageError("the register holds transfers: filter it by --actor and --weapon (the asserting, "
                         "hedging and denying columns give each row's claimants)")
    groups = _gather(store, where)
    documents = Documents(store)

    def order(key: tuple[Any, ...]) -> tuple[Any, ...]:
        return (key[0], key[1], key[4] is None, key[4] or 0, key[2], key[3])

    keys = sorted(groups, key=order)[:limit]
    return [_row(store, key, groups[key], documents) for key in keys]
