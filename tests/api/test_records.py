"""GET /api/records, /api/records/{id}, /api/documents: filters, pagination, shape."""
from __future__ import annotations

from armstrace.store.reviews import names_of

import pytest


def test_api_health_counts_the_database(api_server, world):
    status, body = api_server.get("/api/health")
    assert (status, body["status"], body["documents"], body["records"]) == (200, "ok", 3, 5)


def test_api_records_page_shape(api_server, world):
    status, body = api_server.get("/api/records")
    assert (status, set(body), body["total"], body["limit"], body["offset"]) == (
        200, {"items", "total", "limit", "offset"}, 5, 50, 0)


def test_api_record_items_carry_id_fields_and_review(api_server, world):
    _, body = api_server.get("/api/records", doc_id="kyiv-report")
    (item,) = body["items"]
    rec = world["kyiv-report"][0]
    assert item == {**rec.to_json(), **names_of(rec.to_json()), "review": None, "original": {}}
    assert (item["actor_name"], item["recipient_name"], item["claimant_name"]) == ("Iran", "Russia", "Ukraine")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "use"}, 1),
        ({"actor": "RUS"}, 4),             # actor matches either side of the event
        ({"actor": "rus"}, 4),             # case-insensitive
        ({"recipient": "UKR"}, 1),
        ({"weapon": "shahed-136"}, 2),
        ({"weapon": "Shahed136"}, 2),
        ({"weapon": "uav"}, 5),            # a class
        ({"claimant": "IRN"}, 1),
        ({"stance": "hedged"}, 1),
        ({"q": "by ship"}, 1),
        ({"q": "%"}, 0),                   # LIKE wildcards are literal
        ({"since": "2023-05"}, 4),
        ({"until": "2022"}, 1),
        ({"since": "2023-05-09", "until": "2023-05-31"}, 2),  # the use is dated 2023-05-08 itself
        ({"actor": "IRN", "type": "transfer", "stance": "asserted"}, 1),
        ({"actor": ""}, 5),                # an empty parameter is no filter
    ],
)
def test_api_records_filters(api_server, world, params, expected):
    status, body = api_server.get("/api/records", **params)
    assert (status, body["total"], len(body["items"])) == (200, expected, expected)


@pytest.mark.parametrize(("limit", "offset", "n_items"), [(2, 0, 2), (2, 4, 1), (0, 0, 0), (500, 0, 5), (2, 10, 0)])
def test_api_records_pagination(api_server, world, limit, offset, n_items):
    _, body = api_server.get("/api/records", limit=limit, offset=offset)
    assert (len(body["items"]), body["total"], body["limit"], body["offset"]) == (n_items, 5, limit, offset)


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": -1}, {"offset": -1}])
def test_api_records_pagination_is_bounded(api_server, world, params):
    status, _ = api_server.get("/api/records", **params)
    assert status == 422


def test_api_records_pages_cover_every_record_once(api_server, world):
    seen = []
    for offset in range(0, 5, 2):
        seen += [item["id"] for item in api_server.get("/api/records", limit=2, offset=offset)[1]["items"]]
    assert sorted(seen) == sorted(rec.record_id for recs in world.values() for rec in recs)


def test_api_record_by_id_has_its_document(api_server, world):
    rec = world["iran-russia"][2]
    status, body = api_server.get(f"/api/records/{rec.record_id}")
    assert (status, body["id"], body["evidence"], body["document"]["title"]) == (
        200, rec.record_id, rec.evidence, "Iran drones for Moscow")


def test_api_document_has_text_skip_spans_and_record_offsets(api_server, world):
    status, body = api_server.get("/api/documents/iran-russia")
    starts = [(r["evidence_start"], r["evidence_end"]) for r in body["records"]]
    assert (status, body["skip_spans"], [body["text"][a:b] for a, b in starts]) == (
        200, [], [rec.evidence for rec in world["iran-russia"]])


def test_api_documents_list_is_paginated(api_server, world):
    _, body = api_server.get("/api/documents", limit=2)
    assert ([d["doc_id"] for d in body["items"]], body["total"]) == (["eu-sanctions", "iran-russia"], 3)


def test_api_openapi_lists_the_resources(api_server):
    _, spec = api_server.get("/openapi.json")
    assert {"/api/records", "/api/network", "/api/records/{record_id}/review"} <= set(spec["paths"])


def test_api_docs_page_is_served_without_a_cdn(api_server):
    import urllib.request

    with urllib.request.urlopen(api_server.url + "/docs", timeout=10) as response:
        page = response.read().decode()
    assert "/static/vendor/swagger-ui-bundle.js" in page and "cdn." not in page


def test_api_meta_serves_the_correctable_fields(api_server):
    from armstrace.store.reviews import CORRECTABLE_FIELDS

    _, body = api_server.get("/api/meta")
    assert (body["correctable_fields"], body["stances"]) == (list(CORRECTABLE_FIELDS), ["asserted", "denied", "hedged"])


def test_api_timeline_limit_keeps_the_total(api_server, world):
    _, body = api_server.get("/api/timeline", limit=2, mode="report")
    assert ([i["date"] for i in body["items"]], body["total"], body["undated"]) == (
        ["2022-12-12", "2023-05-10"], 5, 0)
