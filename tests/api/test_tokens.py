"""Write tokens (issue 11): no stranger writes, and a review is signed by its token, not by free text."""
from __future__ import annotations

import json
import socket
import stat
import subprocess
import sys
import time

import pytest
from http_raw import send
from typer.testing import CliRunner

from armstrace.api import create_app
from armstrace.api.tokens import ensure_first_token, issue_token, tokens_path
from armstrace.cli import app
from armstrace.cli.serve import allowed_hosts, is_loopback

pytestmark = pytest.mark.issue(11)


def _rid(world) -> str:
    return world["iran-russia"][0].record_id


def _history(url: str, rid: str) -> list[str]:
    return [item["reviewer"] for item in send(url, "GET", f"/api/records/{rid}/reviews").json()["items"]]


def test_api_write_without_a_token_is_401_when_required(serve_app, db, world):
    url = serve_app(create_app(db, require_token=True))
    rid = _rid(world)
    bare = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "wrong", "reviewer": "ana"})
    forged = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "wrong"},
                  headers={"Authorization": "Bearer not-a-token"})
    assert (bare.status, bare.headers.get("www-authenticate"), forged.status, _history(url, rid)) == (
        401, "Bearer", 401, [])


def test_api_review_is_recorded_under_the_tokens_name(serve_app, db, world):
    url = serve_app(create_app(db, require_token=True))
    rid = _rid(world)
    token = issue_token(db, "ana")
    reply = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "right"},
                 headers={"Authorization": f"Bearer {token}"})
    spoof = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "wrong", "reviewer": "the minister"},
                 headers={"Authorization": f"Bearer {token}"})
    assert (reply.status, reply.json()["review"]["reviewer"], spoof.status, _history(url, rid)) == (
        201, "ana", 400, ["ana"])


def test_api_reissued_token_replaces_the_old_one(serve_app, db, world):
    url = serve_app(create_app(db, require_token=True))
    old = issue_token(db, "ana")
    issue_token(db, "ana")
    reply = send(url, "POST", f"/api/records/{_rid(world)}/review", {"verdict": "right"},
                 headers={"Authorization": f"Bearer {old}"})
    assert reply.status == 401


def test_api_loopback_write_without_token_is_the_owners(serve_app, db, world):
    ensure_first_token(db, "owner-name")
    url = serve_app(create_app(db))
    reply = send(url, "POST", f"/api/records/{_rid(world)}/review", {"verdict": "right"})
    assert (reply.status, reply.json()["review"]["reviewer"]) == (201, "owner-name")


def test_api_whoami_tells_the_dashboard_what_to_ask(serve_app, db, world):
    url = serve_app(create_app(db, require_token=True))
    token = issue_token(db, "ana")
    anonymous = send(url, "GET", "/api/whoami").json()
    known = send(url, "GET", "/api/whoami", headers={"Authorization": f"Bearer {token}"}).json()
    unknown = send(url, "GET", "/api/whoami", headers={"Authorization": "Bearer nope"}).status
    assert (anonymous, known, unknown) == ({"token_required": True, "reviewer": None},
                                           {"token_required": True, "reviewer": "ana"}, 401)


def test_token_file_is_beside_the_database_mode_0600_and_holds_no_token(db):
    token = ensure_first_token(db, "me")
    again = ensure_first_token(db, "me")
    path = tokens_path(db)
    text = path.read_text(encoding="utf-8")
    assert (path.parent, stat.S_IMODE(path.stat().st_mode), token is not None and token in text, again,
            json.loads(text)["tokens"][0]["name"]) == (db.parent, 0o600, False, None, "me")


def test_cli_serve_add_token_prints_a_working_token(serve_app, db, world):
    result = CliRunner().invoke(app, ["serve", "--add-token", "ben", "--db", str(db)])
    url = serve_app(create_app(db, require_token=True))
    reply = send(url, "POST", f"/api/records/{_rid(world)}/review", {"verdict": "right"},
                 headers={"Authorization": f"Bearer {result.stdout.strip()}"})
    assert (result.exit_code, reply.status, reply.json()["review"]["reviewer"]) == (0, 201, "ben")


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True),
                                                ("localhost", True), ("0.0.0.0", False), ("::", False),
                                                ("192.168.1.5", False), ("myhost.lan", False)])
def test_cli_serve_requires_a_token_off_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_cli_serve_answers_to_the_bound_address_and_allowed_names():
    names = allowed_hosts("192.168.1.5", ["armstrace.lan"])
    assert {"127.0.0.1", "localhost", "::1", "192.168.1.5", "armstrace.lan"} <= set(names)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(db, *args: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "armstrace", "serve", "--db", str(db), "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if send(url, "GET", "/api/health").status == 200:
                break
        except OSError:
            time.sleep(0.1)
    return proc, url


def _stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    return proc.communicate(timeout=10)[1]


@pytest.mark.slow
def test_cli_serve_prints_the_first_token_once_and_require_token_enforces_it(db, world):
    proc, url = _serve(db, "--require-token", "--token-name", "ana")
    try:
        rid = _rid(world)
        refused = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "right"}).status
    finally:
        first = _stop(proc)
    token = first.split("kept in", 1)[1].split(": ", 1)[1].split()[0]
    proc, url = _serve(db, "--require-token")
    try:
        accepted = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "right"},
                        headers={"Authorization": f"Bearer {token}"})
    finally:
        second = _stop(proc)
    assert (refused, accepted.status, accepted.json()["review"]["reviewer"], "write token" in second) == (
        401, 201, "ana", False)


def test_cli_serve_on_every_interface_refuses_writes_without_a_token(serve_app, db, world, monkeypatch):
    # The app `armstrace serve --host 0.0.0.0` builds, served here on 127.0.0.1 (tests bind loopback only).
    import uvicorn

    built = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: built.update(app=app, **kwargs))
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8999"])
    url = serve_app(built["app"])
    rid = _rid(world)
    reply = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "wrong"})
    assert (result.exit_code, built["host"], reply.status, _history(url, rid)) == (0, "0.0.0.0", 401, [])


@pytest.mark.parametrize("alias", ["*", "armstrace.example.org"])
def test_cli_serve_answering_to_another_name_refuses_writes_without_a_token(serve_app, db, world, monkeypatch, alias):
    # On loopback, but answering to '*' or a proxy's name: a rebinding page or anyone behind the proxy
    # reaches it, so a write without a token is refused and nothing is recorded.
    import uvicorn

    built = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: built.update(app=app, **kwargs))
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", "8999", "--allow-host", alias])
    url = serve_app(built["app"])
    rid = _rid(world)
    headers = {"Host": "rebound.example.org:8999", "Origin": "http://rebound.example.org:8999"} if alias == "*" \
        else {"Host": "armstrace.example.org"}
    reply = send(url, "POST", f"/api/records/{rid}/review", {"verdict": "wrong"}, headers)
    assert (result.exit_code, reply.status, _history(url, rid)) == (0, 401, [])
