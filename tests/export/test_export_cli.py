"""`armstrace export`: every format takes the filters of `armstrace records`, and fails whole or not at all."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.export.jsonl import ADDED_FIELDS
from armstrace.records import Article, Record
from armstrace.store import Store


def _ids(fmt: str, out: Path) -> set[str]:
    """The record ids in an export file, read with the format's own reader."""
    if fmt == "csv":
        with open(out, encoding="utf-8", newline="") as fh:
            return {row["id"] for row in csv.DictReader(fh)}
    if fmt == "jsonl":
        return {json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()}
    if fmt == "parquet":
        return set(pq.read_table(out).column("id").to_pylist())
    return {key for _, _, key in nx.read_graphml(out, force_multigraph=True).edges(keys=True)}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "graphml"])
@pytest.mark.parametrize("filters", [
    {"actor": "IRN"},
    {"actor": "IRN", "stance": "denied"},
    {"type": "transfer", "weapon": "shahed-136"},
    {"claimant": "UKR"},
])
def test_export_applies_the_records_filters(export_db, tmp_path, fmt, filters):
    with Store(export_db, readonly=True) as store:
        expected = {rec.record_id for rec in store.records(**filters, include_rejected=True)}
    out = tmp_path / f"out.{fmt}"
    args = [arg for name, value in filters.items() for arg in (f"--{name}", value)]
    result = CliRunner().invoke(app, ["export",
                                      "--db", str(export_db), "--format", fmt, "--out", str(out), "--include-rejected", *args])
    assert result.exit_code == 0, result.output
    assert expected and _ids(fmt, out) == expected


def test_export_limit_caps_the_records(export_db, tmp_path):
    out = tmp_path / "out.jsonl"
    CliRunner().invoke(app, ["export", "--db", str(export_db), "--format", "jsonl", "--out", str(out), "--limit", "2"])
    assert len(_ids("jsonl", out)) == 2


def test_export_jsonl_lines_are_records_with_their_review(export_db, world, tmp_path):
    out = tmp_path / "out.jsonl"
    CliRunner().invoke(app, ["export", "--db", str(export_db), "--format", "jsonl", "--out", str(out), "--include-rejected"])
    lines = {line["id"]: line for line in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    reviewed = lines[world["iran-russia"][0].record_id]
    assert (reviewed["review"]["verdict"], reviewed["review"]["reviewer"], reviewed["evidence"]) == (
        "wrong", "ana", world["iran-russia"][0].evidence)
    added = {"id", "review", "original", *ADDED_FIELDS}
    assert Record.model_validate({k: v for k, v in reviewed.items() if k not in added})


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "armstrace", *args], capture_output=True, text=True, env=env,
                          check=False)


@pytest.mark.slow
@pytest.mark.parametrize("where", ["missing-folder/out.csv", "a-file.txt/out.csv", "."])
def test_export_to_an_unwritable_path_is_a_one_line_error(export_db, tmp_path, where):
    (tmp_path / "a-file.txt").write_text("not a folder\n", encoding="utf-8")
    proc = _run("export", "--db", str(export_db), "--format", "csv", "--out", str(tmp_path / where))
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert where.split("/")[0] in proc.stderr
    left = sorted(p.name for p in tmp_path.rglob("*") if not p.name.startswith("armstrace.db"))
    assert left == ["a-file.txt"]   # no export, whole or partial


def test_export_that_fails_midway_leaves_the_old_file(export_db, tmp_path):
    """A record Parquet cannot type (a published date that is no day) stops the export with its file begun."""
    with Store(export_db) as store:
        text = "Zambia sold rifles to Malawi."
        bad = Record(doc_id="zz-bad", type="transfer", actor="ZMB", recipient="MWI", claimant="author",
                     stance="asserted", evidence=text, evidence_start=0, evidence_end=len(text), published="2023")
        store.save_document(Article(doc_id="zz-bad", text=text), [bad])
    out = tmp_path / "records.parquet"
    out.write_bytes(b"the previous export")
    result = CliRunner().invoke(app, ["export", "--db", str(export_db), "--format", "parquet", "--out", str(out)])
    assert result.exit_code != 0 and "published '2023' is not a YYYY-MM-DD date" in str(result.exception)
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("armstrace.db")] == ["records.parquet"]
