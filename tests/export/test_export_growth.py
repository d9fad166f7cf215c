"""Exports that grow with the corpus, not its square (issue 15), and write the same bytes as before.

The database is built through the real pipeline with reviews and corrections
(`newsroom_db.py`). "Before" is the code each change replaced, run here
beside the new: records read with LIMIT/OFFSET, FtM values added on every
claim, contradictions read claim by claim.
"""
from __future__ import annotations

import csv
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy
from newsroom_db import build

from armstrace.analysis.contradictions import Contested, event_contradictions
from armstrace.analysis.events import Event
from armstrace.export import export_records, export_table, rows
from armstrace.export.ftm import Entities
from armstrace.records import Record
from armstrace.store import RecordFilter, Store

pytestmark = pytest.mark.issue(15)

RECORD_FORMATS = ("csv", "jsonl", "parquet", "graphml", "ftm", "register")
TABLES = [("events", "csv"), ("events", "jsonl"), ("events", "parquet"), ("register", "csv"), ("register", "jsonl")]
FILTERS = {"all": None, "corrected actor": RecordFilter(actor="BLR"), "rejected too": RecordFilter(include_rejected=True),
           "transfers": RecordFilter(type="transfer", weapon="uav")}


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("newsroom")
    return build(folder / "reports", folder / "newsroom.db")


def _offset_pages(store: Store, where: RecordFilter | None = None, *, limit: int | None = None,
                  size: int = 5_000) -> Iterator[list[Record]]:
    """How exports read records before issue 15: LIMIT/OFFSET pages of `Store.records`."""
    offset = 0
    while limit is None or offset < limit:
        n = size if limit is None else min(size, limit - offset)
        page = store.records(where or RecordFilter(), limit=n, offset=offset)
        if page:
            yield page
        if len(page) < n:
            return
        offset += len(page)


def _add_every_time(self: Entities, proxy: EntityProxy, prop: str, value: str | None) -> None:
    proxy.add(prop, value)   # how FtM entities were filled before issue 15


def _contradicted_claim_by_claim(self: Contested, event: Event) -> bool:
    return bool(event_contradictions(self.store, event, include_rejected=self.include_rejected))


def _export_all(db: Path, out: Path) -> dict[str, str]:
    """Every format of every filter exported to `out`: file name -> sha256."""
    out.mkdir()
    digests = {}
    with Store(db, readonly=True) as store:
        for name, where in FILTERS.items():
            for fmt in RECORD_FORMATS:
                path = out / f"{name}-records.{fmt}"
                export_records(store, path, format=fmt, where=where)
                digests[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
            for what, fmt in TABLES:
                path = out / f"{name}-{what}.{fmt}"
                export_table(store, path, what=what, format=fmt, where=where)
                digests[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def test_every_export_writes_the_bytes_it_wrote_before(newsroom: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rows, "PAGE", 7)   # many pages (and Parquet row groups) for 180 records
    now = _export_all(newsroom, tmp_path / "now")
    with monkeypatch.context() as before:
        before.setattr(rows, "record_pages", _offset_pages)
        before.setattr(Entities, "add_once", _add_every_time)
        before.setattr(Contested, "__call__", _contradicted_claim_by_claim)
        then = _export_all(newsroom, tmp_path / "then")
    assert len(now) >= 30
    assert now == then


def test_an_export_of_many_pages_holds_each_record_once_in_order(newsroom: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rows, "PAGE", 7)
    out = tmp_path / "records.csv"
    with Store(newsroom, readonly=True) as store:
        for where in FILTERS.values():
            export_records(store, out, format="csv", where=where)
            with open(out, encoding="utf-8", newline="") as fh:
                ids = [row["id"] for row in csv.DictReader(fh)]
            expected = [rec.record_id for rec in store.records(where or RecordFilter())]
            assert ids == expected and len(set(ids)) == len(ids)
            assert len(ids) > 7 or where == FILTERS["corrected actor"]
        export_records(store, out, format="csv", limit=30)
        with open(out, encoding="utf-8", newline="") as fh:
            assert [row["id"] for row in csv.DictReader(fh)] == [r.record_id for r in store.records(limit=30)]


def test_a_record_corrected_to_an_actor_is_exported_under_it_once(newsroom: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rows, "PAGE", 2)
    out = tmp_path / "blr.csv"
    with Store(newsroom, readonly=True) as store:
        export_records(store, out, format="csv", where=RecordFilter(actor="BLR", include_rejected=True))
    with open(out, encoding="utf-8", newline="") as fh:
        found = list(csv.DictReader(fh))
    assert found and {row["actor"] for row in found} == {"BLR"}       # stored as another actor, corrected to BLR
    assert len({row["id"] for row in found}) == len(found)


@pytest.mark.parametrize("flt", [RecordFilter(actor="blr"), RecordFilter(actor="BLR"), RecordFilter(claimant="usa"),
                                 RecordFilter(actor="rus", include_rejected=True)], ids=repr)
def test_an_export_holds_the_records_the_record_list_shows_whatever_the_case(newsroom: Path, tmp_path: Path,
                                                                             flt: RecordFilter):
    # (corrected copies were matched case-sensitively: "actor=blr" exported fewer records than it listed)
    out = tmp_path / "out.csv"
    with Store(newsroom, readonly=True) as store:
        export_records(store, out, format="csv", where=flt)
        listed = [r.record_id for r in store.records(flt, limit=100_000)]
    with open(out, encoding="utf-8", newline="") as fh:
        assert listed and [row["id"] for row in csv.DictReader(fh)] == listed


def _steps_of_export(db: Path, out: Path) -> int:
    """SQLite virtual machine steps an export of every record takes (thousands, counted by a progress handler)."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    with Store(db, readonly=True) as store:
        conn: sqlite3.Connection = store._conn
        conn.set_progress_handler(count, 1_000)
        export_records(store, out, format="csv", where=RecordFilter(include_rejected=True))
    return steps[0]


def test_reading_records_in_many_pages_costs_what_one_page_costs(newsroom: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    # With OFFSET each page walked past all the records before it: 26 pages of 7 cost ~10x one page.
    monkeypatch.setattr(rows, "PAGE", 1_000_000)
    one_page = _steps_of_export(newsroom, tmp_path / "one.csv")
    monkeypatch.setattr(rows, "PAGE", 7)
    many_pages = _steps_of_export(newsroom, tmp_path / "many.csv")
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "many.csv").read_bytes()
    assert many_pages <= 2 * one_page, (one_page, many_pages)


def test_contested_agrees_with_event_contradictions_for_every_event(newsroom: Path):
    from armstrace.analysis import list_events

    with Store(newsroom, readonly=True) as store:
        for include_rejected in (False, True):
            contested = Contested(store, include_rejected=include_rejected)
            events = list_events(store, include_rejected=True)
            got = [contested(e) for e in events]
            assert got == [bool(event_contradictions(store, e, include_rejected=include_rejected)) for e in events]
            assert 0 < sum(got) < len(got)
