"""Publication dates: any date string -> `YYYY-MM-DD`, or None when it cannot be read.

Pure and deterministic: relative dates ("yesterday", "2 hours ago") and dates
without a year ("June 5") are refused rather than resolved against today's
clock, so the same input always gives the same date.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import dateparser

# Years outside this range are typos or epoch artefacts, not news dates.
MIN_YEAR = 1900
MAX_YEAR = 2100

_ISO = re.compile(r"^\d{4}-\d{1,2}(-\d{1,2})?([T ].*)?$")
_YEAR_FIRST = re.compile(r"^\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?\b")

# dateparser 1.5: a month-only date gets today's day unless PREFER_DAY_OF_MONTH
# is "first" (NOTES.md); REQUIRE_PARTS and no "relative-time" parser keep it pure.
_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_MONTH_OF_YEAR": "first",
    "REQUIRE_PARTS": ["year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_SETTINGS_YMD: dict[str, Any] = {**_SETTINGS, "DATE_ORDER": "YMD"}


def _in_range(day: date) -> str | None:
    return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None


def normalise_date(value: str) -> str | None:
    """`value` as `YYYY-MM-DD` ("June 24, 2022", "2022-06-24T09:15:00Z", "March 2023" -> 2023-03-01), else None.

    The date is the one written, not converted to another time zone.
    """
    text = value.strip() if isinstance(value, str) else ""
    if not text or len(text) > 100:
        return None
    if _ISO.match(text):
        try:
            # Python 3.11 reads "2022-06-24", "2022-06-24T09:15:00+00:00" and "...Z".
            return _in_range(datetime.fromisoformat(text).date())
        except ValueError:
            pass
    settings = _SETTINGS_YMD if _YEAR_FIRST.match(text) else _SETTINGS
    try:
        parsed = dateparser.parse(text, settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
    return _in_range(parsed.date()) if parsed else None
