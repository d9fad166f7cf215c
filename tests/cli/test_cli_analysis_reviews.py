"""Issue 13: the analysis commands (events, event, contradictions, timeline, weapon) take names with the records
command's did-you-mean error, and leave records reviewed wrong out unless --include-rejected."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from armstrace.analysis import ensure_events
from armstrace.cli import app
from armstrace.store import Store
from armstrace.store.reviews import add_review

pytestmark = pytest.mark.issue(13)


@pytest.fixture
def clustered(world, db):
    """`world` joined into events, the IRN denial reviewed wrong and the US claim's actor corrected to PRK."""
    with Store(db) as store:
        ensure_events(store)
        add_review(store, world["iran-russia"][1].record_id, verdict="wrong", reviewer="ana")
    return world


def _json(db, *args: str):
    result = CliRunner().invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_each_command_leaves_the_wrong_record_out_and_include_rejected_brings_it_back(clustered, db):
    """Was: no --include-rejected on events, event, contradictions, timeline and weapon."""
    denial = clustered["iran-russia"][1].record_id
    events = _json(db, "events", "--actor", "Iran", "--type", "transfer")
    every = _json(db, "events", "--actor", "Iran", "--type", "transfer", "--include-rejected")
    assert [e["event"]["denying"] for e in events] == [[]] and [e["event"]["denying"] for e in every] == [["IRN"]]
    event_id = events[0]["event"]["event_id"]
    assert denial not in {m["record"]["evidence"] for m in _json(db, "event", event_id)["claims"]}
    assert _json(db, "event", event_id)["claims_total"] == 2
    assert _json(db, "event", event_id, "--include-rejected")["claims_total"] == 3
    assert _json(db, "contradictions", "--actor", "Iran") == []
    assert [c["n_denying"] for c in _json(db, "contradictions", "--actor", "Iran", "--include-rejected")] == [1]
    published = {t["record_id"] for t in _json(db, "timeline", "--by", "published", "--actor", "Iran")}
    assert denial not in published
    assert denial in {t["record_id"] for t in _json(db, "timeline", "--by", "published", "--actor", "Iran",
                                                   "--include-rejected")}


def test_weapon_counts_corrections_and_leaves_wrong_records_out(clustered, db):
    us_claim = clustered["iran-russia"][0].record_id
    with Store(db) as store:
        add_review(store, us_claim, corrections={"actor": "North Korea"}, reviewer="ana")
    chain = _json(db, "weapon", "Geran-2")
    assert [p["actor"] for p in chain["suppliers"]] == ["PRK"]
    with Store(db) as store:
        add_review(store, us_claim, verdict="wrong", reviewer="ana")
    assert [p["actor"] for p in _json(db, "weapon", "Geran-2")["users"]] == ["RUS"]
    assert _json(db, "weapon", "Geran-2")["suppliers"] == []
    assert [p["actor"] for p in _json(db, "weapon", "Geran-2", "--include-rejected")["suppliers"]] == ["PRK"]


@pytest.mark.parametrize("command", ["events", "contradictions", "timeline"])
def test_names_resolve_in_each_command(clustered, db, command):
    """Was: `--actor Iran` said "no events match"; `--weapon drones` was silently empty."""
    assert _json(db, command, "--actor", "Iran", "--include-rejected") == _json(db, command, "--actor", "IRN",
                                                                                "--include-rejected")
    assert _json(db, command, "--weapon", "drones", "--include-rejected") == _json(db, command, "--weapon", "uav",
                                                                                   "--include-rejected")
    assert _json(db, command, "--weapon", "drones", "--include-rejected")


@pytest.mark.parametrize("command", ["events", "contradictions", "timeline"])
def test_an_unknown_name_is_the_records_commands_did_you_mean_and_exit_2(clustered, db, command):
    proc = subprocess.run([sys.executable, "-m", "armstrace", command, "--db", str(db), "--actor", "Irann"],
                          check=False, capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2 and lines[-1] == "error: --actor: no actor or weapon called 'Irann'; did you mean Iran (IRN)?"
