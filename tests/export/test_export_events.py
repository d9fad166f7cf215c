"""`armstrace export --what events`: one row per event, read back with pandas and pyarrow (issue 14)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from armstrace.analysis import list_events
from armstrace.cli import app
from armstrace.errors import UsageError
from armstrace.export.events import EVENT_COLUMNS
from armstrace.store import Store


def _export(db: Path, out: Path, fmt: str, *args: str) -> Path:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--what", "events", "--format", fmt,
                                      "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def _read(out: Path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(out, dtype=str, keep_default_na=False)
    if fmt == "parquet":
        return pq.read_table(out).to_pandas()
    return pd.read_json(out, lines=True, dtype=False)


def _iran_russia(frame: pd.DataFrame) -> pd.Series:
    rows = frame[(frame["actor"] == "IRN") & (frame["recipient"] == "RUS") & (frame["type"] == "transfer")]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.mark.issue(14)
@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_events_export_has_a_row_per_event(export_db, world, tmp_path, fmt):
    """Was: events only as JSON from `armstrace events`."""
    with Store(export_db, readonly=True) as store:
        expected = {e.event_id for e in list_events(store)}
    frame = _read(_export(export_db, tmp_path / f"events.{fmt}", fmt), fmt)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert set(frame["event_id"]) == expected and len(frame) == len(expected)
    row = _iran_russia(frame)
    ids = row["record_ids"].split(";") if fmt == "csv" else list(row["record_ids"])
    # the first world record is reviewed wrong (export_db): it leaves the event by default
    assert sorted(ids) == sorted(r.record_id for r in world["iran-russia"][1:2] + world["kyiv-report"])


def test_events_csv_row_has_corroboration_contradiction_and_flags(export_db, tmp_path):
    row = _iran_russia(_read(_export(export_db, tmp_path / "events.csv", "csv"), "csv"))
    # USA's claim is reviewed wrong (export_db): it no longer asserts the event; the switch brings it back
    assert (row["asserting"], row["hedging"], row["denying"], row["contradicted"]) == ("", "UKR", "IRN", "true")
    every = _iran_russia(_read(_export(export_db, tmp_path / "all.csv", "csv", "--include-rejected"), "csv"))
    assert (every["asserting"], every["hedging"], every["denying"]) == ("GBR", "UKR", "IRN")   # corrected to GBR
    assert (row["first_reported"], row["last_reported"], row["n_independent"]) == ("2023-05-10", "2023-06-01", "2")
    assert (row["actor_name"], row["recipient_name"], row["model_names"]) == ("Iran", "Russia", "Shahed-136")
    assert "regime/unscr-2231-annex-b (possible)" in row["regime_flags"].split(";")
    reasons = row["regime_reasons"].split("\n")
    assert any(r.startswith("regime/unscr-2231-annex-b para-4-from-iran (Annex B, paragraph 4): transfer; "
                            "supplier IRN listed") for r in reasons)
    assert "regime/att" not in row["regime_flags"]   # Iran is no party to the Arms Trade Treaty


def test_events_parquet_is_typed(export_db, tmp_path):
    table = pq.read_table(_export(export_db, tmp_path / "events.parquet", "parquet"))
    types = {name: table.schema.field(name).type for name in table.column_names}
    assert (types["n_independent"], types["contradicted"], types["first_reported"], types["record_ids"]) == (
        pa.int64(), pa.bool_(), pa.date32(), pa.list_(pa.string()))
    assert table.schema.metadata[b"armstrace_export"] == b"events/1"


def test_events_export_takes_the_event_filters(export_db, tmp_path):
    out = _export(export_db, tmp_path / "uses.jsonl", "jsonl", "--type", "use")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and {line["type"] for line in lines} == {"use"}
    result = CliRunner().invoke(app, ["export", "--db", str(export_db), "--what", "events", "--format", "csv",
                                      "--stance", "denied", "--out", str(tmp_path / "no.csv")])
    assert isinstance(result.exception, UsageError) and "--what events filters by" in str(result.exception)


def test_events_export_is_refused_as_graphml(export_db, tmp_path):
    result = CliRunner().invoke(app, ["export", "--db", str(export_db), "--what", "events", "--format", "graphml",
                                      "--out", str(tmp_path / "e.graphml")])
    assert isinstance(result.exception, UsageError) and "csv, parquet or jsonl" in str(result.exception)
