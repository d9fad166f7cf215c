"""Issue 13, reviews that count: a record reviewed wrong leaves every view and export by default, comes back
with the switch; corrections are checked against the vocabularies and applied (real HTTP, real SQLite)."""
from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from http_raw import send

from armstrace.api.tokens import issue_token
from armstrace.cli import app

pytestmark = pytest.mark.issue(13)


def _review(api_server, record_id: str, body: dict):
    reply = send(api_server.url, "POST", f"/api/records/{record_id}/review", body,
                 headers={"Authorization": f"Bearer {issue_token(api_server.db, 'ana')}"})
    return reply.status, reply.json()


def _views(api_server, **params) -> dict[str, object]:
    """What the dashboard shows of the IRN->RUS transfer: edge stances, event claimants, contradictions, timeline."""
    _, network = api_server.get("/api/network", **params)
    edge = next(e for e in network["edges"] if e["id"] == "transfer:IRN->RUS")
    _, events = api_server.get("/api/events", actor="IRN", type="transfer", **params)
    _, contradictions = api_server.get("/api/contradictions", **params)
    _, timeline = api_server.get("/api/timeline", mode="report", **params)
    _, records = api_server.get("/api/records", **params)
    return {"stances": edge["stances"], "denying": [e["denying"] for e in events["items"]],
            "contradictions": contradictions["total"], "timeline": {i["id"] for i in timeline["items"]},
            "records": {i["id"] for i in records["items"]}}


def test_a_denial_marked_wrong_leaves_network_events_contradictions_timeline_and_records(api_server, world):
    """Was: a record marked wrong still drew its arrow, joined its event and made a contradiction."""
    denial = world["iran-russia"][1]   # "Tehran denied it." (claimant IRN)
    before = _views(api_server)
    assert (before["stances"], before["denying"], before["contradictions"]) == (
        {"asserted": 1, "denied": 1, "hedged": 1}, [["IRN"]], 1)
    assert _review(api_server, denial.record_id, {"verdict": "wrong"})[0] == 201
    after = _views(api_server)
    assert (after["stances"], after["denying"], after["contradictions"]) == (
        {"asserted": 1, "hedged": 1}, [[]], 0)
    assert denial.record_id in before["timeline"] and denial.record_id not in after["timeline"]
    assert denial.record_id not in after["records"]
    assert _views(api_server, include_rejected="true") == before   # the switch brings it all back


def test_an_event_whose_every_claim_is_wrong_leaves_the_list(api_server, world):
    sanction = world["eu-sanctions"][0]
    _review(api_server, sanction.record_id, {"verdict": "wrong"})
    _, events = api_server.get("/api/events", type="sanction")
    _, every = api_server.get("/api/events", type="sanction", include_rejected="true")
    assert (events["total"], every["total"]) == (0, 1)


def test_an_export_leaves_the_wrong_record_out_and_the_switch_keeps_it(api_server, world, tmp_path):
    denial = world["iran-russia"][1]
    _review(api_server, denial.record_id, {"verdict": "wrong"})
    runner = CliRunner()
    for flags, present in (([], False), (["--include-rejected"], True)):
        out = tmp_path / f"records{len(flags)}.csv"
        result = runner.invoke(app, ["export", "--db", str(api_server.db), "--format", "csv", "--out", str(out),
                                     *flags])
        assert result.exit_code == 0, result.output
        ids = {row["id"] for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
        assert (denial.record_id in ids) is present and len(ids) == 5 - (not present)


def test_the_record_list_filters_by_review_state(api_server, world):
    wrong, right, corrected = (world["iran-russia"][1], world["iran-russia"][2], world["kyiv-report"][0])
    _review(api_server, wrong.record_id, {"verdict": "wrong"})
    _review(api_server, right.record_id, {"verdict": "right"})
    _review(api_server, corrected.record_id, {"corrections": {"stance": "asserted"}})
    got = {state: {i["id"] for i in api_server.get("/api/records", review=state)[1]["items"]}
           for state in ("wrong", "right", "corrected", "reviewed", "unreviewed")}
    assert got["wrong"] == {wrong.record_id} and got["right"] == {right.record_id}
    assert got["corrected"] == {corrected.record_id} and len(got["reviewed"]) == 3 and len(got["unreviewed"]) == 2
    assert api_server.get("/api/records", review="maybe")[0] == 422


def test_a_correction_by_name_is_stored_as_the_id_and_shown_with_the_original(api_server, world):
    """Was: a correction accepted "Ukraine" in a field that holds codes."""
    rec = world["iran-russia"][0]
    status, body = _review(api_server, rec.record_id, {"corrections": {"claimant": "Ukraine", "weapons": ["Geran-2"],
                                                                       "weapon_class": "drones"}})
    assert status == 201 and body["review"]["corrections"] == {"claimant": "UKR", "weapons": ["shahed-136"],
                                                               "weapon_class": "uav"}
    _, shown = api_server.get(f"/api/records/{rec.record_id}")
    assert (shown["id"], shown["claimant"], shown["claimant_name"], shown["original"]) == (
        rec.record_id, "UKR", "Ukraine", {"claimant": "USA", "weapons": ["shahed-136"], "weapon_class": "uav"})


@pytest.mark.parametrize(("corrections", "names"), [
    ({"actor": "Narnia"}, "state, body or group"),
    ({"stance": "probably"}, "asserted"),
    ({"type": "gift"}, "transfer"),
    ({"weapon_class": "laser"}, "air-defense"),
    ({"": "UKR"}, "stance"),                   # a value without a field: not silently dropped
    ({"claimant": ""}, "cannot be empty"),
])
def test_a_correction_outside_the_vocabulary_is_a_422_naming_the_allowed_values(api_server, world, corrections,
                                                                                 names):
    rec = world["iran-russia"][0]
    status, body = _review(api_server, rec.record_id, {"corrections": corrections})
    assert status == 422 and names in body["error"] + " ".join(body.get("allowed", []))
    _, history = api_server.get(f"/api/records/{rec.record_id}/reviews")
    assert history["total"] == 0   # nothing stored


def test_a_stance_correction_changes_the_event_and_the_contradiction(api_server, world):
    denial = world["iran-russia"][1]
    _review(api_server, denial.record_id, {"corrections": {"stance": "asserted"}})
    _, contradictions = api_server.get("/api/contradictions")
    _, events = api_server.get("/api/events", actor="IRN", type="transfer")
    assert contradictions["total"] == 0 and events["items"][0]["asserting"] == ["IRN", "USA"]


def test_a_correction_is_applied_in_the_network_timeline_and_filters(api_server, world):
    """The views that count in SQL see the corrected values; the record keeps its id."""
    hedge = world["kyiv-report"][0]     # UKR hedges IRN->RUS
    _review(api_server, hedge.record_id, {"corrections": {"stance": "denied", "claimant": "Russia"}})
    _, network = api_server.get("/api/network")
    edge = next(e for e in network["edges"] if e["id"] == "transfer:IRN->RUS")
    assert edge["stances"] == {"asserted": 1, "denied": 2} and edge["claimants"] == {"IRN": 1, "RUS": 1, "USA": 1}
    _, by_claimant = api_server.get("/api/records", claimant="Russia")
    _, by_old = api_server.get("/api/records", claimant="UKR")
    assert [i["id"] for i in by_claimant["items"]] == [hedge.record_id] and by_old["total"] == 0
    _, timeline = api_server.get("/api/timeline", stance="denied", mode="report")
    assert hedge.record_id in {i["id"] for i in timeline["items"]}
