"""GET /api/download: the filtered records as the export modules write them; /api/events?sort=."""
from __future__ import annotations

import csv
import io
import urllib.request

import pyarrow.parquet as pq
import pytest

pytestmark = pytest.mark.issue(13)


def _fetch(url: str) -> tuple[str, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return (response.headers["Content-Type"], response.headers["Content-Disposition"], response.read())


def test_api_download_csv_has_the_rows_of_the_same_filter(api_server, world):
    kind, disposition, body = _fetch(f"{api_server.url}/api/download?actor=IRN&stance=denied&format=csv")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    _, api = api_server.get("/api/records", actor="IRN", stance="denied")
    assert (kind.startswith("text/csv"), "attachment" in disposition,
            [(r["id"], r["actor_name"], r["stance"]) for r in rows]) == (
        True, True, [(item["id"], "Iran", "denied") for item in api["items"]])


def test_api_download_parquet_reads_back(api_server, world, tmp_path):
    _, _, body = _fetch(f"{api_server.url}/api/download?type=transfer&format=parquet")
    (tmp_path / "x.parquet").write_bytes(body)
    table = pq.read_table(tmp_path / "x.parquet")
    _, api = api_server.get("/api/records", type="transfer")
    assert sorted(table.column("id").to_pylist()) == sorted(item["id"] for item in api["items"])


def test_api_download_refuses_an_unknown_format(api_server, world):
    status, body = api_server.get("/api/download", format="xlsx")
    assert (status, body["status"]) == (422, 422)


def test_api_events_sort_by_independent_sources_and_contradictions(api_server, world):
    _, by_sources = api_server.get("/api/events", sort="independent")
    _, by_contradiction = api_server.get("/api/events", sort="contradictions")
    _, by_last = api_server.get("/api/events", sort="last_reported")
    sources = [e["n_independent"] for e in by_sources["items"]]
    assert (sources == sorted(sources, reverse=True), len(set(sources)) > 1,
            by_contradiction["items"][0]["denying"] != [] and by_contradiction["items"][0]["asserting"] != [],
            by_last["items"][0]["last_reported"]) == (True, True, True, "2023-06-01")
