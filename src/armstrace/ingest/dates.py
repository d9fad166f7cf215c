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


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# A full date: day, month and year (a bare year or month is never a dateline).
_FULL_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
              r"|\d{4}-\d{2}-\d{2})")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "KYIV, June 5, 2023 (Reuters) -", "June 5, 2023 —", "Published: Monday, 5 June 2023": at a line's start.
_DATELINE = re.compile(
    rf"^\s*(?:(?:Published|Posted|Updated|First published|Date)(?:\s+on)?\s*:?\s*{_WEEKDAY}(?P<a>{_FULL_DATE})"
    rf"|(?:[A-Z][A-Za-z.'\- ]{{1,40}},\s*){{0,2}}{_WEEKDAY}(?P<b>{_FULL_DATE})\s*(?:\(|[-\u2013\u2014:|]|$))",
    re.MULTILINE,
)
# A dateline opens the article: only its first lines are searched.
DATELINE_CHARS = 600


def dateline_date(text: str) -> str | None:
    """The date of an explicit dateline in the first lines of `text` ("KYIV, June 5, 2023 (Reuters) -"), else None.

    Only a full date (day, month, year) at the start of a line counts: a year or
    a month in a sentence ("in 2022") is what the article is about, not when it
    was published.
    """
    match = _DATELINE.search(text[:DATELINE_CHARS])
    if match is None:
        return None
    return normalise_date(match.group("a") or match.group("b"))
