"""Record filters -> parameterised SQL: the one place WHERE clauses are built.

Values only ever travel as `?` parameters; the SQL text is assembled from
fixed fragments, never from caller input.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, TypedDict

from ..errors import UsageError
from ..records import EVENT_TYPES, STANCES, WEAPON_CLASSES

_NOT_WEAPON_KEY = re.compile(r"[\s\-_]+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LIKE_ESCAPE = "\\"
# A quoted phrase (its closing quote optional) or a run of anything but space and quote.
_SEARCH_PART = re.compile(r'"([^"]*)"?|([^\s"]+)')


def weapon_key(name: str) -> str:
    """The lookup form of a weapon model or class: "Shahed-136" and "shahed136" -> "shahed136"."""
    return _NOT_WEAPON_KEY.sub("", name).casefold()


_CLASS_BY_KEY: dict[str, str] = {weapon_key(c): c for c in WEAPON_CLASSES}


def weapon_class_of(name: str) -> str | None:
    """The weapon class `name` spells ("UAV", "small_arms" -> uav, small-arms), None when it names no class."""
    return _CLASS_BY_KEY.get(weapon_key(name))


def weapon_condition(value: str, has_model: str, class_column: str) -> tuple[str, list[object]]:
    """The SQL condition and parameters of a `weapon` filter: a model or class, or several joined by commas.

    `has_model` is the membership test of a record (or event) in the models
    whose lookup keys fill its `{marks}`; a part that spells a class also
    matches `class_column`. "shahed-136,shahed-131" matches either model, as
    the resolver writes a family ("Shahed").
    """
    parts = [part for part in value.split(",") if part.strip()] or [value]
    keys: list[object] = list(dict.fromkeys(weapon_key(part) for part in parts))
    classes: list[object] = list(dict.fromkeys(c for part in parts if (c := weapon_class_of(part)) is not None))
    terms = [has_model.format(marks=", ".join("?" * len(keys)))]
    if classes:
        terms.append(f"{class_column} IN ({', '.join('?' * len(classes))})")
    return "(" + " OR ".join(terms) + ")", keys + classes


def escape_like(text: str) -> str:
    """`text` for a LIKE pattern with `%`, `_` and the escape character taken literally."""
    return (
        text.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2)
        .replace("%", _LIKE_ESCAPE + "%")
        .replace("_", _LIKE_ESCAPE + "_")
    )


def search_parts(text: str) -> list[str]:
    """The words and "quoted phrases" of a text search, in order (a NUL is a space; a lone quote is dropped)."""
    matches = _SEARCH_PART.finditer(text.replace("\x00", " "))
    parts = [m.group(1) if m.group(1) is not None else m.group(2) for m in matches]
    return [part for part in parts if part.strip()]


def fts_query(parts: list[str]) -> str:
    """Parts as an FTS5 query that cannot be a syntax error: each must occur, as a substring.

    Each part is sent as an FTS5 string ("..." with quotes doubled), so `*`,
    `-`, `NEAR`, `AND`, `OR`, `NOT`, `:` and parentheses are text, never
    operators; with the trigram tokenizer of `records_fts` a string matches
    where it occurs in the evidence, in any case.
    """
    return " ".join('"' + part.replace('"', '""') + '"' for part in parts)


# A record's review state is its last verdict (right or wrong) and whether any review corrected it.
REVIEW_STATES: tuple[str, ...] = ("unreviewed", "reviewed", "right", "wrong", "corrected")
_LAST_VERDICT = ("SELECT v.record_id FROM reviews AS v WHERE v.verdict = ? AND v.review_id = (SELECT max(v2.review_id) "
                 "FROM reviews AS v2 WHERE v2.record_id = v.record_id AND v2.verdict IS NOT NULL)")
_REVIEW_SQL: dict[str, tuple[str, list[object]]] = {
    "unreviewed": ("r.record_id NOT IN (SELECT record_id FROM reviews)", []),
    "reviewed": ("r.record_id IN (SELECT record_id FROM reviews)", []),
    "right": (f"r.record_id IN ({_LAST_VERDICT})", ["right"]),
    "wrong": (f"r.record_id IN ({_LAST_VERDICT})", ["wrong"]),
    "corrected": ("r.record_id IN (SELECT record_id FROM reviews WHERE corrections != '{}')", []),
}


def not_rejected(column: str = "r.record_id") -> tuple[str, list[object]]:
    """The condition that the record id in `column` is not reviewed wrong (its last verdict), and its parameters.

    Records reviewed wrong are left out of every view unless asked for.
    """
    return f"{column} NOT IN ({_LAST_VERDICT})", ["wrong"]


def rejected(column: str = "r.record_id") -> tuple[str, list[object]]:
    """The condition that the record id in `column` is reviewed wrong (its last verdict), and its parameters."""
    return f"{column} IN ({_LAST_VERDICT})", ["wrong"]


@dataclass(frozen=True)
class RecordFilter:
    """What `Store.records()` and `Store.count_records()` select; None means any.

    Records reviewed wrong are left out unless `include_rejected` (or `review="wrong"`):
    a review counts in every view, and the switch shows what it took out.
    """

    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    weapon: str | None = None
    claimant: str | None = None
    stance: str | None = None
    doc_id: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    review: str | None = None
    include_rejected: bool = False

    def __post_init__(self) -> None:
        if self.review is not None and self.review not in REVIEW_STATES:
            raise UsageError(f"review {self.review!r}: unknown review state (use one of {', '.join(REVIEW_STATES)})")
        if self.type is not None and self.type not in EVENT_TYPES:
            raise UsageError(f"type {self.type!r}: unknown event type (use one of {', '.join(EVENT_TYPES)})")
        if self.stance is not None and self.stance not in STANCES:
            raise UsageError(f"stance {self.stance!r}: unknown stance (use one of {', '.join(STANCES)})")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _DATE.match(value):
                raise UsageError(f"{name} {value!r}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")

    @classmethod
    def of(cls, where: RecordFilter | None, keywords: Mapping[str, object]) -> RecordFilter:
        """`where`, or else a filter of the `keywords`; both at once is a usage error."""
        given: dict[str, Any] = {name: value for name, value in keywords.items() if value is not None}
        if where is None:
            return cls(**given)
        if given:
            raise UsageError(f"filters: give a RecordFilter or keyword filters ({', '.join(sorted(given))}), "
                             "not both")
        return where

    def is_empty(self) -> bool:
        """True when the filter selects every record (rejected ones included)."""
        return self.include_rejected and all(
            getattr(self, f.name) is None for f in fields(self) if f.name != "include_rejected")

    @property
    def drops_rejected(self) -> bool:
        """True when records reviewed wrong are left out."""
        return not self.include_rejected and self.review not in ("wrong", "reviewed")

    def counted_as(self, source: str = "records") -> list[tuple[int, RecordFilter, str]]:
        """(sign, filter, records table) whose counts, times their signs, add up to this filter's count.

        Leaving rejected records out row by row (`NOT IN` the reviews, for every
        record) made each total a scan growing with the corpus: counted instead as
        the matches with rejected records kept (SQLite counts an index from its
        pages), less the matches among the few records reviewed wrong, read from
        those records (`source` joined to them: an index on the filter's column
        would otherwise be walked to the end, testing each record).
        """
        if not self.drops_rejected or self.review is not None:
            return [(1, self, source)]
        kept = replace(self, include_rejected=True)
        wrong = _LAST_VERDICT.replace("v.verdict = ?", "v.verdict = 'wrong'")
        only_wrong = f"(SELECT s.* FROM ({wrong}) AS w CROSS JOIN {source} AS s ON s.record_id = w.record_id)"
        return [(1, kept, source), (-1, kept, only_wrong)]


class FilterFields(TypedDict, total=False):
    """`RecordFilter`'s fields as keyword arguments (`Store.records(actor="IRN")`)."""

    type: str | None
    actor: str | None
    recipient: str | None
    weapon: str | None
    claimant: str | None
    stance: str | None
    doc_id: str | None
    since: str | None
    until: str | None
    text: str | None
    review: str | None
    include_rejected: bool


def where_clause(flt: RecordFilter) -> tuple[str, list[object]]:
    """The WHERE clause (or "") and its parameters for `flt`, over `records AS r`.

    `since`/`until` need `documents AS d` joined on doc_id (see `needs_documents`).
    """
    terms: list[str] = []
    params: list[object] = []
    if flt.type is not None:
        terms.append("r.type = ?")
        params.append(flt.type)
    if flt.actor is not None:
        # An actor filter is about a party to the event, on either side of it.
        terms.append("(r.actor = ? OR r.recipient = ?)")  # columns are COLLATE NOCASE
        params += [flt.actor, flt.actor]
    if flt.recipient is not None:
        terms.append("r.recipient = ?")
        params.append(flt.recipient)
    if flt.weapon is not None:
        condition, weapon_params = weapon_condition(
            flt.weapon, "r.record_id IN (SELECT w.record_id FROM record_weapons AS w WHERE w.model_key IN ({marks}))",
            "r.weapon_class")
        terms.append(condition)
        params += weapon_params
    if flt.claimant is not None:
        terms.append("r.claimant = ?")
        params.append(flt.claimant)
    if flt.stance is not None:
        terms.append("r.stance = ?")
        params.append(flt.stance)
    if flt.doc_id is not None:
        terms.append("r.doc_id = ?")
        params.append(flt.doc_id)
    # Dates are ISO strings of varying precision ("2024", "2024-03", "2024-03-15"):
    # a record matches when its period overlaps the asked range, so "2024-03"
    # is within since="2024-03-10", and "2024-03-15" within until="2024-03".
    when = "COALESCE(r.time, d.published)"
    if flt.since is not None:
        terms.append(f"({when} >= ? OR substr(?, 1, length({when})) = {when})")
        params += [flt.since, flt.since]
    if flt.until is not None:
        terms.append(f"({when} <= ? OR substr({when}, 1, length(?)) = ?)")
        params += [flt.until, flt.until, flt.until]
    if flt.text is not None:
        _text_terms(flt.text, terms, params)
    if flt.review is not None:
        review_sql, review_params = _REVIEW_SQL[flt.review]
        terms.append(review_sql)
        params += review_params
    if flt.drops_rejected:
        rejected_sql, rejected_params = not_rejected()
        terms.append(rejected_sql)
        params += rejected_params
    if not terms:
        return "", params
    return "WHERE " + " AND ".join(terms), params


def _text_terms(text: str, terms: list[str], params: list[object]) -> None:
    """Every word or "phrase" of `text` a substring of the evidence, in any case.

    Parts of 3 characters or more are looked up in `records_fts` (trigram
    index, schema v5); shorter ones, which a trigram index cannot serve, by
    LIKE with `%` and `_` literal. A text of quotes alone matches nothing.
    """
    parts = search_parts(text)
    if not parts:
        if text.strip():
            terms.append("0")
        return
    indexed = [part for part in parts if len(part) >= 3]
    if indexed:
        terms.append("r.record_id IN (SELECT f.record_id FROM records_fts AS f WHERE records_fts MATCH ?)")
        params.append(fts_query(indexed))
    for part in parts:
        if len(part) < 3:
            terms.append(f"r.evidence LIKE ? ESCAPE '{_LIKE_ESCAPE}'")
            params.append("%" + escape_like(part) + "%")


def needs_documents(flt: RecordFilter) -> bool:
    """True when the filter reads the document's published date."""
    return flt.since is not None or flt.until is not None


def from_clause(flt: RecordFilter, source: str = "records") -> str:
    """`FROM records AS r`, joined to documents when the filter needs them.

    `source` replaces the records table (`effective.source`: the records with their corrections applied).
    """
    if needs_documents(flt):
        return f"FROM {source} AS r JOIN documents AS d ON d.doc_id = r.doc_id"
    return f"FROM {source} AS r"


def page_clause(limit: int | None, offset: int) -> tuple[str, list[object]]:
    """LIMIT/OFFSET and their parameters; a negative limit or offset is a usage error."""
    if limit is not None and limit < 0:
        raise UsageError(f"limit {limit}: must be 0 or more (leave it out for no limit)")
    if offset < 0:
        raise UsageError(f"offset {offset}: must be 0 or more")
    return "LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


RECORD_ORDER = "ORDER BY r.doc_id, r.evidence_start, r.type, r.position"
