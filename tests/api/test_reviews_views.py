"""Issue 13, reviews in the views that read claims one by one: the claimed breaches, the event's anchor, the
contradictions' sides and the timeline by publication leave a record reviewed wrong out and show corrections
(real HTTP on 127.0.0.1, real SQLite; the CLI on the same file)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from http_raw import send

from armstrace.analysis import ensure_events
from armstrace.api.tokens import issue_token
from armstrace.cli import app
from armstrace.records import Article, Record
from armstrace.store import Store

pytestmark = pytest.mark.issue(13)

PANEL_TEXT = "Britain said the Iranian drone shipments to Russia violate Resolution 2231."


def _review(api_server, record_id: str, body: dict) -> tuple[int, dict]:
    reply = send(api_server.url, "POST", f"/api/records/{record_id}/review", body,
                 headers={"Authorization": f"Bearer {issue_token(api_server.db, 'ana')}"})
    return reply.status, reply.json()


def _cli_json(db, *args: str):
    result = CliRunner().invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def panel(api_server, world) -> Record:
    """A claim that the IRN->RUS drone transfer breaches UNSCR-2231, in the event of `world`'s transfer claims."""
    start = 0
    record = Record(doc_id="uk-statement", type="transfer", actor="IRN", recipient="RUS", weapon_class="uav",
                    claimant="GBR", speaker="Britain", stance="asserted", violates=["UNSCR-2231"], evidence=PANEL_TEXT,
                    evidence_start=start, evidence_end=len(PANEL_TEXT), published="2023-07-01",
                    rules=["trigger/test/hand-built"], confidence=0.7, extractor_version="test/1",
                    data_version="test/1")
    with Store(api_server.db) as store:
        store.save_document(Article(doc_id="uk-statement", text=PANEL_TEXT, title="UK statement",
                                    published="2023-07-01"), [record])
        ensure_events(store)
    return record


def _transfer_event(api_server, **params) -> dict:
    _, events = api_server.get("/api/events", actor="IRN", type="transfer", **params)
    (item,) = events["items"]
    return api_server.get(f"/api/events/{item['event_id']}", **params)[1]


def test_claimed_breaches_leave_a_record_reviewed_wrong_out(api_server, panel):
    """Was: the event page still said GBR claims a breach of UNSCR-2231 after the claim was reviewed wrong."""
    assert [(c["instrument"], c["claimants"]) for c in _transfer_event(api_server)["claimed"]] == [
        ("UNSCR-2231", ["GBR"])]
    assert _review(api_server, panel.record_id, {"verdict": "wrong"})[0] == 201
    event = _transfer_event(api_server)
    assert event["claimed"] == []
    assert _cli_json(api_server.db, "event", event["event"]["event_id"])["claimed"] == []
    kept = _transfer_event(api_server, include_rejected="true")["claimed"]
    assert [c["record_ids"] for c in kept] == [[panel.record_id]]


def test_claimed_breaches_follow_corrections_of_violates_and_claimant(api_server, panel):
    """Was: a `violates: []` correction was ignored, and a corrected claimant still shown as extracted."""
    assert _review(api_server, panel.record_id, {"corrections": {"claimant": "Ukraine"}})[0] == 201
    assert [c["claimants"] for c in _transfer_event(api_server)["claimed"]] == [["UKR"]]
    assert _review(api_server, panel.record_id, {"corrections": {"violates": []}})[0] == 201
    event = _transfer_event(api_server)
    assert event["claimed"] == []
    assert _cli_json(api_server.db, "event", event["event"]["event_id"])["claimed"] == []


def test_the_anchor_moves_off_a_record_reviewed_wrong(api_server, world):
    """Was: the event's anchor stayed the rejected record."""
    before = _transfer_event(api_server)["event"]
    first = {r.record_id for r in world["iran-russia"][:2]}
    assert before["anchor"] in first
    assert _review(api_server, before["anchor"], {"verdict": "wrong"})[0] == 201
    after = _transfer_event(api_server)["event"]
    assert after["anchor"] == (first - {before["anchor"]}).pop()
    assert _transfer_event(api_server, include_rejected="true")["event"]["anchor"] == before["anchor"]


def test_timeline_by_published_leaves_wrong_out_and_shows_corrections(api_server, world):
    """Was: `armstrace timeline --by published` listed the rejected claim, and claimants as extracted."""
    denial, hedge = world["iran-russia"][1], world["kyiv-report"][0]
    _review(api_server, denial.record_id, {"verdict": "wrong"})
    _review(api_server, hedge.record_id, {"corrections": {"stance": "denied", "claimant": "PRK"}})
    entries = {e["record_id"]: e for e in _cli_json(api_server.db, "timeline", "--by", "published")}
    assert denial.record_id not in entries
    assert (entries[hedge.record_id]["claimant"], entries[hedge.record_id]["stance"]) == ("PRK", "denied")
    every = {e["record_id"] for e in _cli_json(api_server.db, "timeline", "--by", "published", "--include-rejected")}
    assert every == set(entries) | {denial.record_id}


def _sides(contradiction: dict) -> tuple[set[str], set[str]]:
    return ({r["claimant"] for r in contradiction["supporting"]}, {r["claimant"] for r in contradiction["denying"]})


def test_a_stance_corrected_to_denied_puts_its_claimant_among_the_deniers(api_server, world):
    """Was: the sides were read from the stored stance: PRK, corrected to deny, was listed as UKR hedging."""
    hedge = world["kyiv-report"][0]
    _review(api_server, hedge.record_id, {"corrections": {"stance": "denied", "claimant": "PRK"}})
    _, found = api_server.get("/api/contradictions")
    (c,) = found["items"]
    assert _sides(c) == ({"USA"}, {"IRN", "PRK"}) and ("USA", "PRK") in [tuple(p) for p in c["pairs"]]
    ref = next(r for r in c["denying"] if r["claimant"] == "PRK")
    assert (ref["record_id"], ref["stance"], c["n_denying"]) == (hedge.record_id, "denied", 2)
    assert _sides(_cli_json(api_server.db, "contradictions")[0]) == ({"USA"}, {"IRN", "PRK"})


def test_with_include_rejected_the_claimant_lists_and_the_sides_agree(api_server, world):
    """Was: with include_rejected the event listed the rejected denier while the sides left its claim out."""
    denial = world["iran-russia"][1]
    _review(api_server, denial.record_id, {"verdict": "wrong"})
    assert api_server.get("/api/contradictions")[1]["total"] == 0
    _, found = api_server.get("/api/contradictions", include_rejected="true")
    (c,) = found["items"]
    supporting, denying = _sides(c)
    assert denying == set(c["event"]["denying"]) == {"IRN"}
    assert supporting == set(c["event"]["asserting"]) | set(c["event"]["hedging"])
    event = _transfer_event(api_server, include_rejected="true")
    assert [_sides(x) for x in event["contradictions"]] == [(supporting, denying)]
