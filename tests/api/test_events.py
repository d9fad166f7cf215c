"""Events, contradictions and regimes over HTTP."""
from __future__ import annotations

from armstrace.analysis import ensure_events, pending_updates
from armstrace.records import Article, Record
from armstrace.store import Store


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
    assert (status, sorted(c["claimant"] for c in body["claims"]["items"]), body["corroboration"]["n_independent"],
            [c["claimant"] for c in contradiction["denying"]]) == (200, ["IRN", "UKR", "USA"], 2, ["IRN"])


def test_api_event_claims_are_paginated(api_server, world):
    event_id = _transfer_event(api_server)["event_id"]
    _, whole = api_server.get(f"/api/events/{event_id}")
    _, page = api_server.get(f"/api/events/{event_id}", limit=1, offset=1)
    assert ([c["id"] for c in page["claims"]["items"]], page["claims"]["total"], page["claims"]["limit"],
            page["claims"]["offset"]) == ([whole["claims"]["items"][1]["id"]], 3, 1, 1)


def test_api_record_names_its_event(api_server, world):
    event_id = _transfer_event(api_server)["event_id"]
    _, record = api_server.get(f"/api/records/{world['kyiv-report'][0].record_id}")
    assert record["event_id"] == event_id


def test_api_contradictions_list_both_sides(api_server, world):
    _, body = api_server.get("/api/contradictions")
    assert [(c["event"]["actor"], c["event"]["recipient"], c["pairs"]) for c in body["items"]] == [
        ("IRN", "RUS", [["UKR", "IRN"], ["USA", "IRN"]])]


def test_api_regimes_are_listed_with_their_events(api_server, world):
    event_id = _transfer_event(api_server)["event_id"]
    _, body = api_server.get("/api/regimes")
    engaged = {r["id"]: [(e["event_id"], e["certainty"]) for e in r["events"]] for r in body["items"]}
    assert (engaged["regime/unscr-2231-annex-b"], engaged["regime/att"], body["total"]) == (
        [(event_id, "possible")], [], len(body["items"]))   # Iran is no ATT party: no ATT flag


def test_api_events_report_pending_records_and_write_nothing(api_server, world):
    text = "Iran sent missiles to the Houthis, Saudi officials said."
    record = Record(doc_id="late", type="transfer", actor="IRN", recipient="houthis", weapon_class="missile",
                    claimant="SAU", stance="asserted", evidence=text, evidence_start=0, evidence_end=len(text))
    with Store(api_server.db) as store:
        store.save_document(Article(doc_id="late", text=text, published="2023-07-01"), [record])
    _, body = api_server.get("/api/events")
    _, health = api_server.get("/api/health")
    with Store(api_server.db, readonly=True) as store:
        still_pending = pending_updates(store)
    assert (body["events_pending"], body["total"], health["events_pending"], still_pending) == (1, 3, 1, 1)


def test_api_event_lists_a_broad_denial_of_its_block(api_server, world):
    event_id = _transfer_event(api_server)["event_id"]
    text = "Iran has not supplied any weapons to Russia, Tehran said."
    record = Record(doc_id="broad", type="transfer", actor="IRN", recipient="RUS", weapon_class="arms",
                    claimant="IRN", stance="denied", evidence=text, evidence_start=0, evidence_end=len(text))
    with Store(api_server.db) as store:
        store.save_document(Article(doc_id="broad", text=text, published="2023-07-01"), [record])
        ensure_events(store)
    _, body = api_server.get(f"/api/events/{event_id}")
    assert [(c["kind"], [d["doc_id"] for d in c["denying"]]) for c in body["contradictions"]] == [
        ("same-event", ["iran-russia"]), ("broad-denial", ["broad"])]


def test_api_unknown_event_is_404(api_server, world):
    status, body = api_server.get("/api/events/ev-000000000000")
    assert (status, body["status"]) == (404, 404)
