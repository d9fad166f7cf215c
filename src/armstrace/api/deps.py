"""What every resource shares: the open Stores, the record filters, and a record as JSON.

The filters are declared once here so that /api/records, /api/network,
/api/weapons and /api/timeline accept the same parameters with the same
meaning (the same names as the CLI options).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from pydantic import AfterValidator

from ..records import EventType, Record, Stance
from ..store import RecordFilter, Store
from ..store.lookup import resolve_filter
from ..store.queries import REVIEW_STATES
from ..store.reviews import record_with_review, reviews_for

# ASCII digits only ("\d" also matches Arabic-Indic and other digits), years 0001-9999, each month
# with its own days; `_real_date` then refuses only 29 February of a year that is not a leap year.
_YEAR = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH_DAY = "((0[13578]|1[02])(-(0[1-9]|[12][0-9]|3[01]))?|(0[469]|11)(-(0[1-9]|[12][0-9]|30))?|02(-(0[1-9]|1[0-9]|2[0-9]))?)"
DATE_PATTERN = rf"^{_YEAR}(-{_MONTH_DAY})?$"
MAX_LIMIT = 500
# SQLite's integers stop at 2^63 - 1 (an offset past it was a 500); no database comes near this.
MAX_OFFSET = 1_000_000_000
# A NUL ends a C string: SQLite's LIKE read "%\0%" as "%" and matched every record.
NO_NUL = r"^[^\x00]*$"
MAX_FILTER_CHARS = 200


def _real_date(value: str | None) -> str | None:
    """`value` if it is a day, month or year that exists (year 0001 onwards), else ValueError."""
    if value is None:
        return None
    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError as exc:
        raise ValueError(f"{value} is not a date ({exc})") from None
    return value


DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]."),
                      AfterValidator(_real_date)]
OffsetParam = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (at most 1,000,000,000).")]
LimitParam = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")]


def text_param(description: str) -> Any:
    """A free-text filter: bounded, and never a NUL."""
    return Query(None, max_length=MAX_FILTER_CHARS, pattern=NO_NUL, description=description)


def get_store(request: Request) -> Store:
    """The read-only Store the app opened at start-up: GET routes cannot write."""
    store: Store = request.app.state.store
    return store


def get_writer(request: Request) -> Store:
    """The writable Store, for the routes that record reviews."""
    writer: Store = request.app.state.writer
    return writer


StoreDep = Annotated[Store, Depends(get_store)]
WriterDep = Annotated[Store, Depends(get_writer)]
TypeParam = Annotated[EventType | None, Query(description="Event type.")]
StanceParam = Annotated[Stance | None, Query(description="Stance of the claim.")]
ReviewParam = Annotated[Literal[REVIEW_STATES] | None, Query(  # type: ignore[valid-type]
    description="Only records in this review state: unreviewed, reviewed, right, wrong (last verdict), corrected.")]
IncludeRejectedParam = Annotated[bool, Query(
    description="Also records whose last review says wrong (left out by default, from every view).")]
ACTOR_HELP = "Actor or recipient (either side): an id (IRN) or a name, demonym, capital or alias (Iran, Tehran)."
WEAPON_HELP = ("Weapon: a model id or name (shahed-136, Geran-2), a family (Shahed), a class or its word (uav, drones);"
               " several joined by commas. An unknown name is a 422 with suggestions.")


def record_filters(
    request: Request,
    type: TypeParam = None,
    actor: str | None = text_param(ACTOR_HELP),
    recipient: str | None = text_param("Recipient: an id (RUS) or a name (Russia, Moscow)."),
    weapon: str | None = text_param(WEAPON_HELP),
    claimant: str | None = text_param("Claimant: an id or name (USA, Ukraine), or 'author'."),
    stance: StanceParam = None,
    doc_id: str | None = text_param("Only records of this document."),
    since: DateParam = None,
    until: DateParam = None,
    q: str | None = text_param('Words or "quoted phrases" the evidence sentence contains (each a substring, any case).'),
    review: ReviewParam = None,
    include_rejected: IncludeRejectedParam = False,
) -> RecordFilter:
    """The record filters as a RecordFilter (empty strings mean no filter), names resolved to ids.

    `request` gives the read-only Store, whose stored ids the resolver also accepts.
    """
    flt = RecordFilter(type=type or None, actor=actor or None, recipient=recipient or None, weapon=weapon or None,
                       claimant=claimant or None, stance=stance or None, doc_id=doc_id or None,
                       since=since or None, until=until or None, text=q or None, review=review or None,
                       include_rejected=include_rejected)
    return resolve_filter(request.app.state.store, flt)


FiltersDep = Annotated[RecordFilter, Depends(record_filters)]


def records_json(store: Store, records: Sequence[Record]) -> list[dict[str, Any]]:
    """Records as the API returns them: the JSONL fields plus `review` (null when not reviewed)."""
    reviews = reviews_for(store, [rec.record_id for rec in records])
    return [record_with_review(rec, reviews.get(rec.record_id)) for rec in records]
