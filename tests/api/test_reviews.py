"""Reviews: POST /api/records/{id}/review, the audit trail, survival across re-ingest, exports."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from http_raw import send

from armstrace.api.tokens import issue_token
from armstrace.cli import app
from armstrace.store import Store


def _first(world):
    return world["iran-russia"][0].record_id


def _review_as(api_server, name: str, record_id: str, body: dict):
    """POST a review with `name`'s token: (status, body). Reviews are recorded under the token's name."""
    reply = send(api_server.url, "POST", f"/api/records/{record_id}/review", body,
                 headers={"Authorization": f"Bearer {issue_token(api_server.db, name)}"})
    return reply.status, reply.json()


def test_api_review_round_trip(api_server, world):
    rid = _first(world)
    status, posted = _review_as(api_server, "ana", rid, {"verdict": "wrong", "corrections": {"claimant": "GBR"}})
    _, record = api_server.get(f"/api/records/{rid}")
    assert (status, posted["review"]["verdict"], record["review"]["verdict"], record["review"]["corrections"],
            record["review"]["reviewer"], record["claimant"], record["original"]) == (
        201, "wrong", "wrong", {"claimant": "GBR"}, "ana", "GBR", {"claimant": "USA"})


def test_api_review_history_keeps_every_entry_with_who_and_when(api_server, world):
    rid = _first(world)
    _review_as(api_server, "ana", rid, {"verdict": "right"})
    _review_as(api_server, "ben", rid, {"corrections": {"stance": "hedged"}})
    _, history = api_server.get(f"/api/records/{rid}/reviews")
    assert [(r["reviewer"], r["verdict"], r["corrections"], bool(r["at"])) for r in history["items"]] == [
        ("ana", "right", {}, True), ("ben", None, {"stance": "hedged"}, True)]


def test_api_review_state_folds_the_trail(api_server, world):
    rid = _first(world)
    for name, body in (("ana", {"verdict": "wrong", "corrections": {"claimant": "GBR"}}),
                       ("ben", {"corrections": {"stance": "hedged"}}),
                       ("cy", {"verdict": "right", "corrections": {"claimant": "USA"}})):
        _review_as(api_server, name, rid, body)
    _, record = api_server.get(f"/api/records/{rid}")
    assert record["review"] == {"verdict": "right", "corrections": {"claimant": "USA", "stance": "hedged"},
                                "reviewer": "cy", "at": record["review"]["at"], "n_reviews": 3}


@pytest.mark.parametrize(
    ("body", "status", "names"),
    [
        ({}, 400, "verdict"),                                                           # says nothing
        ({"verdict": "right", "reviewer": "ben"}, 400, "reviewer"),                     # signs as someone else
        ({"verdict": "maybe"}, 422, "verdict"),
        ({"corrections": {"evidence": "x"}}, 422, "evidence"),                          # not correctable
        ({"corrections": {"stance": "probably"}}, 422, "stance"),                       # not a stance
        ({"corrections": {"weapon_class": "laser"}}, 422, "weapon_class"),
    ],
)
def test_api_review_rejects_bad_reviews(api_server, world, body, status, names):
    got_status, got = _review_as(api_server, "ana", _first(world), body)
    assert (got_status, names in got["error"]) == (status, True)


def test_api_review_of_unknown_record_is_404(api_server, world):
    status, _ = _review_as(api_server, "ana", "ffffffffffffffff", {"verdict": "right"})
    assert status == 404


def test_api_review_survives_reextraction(api_server, world, world_document):
    rid = _first(world)
    _review_as(api_server, "ana", rid, {"verdict": "wrong"})
    article, records = world_document("iran-russia")
    with Store(api_server.db) as store:
        store.save_document(article, [], force=True)        # extraction found nothing: the record is gone
        gone = store.count_records(doc_id="iran-russia")
        store.save_document(article, records, force=True)   # the same text again: the same record ids
    _, record = api_server.get(f"/api/records/{rid}")
    assert (gone, record["review"]["verdict"], record["review"]["reviewer"]) == (0, "wrong", "ana")


def test_api_review_stays_with_its_claim_only(api_server, world):
    _review_as(api_server, "ana", _first(world), {"verdict": "wrong"})
    _, body = api_server.get("/api/records", limit=500, include_rejected="true")
    assert sum(item["review"] is not None for item in body["items"]) == 1


def test_cli_records_exports_carry_the_review(api_server, world):
    rid = _first(world)
    _review_as(api_server, "ana", rid, {"verdict": "wrong", "corrections": {"claimant": "GBR"}})
    runner = CliRunner()
    jsonl = runner.invoke(app, ["records", "--db", str(api_server.db), "--format", "jsonl", "--include-rejected"])
    csv_out = runner.invoke(app, ["records", "--db", str(api_server.db), "--format", "csv", "--include-rejected"])
    lines = {json.loads(line)["id"]: json.loads(line) for line in jsonl.stdout.splitlines()}
    csv_row = next(line for line in csv_out.stdout.splitlines() if line.startswith(rid))
    assert (lines[rid]["review"]["verdict"], lines[rid]["review"]["corrections"], lines[rid]["review"]["reviewer"],
            "wrong" in csv_row and "ana" in csv_row and "GBR" in csv_row) == ("wrong", {"claimant": "GBR"}, "ana", True)
