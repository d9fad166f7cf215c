"""The analysis commands through Typer's runner, on the gold multi-document database."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrace.analysis import list_events
from armstrace.cli import app
from armstrace.errors import NotFound, UsageError

COMMANDS = ["events", "event", "contradictions", "timeline", "weapon"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_analysis_help_ends_with_example(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example: armstrace " + command in " ".join(result.output.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_analysis_command_is_in_readme(command):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"| `armstrace {command}" in readme


def test_cli_events_json_lists_events_with_flags(runner, multi_store, db):
    result = runner.invoke(app, ["events", "--db", str(db), "--actor", "IRN", "--format", "json"])
    rows = json.loads(result.output)
    uav = [r for r in rows if r["event"]["weapon_class"] == "uav" and r["event"]["type"] == "transfer"]
    assert uav[0]["corroboration"]["n_independent"] == 2 and "regime/unscr-2231-annex-b" in uav[0]["flags"]


def test_cli_event_table_shows_every_claim_evidence(runner, multi_store, db):
    (event,) = [e for e in list_events(multi_store, actor="IRN", weapon="uav") if e.type == "transfer"]
    result = runner.invoke(app, ["event", event.event_id, "--db", str(db), "--format", "json"])
    evidence = [c["record"]["evidence"] for c in json.loads(result.output)["claims"]]
    assert len(evidence) == 4 and all(e in result.output for e in evidence)


def test_cli_contradictions_json_has_both_sides(runner, multi_store, db):
    result = runner.invoke(app, ["contradictions", "--db", str(db), "--actor", "IRN", "--format", "json"])
    rows = json.loads(result.output)
    assert {tuple(p) for r in rows for p in r["pairs"]} == {("USA", "IRN"), ("UKR", "IRN")}


def test_cli_timeline_table_runs(runner, multi_store, db):
    result = runner.invoke(app, ["timeline", "--db", str(db), "--by", "published"])
    assert result.exit_code == 0 and "2022-10-17" in result.output


def test_cli_weapon_table_names_supplier(runner, multi_store, db):
    result = runner.invoke(app, ["weapon", "shahed-136", "--db", str(db)])
    assert result.exit_code == 0 and "suppliers" in result.output and "IRN" in result.output


def test_cli_event_unknown_id_raises_not_found(runner, multi_store, db):
    result = runner.invoke(app, ["event", "ev-000000000000", "--db", str(db)])
    assert isinstance(result.exception, NotFound)


def test_cli_events_missing_database_is_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert isinstance(result.exception, UsageError)
