"""Issue 13: `armstrace records` takes names, shows names beside ids, and says when a name is unknown."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.store import Store
from armstrace.store.reviews import add_review

pytestmark = pytest.mark.issue(13)


def _jsonl(db, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["records", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _ids(db, *args: str) -> set[str]:
    return {line["id"] for line in _jsonl(db, *args)}


def test_records_actor_iran_finds_irns_records(world, db):
    """Was: `records --actor Iran` printed nothing and exited 0."""
    irn = {r.record_id for recs in world.values() for r in recs if "IRN" in (r.actor, r.recipient)}
    assert irn and _ids(db, "--actor", "Iran") == irn == _ids(db, "--actor", "Tehran") == _ids(db, "--actor", "IRN")


@pytest.mark.parametrize("weapon", ["geran-2", "Shahed-136", "Shahed"])
def test_records_weapon_alias_finds_the_model(world, db, weapon):
    named = {r.record_id for recs in world.values() for r in recs if "shahed-136" in r.weapons}
    assert len(named) == 2 and _ids(db, "--weapon", weapon) == named


@pytest.mark.parametrize("weapon", ["drone", "drones", "uav"])
def test_records_weapon_class_word_finds_the_class(world, db, weapon):
    uav = {r.record_id for recs in world.values() for r in recs if r.weapon_class == "uav"}
    assert len(uav) == 5 and _ids(db, "--weapon", weapon) == uav


def test_an_unknown_name_is_one_did_you_mean_line_and_exit_2(world, db):
    proc = subprocess.run([sys.executable, "-m", "armstrace", "records", "--db", str(db), "--actor", "Irann"],
                          check=False, capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert "no actor called 'Irann'; did you mean Iran (IRN)" in lines[0] and proc.stdout == ""


def test_the_table_shows_names_beside_ids(world, db, monkeypatch):
    from armstrace.cli.app import out_console

    monkeypatch.setattr(out_console, "width", 400)   # (the console's width is fixed when it is made)
    result = CliRunner().invoke(app, ["records", "--db", str(db), "--actor", "Iran"])
    assert result.exit_code == 0 and "IRN (Iran)" in result.stdout and "RUS (Russia)" in result.stdout


def test_records_reviewed_wrong_are_left_out_unless_asked_for(world, db):
    wrong = world["iran-russia"][1].record_id
    with Store(db) as store:
        add_review(store, wrong, verdict="wrong", reviewer="ana")
    assert wrong not in _ids(db)
    assert wrong in _ids(db, "--include-rejected")
    assert _ids(db, "--review", "wrong") == {wrong}


def test_jsonl_shows_corrections_applied_and_the_original(world, db):
    rec = world["iran-russia"][0]
    with Store(db) as store:
        add_review(store, rec.record_id, corrections={"claimant": "United Kingdom"}, reviewer="ana")
    (line,) = [line for line in _jsonl(db, "--review", "corrected")]
    assert (line["id"], line["claimant"], line["original"]) == (rec.record_id, "GBR", {"claimant": "USA"})
