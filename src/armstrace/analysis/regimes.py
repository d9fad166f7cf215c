"""Sanctions regimes an event would engage, and why; kept apart from what claimants say.

The regimes are data (`armstrace/data/regimes/regimes.jsonl`, one regime a
line, schema below): each has conditions on the event type, supplier,
recipient, weapon class and a time window, with the paragraph they come
from. A flag is our reading of the text of a regime against the event's
fields, not a legal finding: it says which condition matched and how sure the
match is (`matched`: every field known and inside; `possible`: the event's
time is unknown but not excluded). What a claimant *says* the event breaches
is the records' `violates`, reported beside the flags as `claimed`.

Times: an event is flagged under a condition when its time overlaps the
condition's window. When its time is unknown, a window with an end date
(a measure that lapsed) flags it only if its first report falls inside the
window, since an event first reported after a measure ended says nothing of
the measure; an open window flags it unless it was first reported before
the window opened.

Treaties bind their States Parties only (`party_only`): the dated party
list (`treaty_parties.jsonl`: who deposited what, when it took effect, from
the depositary's record) decides. The Arms Trade Treaty's prohibitions and
export assessment bind the exporting State, so an event is flagged only
where its supplier was a State Party at the event's time; a supplier that
was not, or whose status is not recorded, gives no flag.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import BadData
from ..gazetteer import Entry, read_data_file
from ..records import EventType, WeaponClass
from .events import Event, Membership
from ..periods import Period, window

REGIMES_PACKAGE = "armstrace.data.regimes"
REGIMES_FILE = "regimes.jsonl"
_DATE = r"^\d{4}-\d{2}-\d{2}$"

PARTIES_FILE = "treaty_parties.jsonl"

Certainty = Literal["matched", "possible"]
_TRANSFERS: list[EventType] = ["transfer"]   # what a condition covers when it names no type


class RegimeCondition(BaseModel):
    """One condition of a regime; an empty list means any value."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    paragraph: str                       # "Annex B, paragraph 4"
    summary: str                         # what the paragraph restricts, in our words
    types: list[EventType] = Field(default_factory=_TRANSFERS.copy)
    suppliers: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    weapon_classes: list[WeaponClass] = Field(default_factory=list)
    start: str = Field(pattern=_DATE)
    end: str | None = Field(default=None, pattern=_DATE)  # the day it lapsed, as the source dates it


class Regime(Entry):
    """A sanctions regime or treaty: its conditions, the instrument codes claimants cite, its source."""

    id: str = Field(pattern=r"^regime/[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    authority: Literal["un", "eu", "us", "treaty"]
    instruments: list[str]               # codes as records write them in `violates`: "UNSCR-2231"
    conditions: list[RegimeCondition] = Field(min_length=1)
    note: str | None = None
    party_only: bool = False             # binds only its States Parties (the Arms Trade Treaty): see PARTIES_FILE


class TreatyStatus(Entry):
    """One state's status under a treaty, dated, from the depositary's record."""

    id: str = Field(pattern=r"^[a-z0-9-]+/[A-Z]{3}$")     # "att/GBR"
    treaty: str = Field(pattern=r"^regime/[a-z0-9]+(-[a-z0-9]+)*$")
    state: str = Field(pattern=r"^[A-Z]{3}$")
    status: Literal["party", "signatory", "non-party"]
    action: Literal["ratification", "accession", "acceptance", "approval"] | None = None
    deposited: str | None = Field(default=None, pattern=_DATE)    # the day the instrument was deposited
    in_force: str | None = Field(default=None, pattern=_DATE)     # the day the treaty took effect for the state
    signed: str | None = Field(default=None, pattern=_DATE)
    note: str | None = None


class ConditionMatch(BaseModel):
    """One condition an event meets, with the reason in words."""

    model_config = ConfigDict(extra="forbid")

    condition: str
    paragraph: str
    certainty: Certainty
    reason: str


class RegimeFlag(BaseModel):
    """A regime an event would engage, by the conditions it meets."""

    model_config = ConfigDict(extra="forbid")

    regime: str
    name: str
    instruments: list[str]
    certainty: Certainty
    matches: list[ConditionMatch]
    source: str
    note: str | None = None


class ClaimedViolation(BaseModel):
    """An instrument claimants say the event breaches (records' `violates`), and whether we flag it too."""

    model_config = ConfigDict(extra="forbid")

    instrument: str
    claimants: list[str]
    record_ids: list[str]           # the first 50 when read for one event
    flagged: bool
    n_records: int = 0              # every record that says so


@lru_cache(maxsize=1)
def load_regimes() -> tuple[Regime, ...]:
    """Every regime in the data file, validated (cached)."""
    return tuple(read_data_file(REGIMES_PACKAGE, REGIMES_FILE, Regime))


@lru_cache(maxsize=1)
def load_treaty_parties() -> dict[tuple[str, str], TreatyStatus]:
    """(treaty regime id, state code) -> its dated status, validated (cached); a state twice is BadData."""
    statuses: dict[tuple[str, str], TreatyStatus] = {}
    for entry in read_data_file(REGIMES_PACKAGE, PARTIES_FILE, TreatyStatus):
        key = (entry.treaty, entry.state)
        if key in statuses:
            raise BadData(f"{PARTIES_FILE}: {entry.state} is listed twice for {entry.treaty}")
        if entry.status == "party" and entry.in_force is None:
            raise BadData(f"{PARTIES_FILE}: {entry.id} is a party with no in_force date")
        statuses[key] = entry
    return statuses


def regimes_version() -> str:
    """A short hash of the regimes and treaty-party files: flags can say which data they came from."""
    h = hashlib.sha256()
    for name in (REGIMES_FILE, PARTIES_FILE):
        h.update(resources.files(REGIMES_PACKAGE).joinpath(name).read_bytes())
    return h.hexdigest()[:12]


def _listed(value: str | None, allowed: Sequence[str]) -> bool:
    return not allowed or (value is not None and value in allowed)


def _party(role: str, value: str | None, allowed: Sequence[str]) -> str:
    if not allowed:
        return f"{role} {value or '?'} (any)"
    return f"{role} {value} listed"


def _time_match(event: Event, cond: RegimeCondition) -> tuple[Certainty, str] | None:
    span = window(cond.start, cond.end)
    label = f"{cond.start}..{cond.end or 'in force'}"
    if event.time_min is not None and event.time_max is not None:
        if not Period(event.time_min, event.time_max).overlaps(span):
            return None
        return "matched", f"time {event.time} within {label}"
    # An event happens no later than its first report: a first report before the
    # window opened rules the window out. A lapsed measure needs the first report
    # inside its window: one made after it ended, or none, says nothing of it.
    first = event.first_published
    if first is not None and first < cond.start:
        return None
    if cond.end is not None and (first is None or first > cond.end):
        return None
    reported = f"first reported {first}" if first else "no report date"
    return "possible", f"time unknown ({reported}); window {label}"


def match_condition(event: Event, cond: RegimeCondition) -> ConditionMatch | None:
    """How `event` meets `cond`, or None when some field rules it out."""
    if event.type not in cond.types:
        return None
    if not _listed(event.actor, cond.suppliers) or not _listed(event.recipient, cond.recipients):
        return None
    if cond.weapon_classes and event.weapon_class not in cond.weapon_classes:
        return None
    timing = _time_match(event, cond)
    if timing is None:
        return None
    certainty, when = timing
    weapon = f"class {event.weapon_class} " + ("covered" if cond.weapon_classes else "(any)")
    parts = [event.type, _party("supplier", event.actor, cond.suppliers),
             _party("recipient", event.recipient, cond.recipients), weapon, when]
    return ConditionMatch(condition=cond.id, paragraph=cond.paragraph, certainty=certainty,
                          reason="; ".join(parts))


def supplier_bound(event: Event, regime: Regime) -> tuple[Certainty, str] | None:
    """Whether the event's supplier was a State Party of `regime` at the event's time, and why; None if not."""
    status = load_treaty_parties().get((regime.id, event.actor))
    if status is None or status.status != "party" or status.in_force is None:
        return None
    since = f"supplier {event.actor} a State Party from {status.in_force}"
    if event.time_min is not None and event.time_max is not None:
        if event.time_max < status.in_force:
            return None
        if event.time_min >= status.in_force:
            return "matched", since
        return "possible", f"{since}, within the event's time {event.time}"
    first = event.first_published
    if first is not None and first < status.in_force:
        return None
    return "possible", f"{since}; the event's time is unknown"


def flag_event(event: Event, regimes: Sequence[Regime] | None = None) -> list[RegimeFlag]:
    """The regimes `event` would engage, each with the conditions it meets."""
    flags = []
    for regime in load_regimes() if regimes is None else regimes:
        matches = [m for cond in regime.conditions if (m := match_condition(event, cond)) is not None]
        if not matches:
            continue
        if regime.party_only:
            bound = supplier_bound(event, regime)
            if bound is None:
                continue
            for m in matches:
                m.reason += f"; {bound[1]}"
                if bound[0] == "possible":
                    m.certainty = "possible"
        certainty: Certainty = "matched" if any(m.certainty == "matched" for m in matches) else "possible"
        flags.append(RegimeFlag(regime=regime.id, name=regime.name, instruments=regime.instruments,
                                certainty=certainty, matches=matches, source=regime.source, note=regime.note))
    return flags


def claimed_violations(claims: Sequence[Membership], flags: Sequence[RegimeFlag]) -> list[ClaimedViolation]:
    """What the claimants say the event breaches, per instrument, marked when a flag agrees."""
    flagged = {code.casefold() for flag in flags for code in flag.instruments}
    by_instrument: dict[str, list[Membership]] = {}
    for m in claims:
        for instrument in m.record.violates:
            by_instrument.setdefault(instrument, []).append(m)
    return [
        ClaimedViolation(instrument=code, claimants=sorted({m.record.claimant for m in members}),
                         record_ids=[m.record_id for m in members], flagged=code.casefold() in flagged,
                         n_records=len(members))
        for code, members in sorted(by_instrument.items())
    ]
