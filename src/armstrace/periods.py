"""Event times as calendar periods: "2022" is all of 2022, "2022-08" all of August.

Claims give times at different precisions; two claims can describe the same
event when their periods overlap ("2022-08" lies inside "2022"). Periods of
the calendar nest or are disjoint, so the periods of a group of claims that
overlap pairwise have one common part: the most precise of them.

Above `analysis/` (which clusters by it) so that `store/corrections.py` checks
a corrected time with the same parser every view reads it with.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_TIME = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISION_RANK: dict[str, int] = {"year": 1, "month": 2, "day": 3}


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of ISO dates, `start` to `end` inclusive."""

    start: str
    end: str

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Period) -> Period:
        """The days both periods share (call only when they overlap)."""
        return Period(max(self.start, other.start), min(self.end, other.end))

    def days(self) -> int:
        """A length for ranking: shorter periods are more precise."""
        return _ordinal(self.end) - _ordinal(self.start)


def _ordinal(iso: str) -> int:
    year, month, day = (int(part) for part in iso.split("-"))
    return year * 372 + month * 31 + day  # monotone, enough to compare lengths


def period_of(time: str | None) -> Period | None:
    """The period a record's `time` covers; None when the time is unknown or not a date ("2022-13", "2022-02-30")."""
    if not time:
        return None
    match = _TIME.match(time.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if int(year) == 0:  # ISO has no year 0000; datetime.date refuses it too
        return None
    try:
        if day is not None:
            iso = date(int(year), int(month), int(day)).isoformat()
            return Period(iso, iso)
        if month is not None:
            last = calendar.monthrange(int(year), int(month))[1]
            return Period(f"{year}-{month}-01", f"{year}-{month}-{last:02d}")
    except ValueError:  # month 00 or 13, day 00 or past the month's end
        return None
    return Period(f"{year}-01-01", f"{year}-12-31")


def precision_of(time: str | None) -> str | None:
    """`year`, `month` or `day` from the shape of `time`; None when unknown or not a date."""
    if time is None or period_of(time) is None:
        return None
    return {4: "year", 7: "month", 10: "day"}[len(time.strip())]


def window(start: str | None, end: str | None) -> Period:
    """A period from optional bounds (open ends reach the calendar's limits)."""
    return Period(start or "0001-01-01", end or "9999-12-31")
