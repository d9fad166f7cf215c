"""GET /api/network, /api/weapons, /api/timeline."""
from __future__ import annotations


def test_api_network_nodes_are_actors_of_transfers_and_uses(api_server, world):
    _, body = api_server.get("/api/network")
    assert [node["id"] for node in body["nodes"]] == ["IRN", "RUS", "UKR"]


def test_api_network_edges_are_typed_and_weighted_by_documents(api_server, world):
    _, body = api_server.get("/api/network")
    edges = {(e["type"], e["source"], e["target"]): (e["weight"], e["n_records"]) for e in body["edges"]}
    # Iran -> Russia: three records in two documents.
    assert edges == {("transfer", "IRN", "RUS"): (2, 3), ("use", "RUS", "UKR"): (1, 1)}


def test_api_network_counts_stances_per_edge(api_server, world):
    _, body = api_server.get("/api/network", type="transfer")
    (edge,) = body["edges"]
    assert edge["stances"] == {"asserted": 1, "denied": 1, "hedged": 1}


def test_api_network_takes_record_filters(api_server, world):
    _, body = api_server.get("/api/network", stance="denied")
    assert [(e["source"], e["target"], e["weight"]) for e in body["edges"]] == [("IRN", "RUS", 1)]


def test_api_network_of_a_type_without_edges_is_empty(api_server, world):
    _, body = api_server.get("/api/network", type="sanction")
    assert body == {"nodes": [], "edges": []}


def test_api_weapons_counts_models(api_server, world):
    _, body = api_server.get("/api/weapons")
    assert body["items"] == [{"model": "shahed-136", "name": "Shahed-136", "n_records": 2, "n_documents": 1,
                             "weapon_classes": ["uav"]}]


def test_api_timeline_dates_by_event_time_else_published(api_server, world):
    _, body = api_server.get("/api/timeline")
    assert [(i["date"], i["date_source"]) for i in body["items"]] == [
        ("2022-12-12", "published"), ("2023-05-08", "time"), ("2023-05-10", "published"),
        ("2023-05-10", "published"), ("2023-06-01", "published")]
