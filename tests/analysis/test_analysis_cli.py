"""The analysis commands through Typer's runner, on the gold multi-document database."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_claim, save
from typer.testing import CliRunner

from armstrace.analysis import list_events, update_events
from armstrace.cli import app
from armstrace.cli.app import out_console
from armstrace.errors import NotFound, UsageError
from armstrace.store import Store

COMMANDS = ["events", "event", "contradictions", "timeline", "weapon"]


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    """A runner whose tables are wide enough that no cell folds (so a whole sentence can be searched)."""
    monkeypatch.setattr(out_console, "width", 1000)
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
    as_json = runner.invoke(app, ["event", event.event_id, "--db", str(db), "--format", "json"])
    evidence = [c["record"]["evidence"] for c in json.loads(as_json.output)["claims"]]
    table = runner.invoke(app, ["event", event.event_id, "--db", str(db)])
    assert (len(evidence), [e in table.output for e in evidence]) == (4, [True] * 4)


def test_cli_contradictions_table_shows_both_sides_evidence(runner, multi_store, db):
    found = json.loads(runner.invoke(app, ["contradictions", "--db", str(db), "--format", "json"]).output)
    evidence = {ref["evidence"] for c in found for ref in c["supporting"] + c["denying"]}
    table = runner.invoke(app, ["contradictions", "--db", str(db)])
    assert evidence and [e for e in evidence if e not in table.output] == []


MARKUP = "Iran [/] sent [red]x[/red] drones to Russia [bold]"


@pytest.fixture
def markup_db(db: Path) -> Path:
    """A database whose evidence sentences look like Rich markup, one asserted and one denied."""
    with Store(db) as store:
        save(store, "markup", [make_claim(evidence=MARKUP)], published="2022-10-01")
        save(store, "denial", [make_claim(evidence="[red]Tehran[/red] denied it [/].", claimant="IRN",
                                          stance="denied")], published="2022-10-02")
        update_events(store)
    return db


@pytest.mark.parametrize("args", [["contradictions"], ["timeline", "--by", "published"], ["event", "EVENT"]])
def test_cli_tables_print_evidence_markup_literally(runner, markup_db, args):
    with Store(markup_db, readonly=True) as store:
        (event,) = list_events(store)
    args = [event.event_id if a == "EVENT" else a for a in args]
    result = runner.invoke(app, [*args, "--db", str(markup_db)])
    assert (result.exit_code, MARKUP in result.output, "[red]Tehran[/red] denied it [/]." in result.output) == (
        0, True, True)


def test_cli_events_notes_records_not_clustered_yet(runner, markup_db):
    with Store(markup_db) as store:
        save(store, "late", [make_claim(evidence="More drones.", claimant="UKR")], published="2022-10-03")
    result = runner.invoke(app, ["events", "--db", str(markup_db), "--format", "json"])
    with Store(markup_db, readonly=True) as store:
        (event,) = list_events(store)
    assert (result.exit_code, "1 records or events" in result.stderr, event.n_claims) == (0, True, 2)


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
