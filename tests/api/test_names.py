"""Issue 13, names everywhere: the API's filters take names, and payloads carry names beside ids (real HTTP)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(13)


def _ids(body) -> set[str]:
    return {item["id"] for item in body["items"]}


@pytest.mark.parametrize("name", ["Iran", "Tehran", "Iranian", "iranians", "Islamic Republic of Iran", "irn"])
def test_records_by_an_actor_name_are_the_records_of_its_id(api_server, world, name):
    """Was: `actor=Iran` matched nothing (ids only) and looked like "no records"."""
    _, by_id = api_server.get("/api/records", actor="IRN")
    status, by_name = api_server.get("/api/records", actor=name)
    assert status == 200 and by_id["total"] == 4 and _ids(by_name) == _ids(by_id)


@pytest.mark.parametrize(("name", "n"), [("geran-2", 2), ("Geran 2", 2), ("Shahed", 2), ("drone", 5), ("drones", 5),
                                         ("UAV", 5)])
def test_records_by_a_weapon_alias_family_or_class_word(api_server, world, name, n):
    status, body = api_server.get("/api/records", weapon=name)
    assert (status, body["total"]) == (200, n)


def test_an_unknown_name_is_a_422_with_suggestions_not_an_empty_page(api_server, world):
    status, body = api_server.get("/api/records", actor="Irann")
    assert status == 422
    assert "no actor called 'Irann'; did you mean" in body["error"] and "Iran (IRN)" in body["suggestions"]


def test_an_ambiguous_name_lists_the_choices(api_server, world):
    status, body = api_server.get("/api/network", actor="Korea")
    assert status == 422 and set(body["choices"]) == {"North Korea (PRK)", "South Korea (KOR)"}


@pytest.mark.parametrize("path", ["/api/network", "/api/timeline", "/api/weapons", "/api/events",
                                  "/api/contradictions"])
def test_every_filtering_route_takes_names(api_server, world, path):
    by_id = api_server.get(path, actor="IRN", weapon="uav")
    by_name = api_server.get(path, actor="Tehran", weapon="drones")
    unknown = api_server.get(path, actor="Narnia")
    assert by_id == by_name and by_id[0] == 200 and unknown[0] == 422


def test_resolve_says_which_filter_a_name_goes_in(api_server, world):
    assert api_server.get("/api/resolve", q="Tehran") == (200, {"kind": "actor", "value": "IRN",
                                                               "label": "Iran (IRN)"})
    assert api_server.get("/api/resolve", q="drones")[1]["value"] == "uav"
    status, body = api_server.get("/api/resolve", q="Narnia")
    assert status == 422 and body["error"].startswith("no actor or weapon called 'Narnia'; did you mean")


def test_names_beside_ids_in_records_network_timeline_weapons_and_events(api_server, world):
    """Was: nodes labelled with bare codes (SUN, hamas, un)."""
    _, records = api_server.get("/api/records", doc_id="iran-russia")
    first = records["items"][0]
    assert (first["actor_name"], first["recipient_name"], first["claimant_name"], first["weapon_names"]) == (
        "Iran", "Russia", "United States", ["Shahed-136"])
    _, network = api_server.get("/api/network")
    labels = {node["id"]: node["label"] for node in network["nodes"]}
    assert labels["IRN"] == "Iran" and labels["UKR"] == "Ukraine"
    edge = next(e for e in network["edges"] if e["source"] == "IRN")
    assert (edge["source_name"], edge["target_name"]) == ("Iran", "Russia")
    _, timeline = api_server.get("/api/timeline")
    assert {(i["actor"], i["actor_name"]) for i in timeline["items"]} >= {("RUS", "Russia")}
    _, weapons = api_server.get("/api/weapons")
    assert weapons["items"][0]["name"] == "Shahed-136"
    _, events = api_server.get("/api/events", actor="Iran")
    assert {e["actor_name"] for e in events["items"]} == {"Iran", "European Union"}   # EU sanctions Iran
