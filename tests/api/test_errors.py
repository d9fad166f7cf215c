"""The API's one error shape: {"error": "...", "status": N}, for every kind of failure."""
from __future__ import annotations

import pytest


def _boom() -> None:
    raise RuntimeError("a bug")


@pytest.mark.parametrize(
    ("method", "path", "params", "body", "status"),
    [
        ("GET", "/api/records/0000000000000000", {}, None, 404),           # unknown record id
        ("GET", "/api/documents/no-such-doc", {}, None, 404),              # unknown document id
        ("GET", "/api/no-such-resource", {}, None, 404),                   # unknown route
        ("GET", "/api/records", {"limit": 501}, None, 422),                # limit above the bound
        ("GET", "/api/records", {"stance": "maybe"}, None, 422),           # value outside the enum
        ("GET", "/api/records", {"since": "last week"}, None, 422),        # not a date
        ("POST", "/api/records/0000000000000000/review", {}, {"verdict": "maybe"}, 422),  # not a verdict
        ("POST", "/api/health", {}, {}, 405),                              # wrong method
        ("GET", "/api/boom", {}, None, 500),                               # a bug in a handler
    ],
)
def test_api_errors_have_one_shape(api_server, method, path, params, body, status):
    api_server.app.add_api_route("/api/boom", _boom)
    got_status, got = api_server.request(method, path, body, **params)
    assert (got_status, set(got), got["status"], type(got["error"])) == (status, {"error", "status"}, status, str)


def test_api_error_message_names_the_parameter(api_server):
    status, body = api_server.get("/api/records", limit=501)
    assert status == 422 and "limit" in body["error"]


def test_api_server_error_hides_the_traceback(api_server):
    api_server.app.add_api_route("/api/boom", _boom)
    status, body = api_server.get("/api/boom")
    assert status == 500 and "a bug" not in body["error"] and "Traceback" not in body["error"]
