"""Records placed in time, in one of two modes that are never mixed.

- `event`: when the thing happened, as the text says it (`time`, with its
  precision: a year, a month or a day); records whose text gives no time are
  undated.
- `report`: when it was reported, the article's publication date (a day);
  articles without a date are undated.

The old timeline put each record at its event time, else its report date,
in one lane: a 2019 delivery reported in 2023 and a 2023 report then sat side
by side as if alike. Undated records are counted and can be listed
(`undated_records`), so none is silently left off.
"""
from __future__ import annotations

from typing import Any, Literal

from ..resolve import actor_label
from .database import Store
from .effective import source as corrected_source
from .queries import RecordFilter, from_clause, where_clause

Mode = Literal["event", "report"]
MODES: tuple[str, ...] = ("event", "report")

_DATE = {"event": "NULLIF(r.time, '')",
         "report": "COALESCE(NULLIF(r.published, ''), (SELECT dd.published FROM documents AS dd "
                   "WHERE dd.doc_id = r.doc_id))"}
_PRECISION = {"event": "COALESCE(r.time_precision, CASE length(r.time) WHEN 4 THEN 'year' WHEN 7 THEN 'month' "
                       "ELSE 'day' END)",
              "report": "CASE length(COALESCE(NULLIF(r.published, ''), '0000-00-00')) WHEN 4 THEN 'year' "
                        "WHEN 7 THEN 'month' ELSE 'day' END"}
# How the dated records of a mode are found and ordered. For `event` the same records and order as
# `_DATE` (a non-empty text is > ''), in the columns of the index `records_timeline` (schema v8), so
# that the first points are read in index order instead of sorting every record.
_DATED = {"event": "r.time > ''", "report": f"{_DATE['report']} IS NOT NULL"}
_ORDER = {"event": "r.time, r.doc_id, r.evidence_start, r.type, r.position",
          "report": "date, r.doc_id, r.evidence_start, r.type, r.position"}
_FIELDS = "r.record_id, r.type, r.actor, r.recipient, r.stance, r.claimant, r.weapon_class, r.doc_id"


def _selected(flt: RecordFilter, records: str, extra: str) -> tuple[str, list[object]]:
    """`FROM ... WHERE ...` over `records` (the records as reviews correct them), plus a condition."""
    where, params = where_clause(flt)
    if extra:
        where = f"{where} AND {extra}" if where else f"WHERE {extra}"
    return f"{from_clause(flt, records)} {where}", params


def _item(row: Any, mode: str) -> dict[str, Any]:
    return {"id": row["record_id"], "date": row["date"], "precision": row["precision"],
            "date_source": "time" if mode == "event" else "published", "type": row["type"],
            "actor": row["actor"], "actor_name": actor_label(row["actor"]), "recipient": row["recipient"],
            "recipient_name": actor_label(row["recipient"]), "stance": row["stance"], "claimant": row["claimant"],
            "weapon_class": row["weapon_class"], "doc_id": row["doc_id"]}


def dated_records(store: Store, flt: RecordFilter, limit: int, mode: str = "event") -> dict[str, Any]:
    """The first `limit` records dated in `mode`, by date, with `total` (dated) and `undated` counts."""
    date = _DATE[mode]
    with store.snapshot():
        records = corrected_source(store)
        counts = [0, 0]
        # Rejected records are subtracted, not tested; dated ones counted where they are found (for
        # `event`, a range of `records_timeline`) and the undated as the rest: counting the dates of
        # every record read the whole index (57 ms of the 74 at 100,000 articles).
        for sign, part, part_records in flt.counted_as(records):
            every, every_params = _selected(part, part_records, "")
            found, found_params = _selected(part, part_records, _DATED[mode])
            n_all = int(store._query(f"SELECT count(*) {every}", every_params)[0][0])
            n_dated = int(store._query(f"SELECT count(*) {found}", found_params)[0][0])
            counts = [counts[0] + sign * n_dated, counts[1] + sign * (n_all - n_dated)]
        dated, dated_params = _selected(flt, records, _DATED[mode])
        rows = store._query(
            f"SELECT {_FIELDS}, {date} AS date, {_PRECISION[mode]} AS precision {dated} "
            f"ORDER BY {_ORDER[mode]} LIMIT ?", [*dated_params, limit])
    return {"mode": mode, "items": [_item(row, mode) for row in rows], "total": counts[0], "undated": counts[1]}


def undated_records(store: Store, flt: RecordFilter, mode: str, limit: int, offset: int) -> dict[str, Any]:
    """A page of the records with no date in `mode` (what the timeline cannot place), in document order."""
    date = _DATE[mode]
    with store.snapshot():
        records = corrected_source(store)
        total = sum(sign * int(store._query(f"SELECT count(*) {part_sql}", part_params)[0][0])
                    for sign, part, part_records in flt.counted_as(records)
                    for part_sql, part_params in [_selected(part, part_records, f"{date} IS NULL")])
        sql, params = _selected(flt, records, f"{date} IS NULL")
        rows = store._query(f"SELECT {_FIELDS}, r.evidence, NULL AS date, NULL AS precision {sql} "
                            "ORDER BY r.doc_id, r.evidence_start, r.type, r.position LIMIT ? OFFSET ?",
                            [*params, limit, offset])
    items = [{**_item(row, mode), "evidence": row["evidence"]} for row in rows]
    return {"mode": mode, "items": items, "total": total, "limit": limit, "offset": offset}
