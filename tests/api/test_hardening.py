"""Server hardening (issue 11): every input validated to the schema, bounded bodies, Host and
Origin allow-lists, security headers on every response, documented status codes, no file names.

Each test is one defect the issue found by probing the server as a hostile or careless client.
"""
from __future__ import annotations

import pytest

from http_raw import send

pytestmark = pytest.mark.issue(11)

HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")


def _first(world) -> str:
    return world["iran-russia"][0].record_id


@pytest.mark.parametrize("path", ["/api/records", "/api/documents", "/api/events"])
@pytest.mark.parametrize("offset", [2**63, 2**64 + 1, 10**30])
def test_api_offset_beyond_sqlite_is_422_not_500(api_server, world, path, offset):
    reply = send(api_server.url, "GET", f"{path}?offset={offset}")
    assert (reply.status, "offset" in reply.json()["error"]) == (422, True)


@pytest.mark.parametrize("query", ["since=2022-13-45", "until=2023-02-30", "since=2022-00", "since=0000",
                                   "until=2021-02-29", "since=%D9%A2%D9%A0%D9%A2%D9%A2"])  # Arabic-Indic digits
def test_api_impossible_dates_are_422(api_server, world, query):
    reply = send(api_server.url, "GET", f"/api/records?{query}")
    assert reply.status == 422


def test_api_real_dates_still_filter(api_server, world):
    reply = send(api_server.url, "GET", "/api/records?since=2024-02-29")
    leap = send(api_server.url, "GET", "/api/records?since=2023-05&until=2023-05-31")
    assert (reply.status, reply.json()["total"], leap.status, leap.json()["total"]) == (200, 0, 200, 3)


@pytest.mark.parametrize("name", ["q", "actor", "weapon", "claimant"])
def test_api_nul_in_a_filter_never_matches_every_record(api_server, world, name):
    reply = send(api_server.url, "GET", f"/api/records?{name}=%00")
    assert reply.status == 422 or reply.json()["total"] == 0


def test_api_review_body_of_10_mb_is_413_and_stores_nothing(api_server, world):
    rid = _first(world)
    body = {"verdict": "wrong", "corrections": {"speaker": "x" * 10_000_000}}
    reply = send(api_server.url, "POST", f"/api/records/{rid}/review", body)
    _, history = api_server.get(f"/api/records/{rid}/reviews")
    assert (reply.status, reply.json()["status"], history["total"]) == (413, 413, 0)


def test_api_chunked_body_over_the_limit_is_413(api_server, world):
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(api_server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    chunks = (b"x" * 65_536 for _ in range(40))  # 2.6 MB with no Content-Length
    conn.request("POST", f"/api/records/{_first(world)}/review", body=chunks,
                 headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"}, encode_chunked=True)
    status = conn.getresponse().status
    conn.close()
    assert status == 413


def test_api_unknown_keys_are_not_echoed_back(api_server, world):
    body = {f"key{i}": 1 for i in range(3_000)}  # ~40 KB: under the body cap
    reply = send(api_server.url, "POST", f"/api/records/{_first(world)}/review", body)
    assert (reply.status, len(reply.body) < 2_000, "more" in reply.json()["error"]) == (422, True, True)


def test_api_long_error_messages_are_cut(api_server, world):
    # the 404 names the id it did not find: a 5,000-character id must not come back whole
    reply = send(api_server.url, "GET", "/api/records/" + "x" * 5_000)
    assert (reply.status, len(reply.body) < 2_000, "more characters" in reply.json()["error"]) == (404, True, True)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "attacker.test"])
def test_api_foreign_host_header_is_refused(api_server, world, host):
    reply = send(api_server.url, "GET", "/api/records", headers={"Host": host})
    assert (reply.status, set(reply.json())) == (400, {"error", "status"})


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST:8000", "[::1]:8000"])
def test_api_loopback_host_names_are_accepted(api_server, world, host):
    assert send(api_server.url, "GET", "/api/health", headers={"Host": host}).status == 200


def test_api_foreign_origin_cannot_write(api_server, world):
    rid = _first(world)
    reply = send(api_server.url, "POST", f"/api/records/{rid}/review", {"verdict": "right"},
                 headers={"Origin": "http://evil.example"})
    _, history = api_server.get(f"/api/records/{rid}/reviews")
    assert (reply.status, history["total"]) == (403, 0)


def test_api_same_origin_can_write(api_server, world):
    reply = send(api_server.url, "POST", f"/api/records/{_first(world)}/review", {"verdict": "right"},
                 headers={"Origin": api_server.url})
    assert reply.status == 201


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/"), ("GET", "/docs"), ("GET", "/openapi.json"), ("GET", "/api/health"), ("GET", "/static/dashboard.css"),
    ("GET", "/api/records/0000000000000000"), ("GET", "/api/records?limit=9999"), ("POST", "/api/health"),
    ("GET", "/api/boom"), ("GET", "/nowhere"),
])
def test_api_every_response_carries_the_security_headers(api_server, world, method, path):
    api_server.app.add_api_route("/api/boom", _boom)
    reply = send(api_server.url, method, path, {} if method == "POST" else None)
    headers = reply.headers
    assert ([name for name in HEADERS if name not in headers], "'unsafe-inline'" in headers["content-security-policy"],
            "frame-ancestors 'none'" in headers["content-security-policy"], headers["x-content-type-options"],
            headers["x-frame-options"]) == ([], False, True, "nosniff", "DENY")


def _boom() -> None:
    raise RuntimeError("a bug")


def test_api_405_says_which_methods_are_allowed(api_server, world):
    reply = send(api_server.url, "POST", "/api/health", {})
    review = send(api_server.url, "GET", f"/api/records/{_first(world)}/review")
    assert (reply.status, reply.headers.get("allow"), review.status, review.headers.get("allow")) == (
        405, "GET", 405, "POST")


def test_api_openapi_documents_every_error_status(api_server):
    _, spec = api_server.get("/openapi.json")
    missing = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            want = {"400", "422"} | ({"404"} if "{" in path else set()) | (
                {"401", "403", "413"} if method == "post" else set())
            missing += [f"{method} {path} {code}" for code in sorted(want - set(operation["responses"]))]
    assert missing == []


def test_api_health_and_errors_name_no_file(api_server, world):
    db = api_server.db
    bodies = [send(api_server.url, "GET", path).body.decode() for path in (
        "/api/health", "/api/records/0000000000000000", "/api/documents/nope", "/api/events/ev-000000000000",
        "/api/records/0000000000000000/reviews")]
    bodies.append(send(api_server.url, "POST", "/api/records/0000000000000000/review", {"verdict": "right"}).body.decode())
    leaks = [body for body in bodies if db.name in body or str(db.parent) in body]
    assert leaks == []


def test_api_allow_list_is_configurable(serve_app, db, world):
    from armstrace.api import create_app

    url = serve_app(create_app(db, allowed_hosts=["127.0.0.1", "armstrace.lan"]))
    named = send(url, "GET", "/api/health", headers={"Host": "armstrace.lan:8000"}).status
    other = send(url, "GET", "/api/health", headers={"Host": "evil.example"}).status
    assert (named, other) == (200, 400)


def test_cli_serve_reads_allowed_hosts_from_the_environment(monkeypatch):
    from armstrace.cli.serve import allowed_hosts

    monkeypatch.setenv("ARMSTRACE_ALLOWED_HOSTS", "armstrace.lan, 10.0.0.7")
    assert {"armstrace.lan", "10.0.0.7", "127.0.0.1"} <= set(allowed_hosts("127.0.0.1", []))


def test_api_documents_name_their_file_without_its_folder(api_server):
    from armstrace.records import Article
    from armstrace.store import Store

    with Store(api_server.db) as store:
        store.save_document(Article(doc_id="a", text="Iran sent drones to Russia.",
                                    source_path="/srv/private/corpus/a.txt"), [])
    listing = send(api_server.url, "GET", "/api/documents").body.decode()
    one = send(api_server.url, "GET", "/api/documents/a").json()
    assert ("/srv/private" in listing, one["source_path"]) == (False, "a.txt")


@pytest.mark.parametrize("host", ["127.0.0.1:evil", "127.0.0.1:8731, evil.example", "[::1]:x"])
def test_api_host_with_a_port_that_is_no_number_is_refused(api_server, host):
    assert send(api_server.url, "GET", "/api/health", headers={"Host": host}).status == 400


@pytest.mark.parametrize("origin", ["http://{h}/evil", "ftp://{h}", "http://{h}?x=1"])
def test_api_origin_with_a_path_or_another_scheme_cannot_write(api_server, world, origin):
    host = api_server.url.split("//", 1)[1]
    reply = send(api_server.url, "POST", f"/api/records/{_first(world)}/review", {"verdict": "right"},
                 {"Origin": origin.format(h=host)})
    assert reply.status == 403


@pytest.mark.parametrize("body", [b'{"corrections": {"speaker": "x\\ud800y"}}', b'{"corrections": {"\\udc00": "x"}}'])
def test_api_lone_surrogate_in_a_review_is_422_and_stores_nothing(api_server, world, body):
    rid = _first(world)
    reply = send(api_server.url, "POST", f"/api/records/{rid}/review", body)
    history = send(api_server.url, "GET", f"/api/records/{rid}/reviews").json()
    assert (reply.status, history["total"]) == (422, 0)
