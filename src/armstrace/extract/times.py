"""When: the event's date from the sentence, resolved against the publication date.

Month or year alone is kept at that precision ("In May 2022" -> 2022-05);
relative dates ("last month") need a publication date, and are dropped
without one rather than guessed.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from spacy.tokens import Span

_YEAR = re.compile(r"\b(19[4-9]\d|20[0-4]\d)\b")
_RELATIVE = re.compile(r"\b(last|this|next|ago|yesterday|today|recently|earlier)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _parse(text: str, base: str | None) -> tuple[str, str] | None:
    import dateparser  # ~100 ms on first use (NOTES.md): only when a date appears
    from dateutil.parser import parserinfo  # the month names ("January" ... "December"), from the library

    low = text.lower()
    has_year = bool(_YEAR.search(low))
    # (each month as (abbreviation, ..., name): "Jan" ... "January"; a word starting so names the month)
    month = next((m[-1].lower() for m in parserinfo.MONTHS if re.search(rf"\b{m[0].lower()}", low)), None)
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", _YEAR.sub("", low))) and month is not None
    if not has_year and not base:
        return None
    if _RELATIVE.search(low) and not base:
        return None
    settings: dict = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                      "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if has_day:
        return parsed.strftime("%Y-%m-%d"), "day"
    if month is not None or "month" in low:
        return parsed.strftime("%Y-%m"), "month"
    if has_year:
        return parsed.strftime("%Y"), "year"
    return None


def time_of(sent: Span, published: str | None, ents: list[Span] | None = None) -> tuple[str | None, str | None]:
    """(date, precision) of the first date the sentence gives, or (None, None); `ents`: the
    sentence's entities when the caller has them (Span.ents rebuilds the document's)."""
    for ent in sent.ents if ents is None else ents:
        if ent.label_ != "DATE":
            continue
        text = ent.text.strip()
        if re.search(r"\b(every|each|daily|years?-old|decades?)\b", text, re.IGNORECASE):
            continue
        found = _parse(text, published)
        if found is not None:
            return found
    return None, None
