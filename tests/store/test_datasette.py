"""datasette over an armstrace database: the views, the full-text search and the shipped metadata answer over HTTP."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from armstrace.analysis import ensure_events
from armstrace.store import Store
from armstrace.store.datasette import METADATA_PATH

pytestmark = [pytest.mark.issue(14), pytest.mark.slow]
pytest.importorskip("datasette")

METADATA = METADATA_PATH


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def datasette(world, db: Path):
    """`datasette serve` on the world database (named armstrace.db, as metadata.json expects) on a free port."""
    with Store(db) as store:
        ensure_events(store)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(METADATA),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def test_datasette_answers_the_record_rows_view(datasette):
    rows = _get(datasette + "/armstrace/record_rows.json?_shape=array&doc_id=kyiv-report")
    assert [(r["actor_name"], r["recipient_name"], r["claimant_name"], r["title"], r["stance"]) for r in rows] == [
        ("Iran", "Russia", "Ukraine", "Kyiv says drones came by sea", "hedged")]


def test_datasette_answers_event_rows_and_claim_network(datasette):
    events = _get(datasette + "/armstrace/event_rows.json?_shape=array&type=transfer")
    edges = _get(datasette + "/armstrace/claim_network.json?_shape=array&type=use")
    assert ([(e["actor_name"], e["n_claims"]) for e in events], [(e["recipient_name"], e["n_records"]) for e in edges]) \
        == ([("Iran", 3)], [("Ukraine", 1)])


def test_datasette_full_text_search(datasette):
    docs = _get(datasette + "/armstrace/documents_fts.json?_shape=array&_search=ship")
    evidence = _get(datasette + "/armstrace/records_fts.json?_shape=array&_search=" + "sanctioned%20Iranian")
    hostile = _get(datasette + "/armstrace/records_fts.json?_shape=array&_search=" + "%22NEAR(%2A")
    assert ([d["doc_id"] for d in docs], [e["doc_id"] for e in evidence], hostile) == (
        ["kyiv-report"], ["eu-sanctions"], [])


def test_datasette_searches_the_documents_and_records_tables(datasette):
    """metadata.json ties each table to its index (the FTS rowid is the table's rowid, by the triggers)."""
    docs = _get(datasette + "/armstrace/documents.json?_shape=array&_search=ship")
    records = _get(datasette + "/armstrace/records.json?_shape=array&_search=sanctioned")
    assert ([d["doc_id"] for d in docs], [(r["actor"], r["type"]) for r in records]) == (
        ["kyiv-report"], [("eu", "sanction")])


def test_datasette_shows_the_shipped_descriptions(datasette):
    metadata = _get(datasette + "/-/metadata.json")
    tables = metadata["databases"]["armstrace"]["tables"]
    assert {"record_rows", "event_rows", "claim_network", "documents_fts", "records_fts"} <= set(tables)
    assert all(tables[name].get("description") for name in ("record_rows", "event_rows", "claim_network"))


def test_metadata_describes_every_view_column(db, world):
    """Each column of each view has a description (a view changed without its metadata fails here)."""
    tables = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["armstrace"]["tables"]
    with Store(db) as store:
        for view in ("record_rows", "event_rows", "claim_network", "records", "documents", "names"):
            columns = [row[1] for row in store._query(f"PRAGMA table_info({view})")]
            assert set(tables[view]["columns"]) == set(columns), view


def test_metadata_keyed_for_another_file_name(tmp_path):
    out = subprocess.run([sys.executable, "-m", "armstrace.store.datasette", str(tmp_path / "events.db")],
                         capture_output=True, text=True, check=False)
    written = json.loads(out.stdout)
    assert (out.returncode, list(written["databases"])) == (0, ["events"])
    assert written["databases"]["events"] == json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["armstrace"]
