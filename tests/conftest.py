"""Shared fixtures: the real spaCy pipeline (once per session), temp databases, paths."""
from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline: the configured spaCy model plus armstrace's components."""
    from armstrace.nlp import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A path for a fresh SQLite database file in a temporary folder."""
    return tmp_path / "armstrace.db"


@pytest.fixture(scope="session")
def dev_docs() -> Path:
    """The real dev pages (CI has ../shared)."""
    if not DEV_DOCS.is_dir():
        pytest.fail(f"{DEV_DOCS} is missing: the tests need ../shared/eval/dev/docs beside the checkout")
    return DEV_DOCS


# -- the API over real HTTP ----------------------------------------------------


class LiveServer:
    """A running armstrace API: its base `url`, its `db` file and its FastAPI `app`."""

    def __init__(self, url: str, db: Path, app) -> None:
        self.url = url
        self.db = db
        self.app = app

    def request(self, method: str, path: str, body: object = None, **params: object):
        """(status, decoded JSON body) of one real HTTP request; `params` become the query string."""
        import json
        import urllib.error
        import urllib.parse
        import urllib.request

        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.url + path + (f"?{query}" if query else ""), data=data, method=method,
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def get(self, path: str, **params: object):
        """GET `path`; see `request`."""
        return self.request("GET", path, **params)

    def post(self, path: str, body: object):
        """POST a JSON body to `path`; see `request`."""
        return self.request("POST", path, body)


@pytest.fixture
def api_server(db: Path):
    """uvicorn serving `armstrace.api.create_app(db)` in a thread, on a free port of 127.0.0.1."""
    import socket
    import threading
    import time

    import uvicorn

    from armstrace.api import create_app

    app = create_app(db)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))  # port 0: the OS picks a free port, and we hold it (no race)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start within 10 s")
        time.sleep(0.01)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", db, app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


# -- a small hand-built world: Iran arms Russia, Russia strikes Ukraine ---------

WORLD = {
    "iran-russia": (
        "2023-05-10",
        "Iran drones for Moscow",
        ("Iran has sent Shahed-136 drones to Russia, US officials said. Tehran denied it.\n"
         "Russia launched the drones at Kyiv on Monday, the city's mayor said."),
        [
            {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav",
             "weapons": ["shahed-136"], "claimant": "USA", "speaker": "US officials", "stance": "asserted",
             "evidence": "Iran has sent Shahed-136 drones to Russia, US officials said."},
            {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav",
             "claimant": "IRN", "speaker": "Tehran", "stance": "denied", "evidence": "Tehran denied it."},
            {"type": "use", "actor": "RUS", "recipient": "UKR", "weapon_class": "uav", "weapons": ["shahed-136"],
             "claimant": "author", "speaker": "the city's mayor", "stance": "asserted", "place": "Kyiv",
             "location": "UKR", "time": "2023-05-08", "time_precision": "day",
             "evidence": "Russia launched the drones at Kyiv on Monday, the city's mayor said."},
        ],
    ),
    "kyiv-report": (
        "2023-06-01",
        "Kyiv says drones came by sea",
        "Ukraine's intelligence said Iranian drones may have reached Russia by ship.",
        [
            {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav", "claimant": "UKR",
             "speaker": "Ukraine's intelligence", "stance": "hedged",
             "evidence": "Ukraine's intelligence said Iranian drones may have reached Russia by ship."},
        ],
    ),
    "eu-sanctions": (
        "2022-12-12",
        "EU sanctions drone makers",
        "The EU sanctioned Iranian drone makers on Monday.",
        [
            {"type": "sanction", "actor": "eu", "recipient": "IRN", "weapon_class": "uav", "claimant": "author",
             "stance": "asserted", "evidence": "The EU sanctioned Iranian drone makers on Monday."},
        ],
    ),
}


def world_records(doc_id: str):
    """The Article and Records of one WORLD document, evidence offsets found in its text."""
    from armstrace.records import Article, Record

    published, title, text, specs = WORLD[doc_id]
    article = Article(doc_id=doc_id, text=text, title=title, published=published)
    records = []
    for spec in specs:
        start = text.index(spec["evidence"])
        records.append(Record(doc_id=doc_id, evidence_start=start, evidence_end=start + len(spec["evidence"]),
                              published=published, rules=["trigger/test/hand-built"],
                              gazetteer_ids=[f"state/{spec['actor']}"], confidence=0.7,
                              extractor_version="test/1", data_version="test/1", **spec))
    return article, records


@pytest.fixture
def world(db: Path) -> dict:
    """WORLD saved into the `db` file through Store; returns {doc_id: [record, ...]}."""
    from armstrace.store import Store

    saved = {}
    with Store(db) as store:
        for doc_id in WORLD:
            article, records = world_records(doc_id)
            store.save_document(article, records)
            saved[doc_id] = records
    return saved


@pytest.fixture
def world_document():
    """world_records as a fixture: (Article, [Record]) of one WORLD document, for re-saving."""
    return world_records


@pytest.fixture
def serve_app():
    """serve_app(app) -> base URL: uvicorn serving any app on a free port of 127.0.0.1, stopped after the test."""
    import socket
    import threading
    import time

    import uvicorn

    running: list[tuple[uvicorn.Server, threading.Thread, socket.socket]] = []

    def start(app) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        running.append((server, thread, sock))
        deadline = time.monotonic() + 10
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the API server did not start within 10 s")
            time.sleep(0.01)
        return f"http://127.0.0.1:{sock.getsockname()[1]}"

    yield start
    for server, thread, sock in running:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


# -- files that cannot be read, even when the tests run as root ------------------

# root reads anything: without these two capabilities it obeys file permissions like any user.
_NO_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
           "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def unprivileged():
    """run(argv, **subprocess_kwargs): a subprocess that cannot read a `chmod 000` file or folder.

    As root, the capabilities that bypass permissions are dropped (setpriv); as
    another user nothing needs dropping.
    """
    import os
    import shutil
    import subprocess

    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        prefix = _NO_DAC

    def run(argv: list[str], **kwargs):
        kwargs.setdefault("capture_output", True)
        kwargs.setdefault("text", True)
        kwargs.setdefault("timeout", 120)
        return subprocess.run(prefix + argv, check=False, **kwargs)

    return run
