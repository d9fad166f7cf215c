"""GET /api/network, /api/weapons, /api/timeline."""
from __future__ import annotations

import pytest

from armstrace.analysis import ensure_events
from armstrace.records import Article, Record
from armstrace.store import Store


def test_api_network_nodes_are_the_actors_of_every_event_type(api_server, world):
    _, body = api_server.get("/api/network")
    assert [(node["id"], node["label"]) for node in body["nodes"]] == [
        ("IRN", "Iran"), ("RUS", "Russia"), ("UKR", "Ukraine"), ("eu", "European Union")]


def test_api_network_edges_are_typed_and_weighted_by_independent_sources(api_server, world):
    _, body = api_server.get("/api/network")
    edges = {(e["type"], e["source"], e["target"]): (e["weight"], e["n_documents"], e["n_records"])
             for e in body["edges"]}
    # Iran -> Russia: three records in two documents; the EU's sanction is drawn too.
    assert edges == {("transfer", "IRN", "RUS"): (2, 2, 3), ("use", "RUS", "UKR"): (1, 1, 1),
                     ("sanction", "eu", "IRN"): (1, 1, 1)}


def test_api_network_counts_stances_per_edge(api_server, world):
    _, body = api_server.get("/api/network", type="transfer")
    (edge,) = body["edges"]
    assert (edge["stances"], edge["status"], edge["independent_supporting"], edge["independent_denying"]) == (
        {"asserted": 1, "denied": 1, "hedged": 1}, "contested", 2, 1)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("stance", "status"), [("asserted", "asserted"), ("hedged", "hedged"),
                                                 ("denied", "denied")])
def test_api_network_status_says_what_the_claims_of_an_edge_amount_to(api_server, world, stance, status):
    _, body = api_server.get("/api/network", type="transfer", stance=stance)
    assert [e["status"] for e in body["edges"]] == [status]


def test_api_network_takes_record_filters(api_server, world):
    _, body = api_server.get("/api/network", stance="denied")
    assert [(e["source"], e["target"], e["weight"]) for e in body["edges"]] == [("IRN", "RUS", 1)]


def test_api_network_of_a_filter_without_records_is_empty(api_server, world):
    _, body = api_server.get("/api/network", type="training")
    assert (body["nodes"], body["edges"]) == ([], [])


def _syndicated(db, n_copies: int) -> None:
    """One wire story in `n_copies` outlets, and an independent report of the same transfer."""
    wire = ("North Korea has shipped artillery shells to Russia by rail, South Korean intelligence said on "
            "Tuesday, citing satellite images of trains at the border crossing near Tumangang station.")
    other = "Japan's defence ministry said North Korean shells reached Russia by ship in October."
    docs = [(f"wire-{i}", wire, "KOR") for i in range(n_copies)] + [("japan", other, "JPN")]
    with Store(db) as store:
        for doc_id, text, claimant in docs:
            store.save_document(Article(doc_id=doc_id, text=text, published="2023-10-20"), [
                Record(doc_id=doc_id, type="transfer", actor="PRK", recipient="RUS", weapon_class="artillery",
                       claimant=claimant, stance="asserted", evidence=text, evidence_start=0,
                       evidence_end=len(text))])
        ensure_events(store)


@pytest.mark.issue(13)
def test_api_network_counts_syndicated_copies_once(api_server):
    _syndicated(api_server.db, 5)
    _, body = api_server.get("/api/network")
    (edge,) = body["edges"]
    assert (edge["n_documents"], edge["n_independent"], edge["weight"]) == (6, 2, 2)


@pytest.mark.issue(13)
def test_api_network_production_is_drawn_to_where_it_is_made(api_server):
    text = "Iran has helped build a drone factory in Tajikistan, officials said."
    with Store(api_server.db) as store:
        store.save_document(Article(doc_id="tjk", text=text, published="2022-05-17"), [
            Record(doc_id="tjk", type="production", actor="IRN", location="TJK", weapon_class="uav",
                   claimant="author", stance="asserted", evidence=text, evidence_start=0, evidence_end=len(text))])
    _, body = api_server.get("/api/network")
    assert [(e["type"], e["source"], e["target"]) for e in body["edges"]] == [("production", "IRN", "TJK")]


@pytest.mark.issue(13)
def test_api_network_top_folds_the_rest_into_others(api_server, world):
    _, body = api_server.get("/api/network", top=2)
    ids = [node["id"] for node in body["nodes"]]
    others = next(node for node in body["nodes"] if node["id"] == "~others")
    edges = sorted((e["source"], e["target"]) for e in body["edges"])
    # IRN and RUS have the most sources; UKR and the EU are folded, their edges end at "others".
    assert (ids, others["folded"], others["label"], edges, body["n_actors"]) == (
        ["IRN", "RUS", "~others"], ["UKR", "eu"], "2 others", [("IRN", "RUS"), ("RUS", "~others"),
                                                              ("~others", "IRN")], 4)


def test_api_weapons_counts_models(api_server, world):
    _, body = api_server.get("/api/weapons")
    assert body["items"] == [{"model": "shahed-136", "name": "Shahed-136", "n_records": 2, "n_documents": 1,
                              "weapon_classes": ["uav"]}]


@pytest.mark.issue(13)
def test_api_timeline_event_mode_places_records_at_event_time_only(api_server, world):
    _, body = api_server.get("/api/timeline")
    assert ([(i["date"], i["precision"], i["date_source"]) for i in body["items"]], body["undated"]) == (
        [("2023-05-08", "day", "time")], 4)


@pytest.mark.issue(13)
def test_api_timeline_report_mode_places_records_at_publication(api_server, world):
    _, body = api_server.get("/api/timeline", mode="report")
    assert ([(i["date"], i["date_source"]) for i in body["items"]], body["undated"]) == (
        [("2022-12-12", "published"), ("2023-05-10", "published"), ("2023-05-10", "published"),
         ("2023-05-10", "published"), ("2023-06-01", "published")], 0)


@pytest.mark.issue(13)
def test_api_timeline_lists_the_undated_records(api_server, world):
    _, body = api_server.get("/api/timeline/undated", type="transfer")
    expected = sorted(r.record_id for r in world["iran-russia"][:2] + world["kyiv-report"])
    assert (sorted(i["id"] for i in body["items"]), body["total"]) == (expected, 3)


@pytest.mark.issue(13)
def test_api_network_filters_by_period_and_weapon_class(api_server, world):
    _, june = api_server.get("/api/network", since="2023-06")
    _, drones = api_server.get("/api/network", weapon="uav", until="2023-05")
    assert ([(e["id"], e["status"]) for e in june["edges"]], sorted(e["id"] for e in drones["edges"])) == (
        [("transfer:IRN->RUS", "hedged")], ["sanction:eu->IRN", "transfer:IRN->RUS", "use:RUS->UKR"])


@pytest.mark.issue(15)
def test_api_sets_its_start_up_objects_aside_from_the_collector(api_server, world):
    """Full collections walked the gazetteers and the app on every few large answers (a 70 ms p95 tail)."""
    import gc

    api_server.get("/api/network")
    assert gc.get_freeze_count() > 10_000
