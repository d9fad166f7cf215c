"""Events, contradictions and regimes over HTTP (served when armstrace.analysis is installed)."""
from __future__ import annotations

import pytest

pytest.importorskip("armstrace.analysis")


def _transfer_event(api_server) -> dict:
    _, body = api_server.get("/api/events", type="transfer", actor="IRN")
    (event,) = body["items"]
    return event


def test_api_events_join_claims_across_documents(api_server, world):
    event = _transfer_event(api_server)
    assert (event["n_claims"], event["n_documents"], event["asserting"], event["hedging"], event["denying"]) == (
        3, 2, ["USA"], ["UKR"], ["IRN"])


def test_api_events_are_paginated(api_server, world):
    _, body = api_server.get("/api/events", limit=1, offset=1)
    assert (len(body["items"]), body["total"], body["limit"], body["offset"]) == (1, 3, 1, 1)


def test_api_event_has_claims_corroboration_and_contradiction(api_server, world):
    event_id = _transfer_event(api_server)["event_id"]
    status, body = api_server.get(f"/api/events/{event_id}")
    (contradiction,) = body["contradictions"]
    assert (status, sorted(c["claimant"] for c in body["claims"]), body["corroboration"]["n_independent"],
            [c["claimant"] for c in contradiction["denying"]]) == (200, ["IRN", "UKR", "USA"], 2, ["IRN"])


def test_api_record_names_its_event(api_server, world):
    event_id = _transfer_event(api_server)["event_id"]
    _, record = api_server.get(f"/api/records/{world['kyiv-report'][0].record_id}")
    assert record["event_id"] == event_id


def test_api_contradictions_list_both_sides(api_server, world):
    _, body = api_server.get("/api/contradictions")
    assert [(c["event"]["actor"], c["event"]["recipient"], c["pairs"]) for c in body["items"]] == [
        ("IRN", "RUS", [["UKR", "IRN"], ["USA", "IRN"]])]


def test_api_regimes_are_listed_with_their_events(api_server, world):
    _, body = api_server.get("/api/regimes")
    assert body["total"] == len(body["items"]) > 0 and all("events" in r for r in body["items"])


def test_api_unknown_event_is_404(api_server, world):
    status, body = api_server.get("/api/events/ev-000000000000")
    assert (status, body["status"]) == (404, 404)
