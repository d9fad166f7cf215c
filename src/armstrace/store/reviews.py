"""Analyst reviews of records: right, wrong, or a corrected field, with who and when.

Reviews are an append-only audit trail in the `reviews` table (migration 2).
They are keyed on the record id, which hashes the document, the event and
claim fields and the evidence offsets: re-ingesting the same text re-creates
the same ids, so the reviews re-attach by themselves. The table has no foreign
key to `records` for that reason; a review of a record that extraction no
longer produces stays in the trail with a copy of the record as reviewed.

    from armstrace.store.reviews import add_review, reviews_for
    add_review(store, record_id, verdict="wrong", corrections={"claimant": "UKR"}, reviewer="ana")
    reviews_for(store, [record_id])   # {record_id: ReviewState}
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import BadInput, BadValue
from ..records import Record
from ..resolve import actor_label, weapon_label
from .backup import checkpoint
from .corrections import consistent_time, vocabulary_checked
from .database import Store
from .network_summary import refresh as refresh_network

Verdict = Literal["right", "wrong"]

# The fields an analyst may correct: what the record claims. The evidence and
# its offsets, the ids and the provenance are what the review is about, not
# what it changes.
CORRECTABLE_FIELDS: tuple[str, ...] = (
    "type", "actor", "recipient", "location", "place", "weapon_class", "weapons", "quantity",
    "claimant", "speaker", "stance", "time", "time_precision", "violates",
)

# SQLite caps a statement at 32,766 parameters (3.32+); stay far below it.
_CHUNK = 500
_COLUMNS = "review_id, record_id, verdict, corrections, reviewer, reviewed_at"


class Review(BaseModel):
    """One entry of the audit trail: what one reviewer said about one record, and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    review_id: int
    record_id: str
    verdict: Verdict | None
    corrections: dict[str, Any]
    reviewer: str
    at: str


class ReviewState(BaseModel):
    """A record's review as exports show it: the last verdict and every correction so far."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verdict: Verdict | None
    corrections: dict[str, Any]
    reviewer: str
    at: str
    n_reviews: int


def check_corrections(store: Store, record: Record, corrections: Mapping[str, Any]) -> dict[str, Any]:
    """The corrections, names resolved to ids and validated against the vocabularies and the record schema.

    BadValue (a 422, with the allowed values) for a field that cannot be corrected, a value outside its
    vocabulary or without a field, or a time precision that does not fit the time (as earlier reviews leave it).
    """
    corrections = vocabulary_checked(store, corrections, CORRECTABLE_FIELDS)
    current = corrected(record, reviews_for(store, [record.record_id]).get(record.record_id))
    corrections = consistent_time(current.model_dump(), corrections)
    try:
        fixed = Record.model_validate({**current.model_dump(), **corrections})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BadValue(f"corrections.{where}: {first['msg']} (got {first.get('input')!r})", []) from exc
    dumped = fixed.model_dump(mode="json")
    return {name: dumped[name] for name in corrections}


def add_review(
    store: Store,
    record_id: str,
    *,
    verdict: Verdict | None = None,
    corrections: Mapping[str, Any] | None = None,
    reviewer: str,
) -> Review:
    """Append a review of a stored record; NotFound if it is not stored, BadInput if the review says nothing."""
    corrections = dict(corrections or {})
    reviewer = reviewer.strip()
    if not reviewer:
        raise BadInput("reviewer: empty (say who reviews, e.g. a name or initials)")
    if verdict is None and not corrections:
        raise BadInput("review: give a verdict (right or wrong), corrections, or both")
    if verdict is not None and verdict not in ("right", "wrong"):
        raise BadInput(f"verdict {verdict!r}: use right or wrong")
    record = store.get_record(record_id)
    checked = check_corrections(store, record, corrections)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store._write() as conn:
        cursor = conn.execute(
            "INSERT INTO reviews (record_id, doc_id, evidence_start, evidence_end, verdict, corrections, "
            "reviewer, reviewed_at, original) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record_id, record.doc_id, record.evidence_start, record.evidence_end, verdict,
             json.dumps(checked, ensure_ascii=False), reviewer, now,
             json.dumps(record.to_json(), ensure_ascii=False)),
        )
        review_id = int(cursor.lastrowid or 0)
        refresh_network(store)   # the review leaves the stored network at once (network_summary.py)
    checkpoint(store)   # into the main file now: a copy of the .db alone has the review (backup.py)
    return Review(review_id=review_id, record_id=record_id, verdict=verdict, corrections=checked,
                  reviewer=reviewer, at=now)


def review_history(store: Store, record_id: str) -> list[Review]:
    """Every review of `record_id`, oldest first (also of records no longer stored)."""
    rows = store._query(f"SELECT {_COLUMNS} FROM reviews WHERE record_id = ? ORDER BY review_id", (record_id,))
    return [_review_of(row) for row in rows]


def reviews_for(store: Store, record_ids: Iterable[str]) -> dict[str, ReviewState]:
    """The current review of each reviewed record among `record_ids`; unreviewed ones are absent."""
    ids = list(dict.fromkeys(record_ids))
    history: dict[str, list[Review]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = store._query(
            f"SELECT {_COLUMNS} FROM reviews WHERE record_id IN ({marks}) ORDER BY review_id", chunk
        )
        for row in rows:
            history.setdefault(row["record_id"], []).append(_review_of(row))
    return {record_id: fold_reviews(reviews) for record_id, reviews in history.items()}


def rejected_ids(store: Store, record_ids: Iterable[str]) -> set[str]:
    """The records among `record_ids` whose last verdict is wrong."""
    return {rid for rid, state in reviews_for(store, record_ids).items() if state.verdict == "wrong"}


def fold_reviews(reviews: list[Review]) -> ReviewState:
    """The state a trail adds up to: the last verdict given, later corrections over earlier ones."""
    verdict: Verdict | None = None
    corrections: dict[str, Any] = {}
    for review in reviews:
        if review.verdict is not None:
            verdict = review.verdict
        corrections.update(review.corrections)
    last = reviews[-1]
    return ReviewState(verdict=verdict, corrections=corrections, reviewer=last.reviewer, at=last.at,
                       n_reviews=len(reviews))


def corrected(record: Record, review: ReviewState | None) -> Record:
    """The record as its reviews correct it (itself when uncorrected). Its `record_id` is then a new hash:
    callers that show it keep the stored id beside it."""
    if review is None or not review.corrections:
        return record
    return Record.model_validate({**record.model_dump(), **review.corrections})


def apply_reviews(store: Store, records: Sequence[Record]) -> list[Record]:
    """`records` with every correction applied, in order (their ids are the stored records' ids before this)."""
    reviews = reviews_for(store, [rec.record_id for rec in records])
    return [corrected(rec, reviews.get(rec.record_id)) for rec in records]


def record_with_review(record: Record, review: ReviewState | None) -> dict[str, Any]:
    """A record as the API and `armstrace records --format jsonl` show it, its review applied.

    The JSONL fields with corrections applied (the stored id kept), `review`
    (None if none) and `original`: the stored value of each corrected field
    ({} when nothing was corrected). Names sit beside ids (`actor_name`, ...).
    """
    data = record.to_json()
    fixed = corrected(record, review).to_json() if review is not None and review.corrections else data
    original = {name: data[name] for name in (review.corrections if review is not None else {})}
    return {**fixed, "id": data["id"], **names_of(fixed), "review": review.model_dump() if review is not None else None,
            "original": original}


def names_of(data: Mapping[str, Any]) -> dict[str, Any]:
    """`actor_name`, `recipient_name`, `location_name`, `claimant_name` and `weapon_names` of a record's JSON."""
    names: dict[str, Any] = {f"{field}_name": actor_label(data.get(field))
                             for field in ("actor", "recipient", "location", "claimant")}
    names["weapon_names"] = [weapon_label(model) or model for model in data.get("weapons") or []]
    return names


def _review_of(row: sqlite3.Row) -> Review:
    return Review(review_id=row["review_id"], record_id=row["record_id"], verdict=row["verdict"],
                  corrections=json.loads(row["corrections"]), reviewer=row["reviewer"], at=row["reviewed_at"])
