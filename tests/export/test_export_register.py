"""`--format register`: SIPRI-shaped rows with their evidence, read back with csv, pandas and pyarrow (issue 14)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_world import QUOTED_RECORDS, QUOTED_URL
from typer.testing import CliRunner

from armstrace.analysis import update_events
from armstrace.cli import app
from armstrace.export.register import REGISTER_COLUMNS, register_rows
from armstrace.records import Article, Quantity, Record
from armstrace.store import Store

GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "gold.jsonl"


def _export(db: Path, out: Path, *args: str) -> Path:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def _rows(db: Path) -> dict[tuple, dict]:
    with Store(db, readonly=True) as store:
        return {(r["supplier"], r["recipient"], r["designation"], r["year"]): r for r in register_rows(store)}


@pytest.mark.issue(14)
def test_register_csv_has_a_row_per_supplier_recipient_weapon_and_year(export_db, world, tmp_path):
    out = _export(export_db, tmp_path / "register.csv", "--format", "register", "--excel")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(REGISTER_COLUMNS)
    keys = {(r["supplier"], r["recipient"], r["designation"]) for r in rows}
    assert keys == {("IRN", "RUS", "Shahed-136"), ("PRK", "RUS", "KN-23"), ("PRK", "RUS", "KN-24")}
    (drones,) = [r for r in rows if r["designation"] == "Shahed-136"]
    # The USA's claim is reviewed wrong in export_db: it counts nowhere (issue 13).
    assert (drones["asserting"], drones["hedging"], drones["denying"], drones["contested"]) == (
        "", "UKR", "IRN", "true")
    assert (drones["n_independent"], drones["first_reported"], drones["last_reported"]) == ("2", "2023-05-10",
                                                                                           "2023-06-01")
    assert drones["evidence"].split("\n") == [r.evidence for r in world["iran-russia"][1:2] + world["kyiv-report"]]
    assert drones["doc_ids"] == "iran-russia;kyiv-report"


def test_register_quantity_is_a_range_open_where_the_text_leaves_it_open(export_db, tmp_path):
    frame = pd.read_csv(_export(export_db, tmp_path / "r.csv", "--format", "register"), dtype=str,
                        keep_default_na=False)
    kn23 = frame[frame["designation"] == "KN-23"].iloc[0]
    # "all 6 of them, and more": at least 6, no upper bound
    assert (kn23["quantity_min"], kn23["quantity_max"], kn23["quantities"]) == ("6", "", ">=6")
    assert (kn23["urls"], kn23["record_ids"]) == (QUOTED_URL, QUOTED_RECORDS[0].record_id)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_register_as_parquet_and_jsonl(export_db, tmp_path, fmt):
    out = _export(export_db, tmp_path / f"r.{fmt}", "--what", "register", "--format", fmt)
    if fmt == "parquet":
        table = pq.read_table(out)
        assert table.column_names == list(REGISTER_COLUMNS)
        assert (table.schema.field("year").type, table.schema.field("evidence").type) == (
            pa.int64(), pa.list_(pa.string()))
        rows = table.to_pylist()
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["designation"] for r in rows} == {"Shahed-136", "KN-23", "KN-24"}


# -- the dev pages' gold records: the register must say what the gold says -----------


def _gold_store(db: Path) -> Path:
    """The dev pages stored with their gold records (transfers given a transfer trigger rule), events joined."""
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    docs = GOLD.parent / "docs"
    with Store(db) as store:
        for doc_id in sorted({g["doc_id"] for g in gold}):
            text = (docs / f"{doc_id}.txt").read_text(encoding="utf-8")
            records = []
            for g in (g for g in gold if g["doc_id"] == doc_id):
                start = text.find(g["evidence"])
                if start < 0:
                    continue
                q = g.pop("quantity")
                fields = {k: v for k, v in g.items() if k in Record.model_fields}   # not gold marks ("optional")
                records.append(Record(**{**fields, "quantity": Quantity(**q) if q else None,
                                         "evidence_start": start, "evidence_end": start + len(g["evidence"]),
                                         "rules": [f"trigger/{g['type']}/gold"]}))
            store.save_document(Article(doc_id=doc_id, text=text), records)
        update_events(store)
    return db


@pytest.mark.issue(14)
def test_register_of_the_dev_gold_says_what_the_gold_says(db):
    rows = _rows(_gold_store(db))
    su35 = rows[("RUS", "IRN", "Su-35", None)]          # "Moscow would sell Tehran 24 Su-35 fighter jets"
    assert (su35["quantity_min"], su35["quantity_max"], su35["quantities"]) == (24, 24, ["24"])
    drones = rows[("IRN", "RUS", "Shahed-136", 2022)]                  # Iran denies; the US says it happened
    assert drones["contested"] and "IRN" in drones["denying"] and "USA" in drones["asserting"]
    assert rows[("RUS", "IRN", "missile", None)]["contested"]
    assert rows[("USA", "UKR", "MQ-1C Gray Eagle", None)]["contested"]  # "held off on plans to send"
    assert rows[("SUN", "IRN", "arms", 1989)]["status"] == "planned"   # "promised to equip"
    assert not rows[("TUR", "UKR", "Bayraktar TB2", None)]["contested"]
    assert all(r["evidence"] and r["doc_ids"] and r["record_ids"] for r in rows.values())


@pytest.mark.issue(13)
def test_register_leaves_a_record_reviewed_wrong_out_and_the_switch_brings_it_back_corrected(export_db, world,
                                                                                              tmp_path):
    """Was: the register counted the rejected record in n_claims and record_ids, as first written."""
    wrong = world["iran-russia"][0].record_id   # reviewed wrong, claimant corrected to GBR (export_db)
    (drones,) = [r for r in pd.read_csv(_export(export_db, tmp_path / "r.csv", "--format", "register"), dtype=str,
                                        keep_default_na=False).to_dict("records") if r["designation"] == "Shahed-136"]
    assert wrong not in drones["record_ids"].split(";") and drones["n_claims"] == "2"
    every = pd.read_csv(_export(export_db, tmp_path / "all.csv", "--format", "register", "--include-rejected"),
                        dtype=str, keep_default_na=False)
    (drones,) = every[every["designation"] == "Shahed-136"].to_dict("records")
    assert wrong in drones["record_ids"].split(";") and drones["n_claims"] == "3" and drones["asserting"] == "GBR"


@pytest.mark.issue(13)
def test_register_quantities_follow_a_corrected_quantity(export_db, tmp_path):
    """A quantity corrected from "at least 6" to 6-8 is what the register states."""
    from armstrace.store.reviews import add_review

    with Store(export_db) as store:
        add_review(store, QUOTED_RECORDS[0].record_id, corrections={"quantity": {"min": 6, "max": 8}}, reviewer="ana")
    frame = pd.read_csv(_export(export_db, tmp_path / "r.csv", "--format", "register"), dtype=str,
                        keep_default_na=False)
    kn23 = frame[frame["designation"] == "KN-23"].iloc[0]
    assert (kn23["quantity_min"], kn23["quantity_max"], kn23["quantities"], kn23["record_ids"]) == (
        "6", "8", "6-8", QUOTED_RECORDS[0].record_id)
