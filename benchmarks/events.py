"""Events that scale: listing and opening events against the size of the largest event.

    python benchmarks/events.py [--docs 2000] [--requests 60] [--cli 5] [--quick]

Builds two real SQLite databases of synthetic records (no model needed): a
baseline where the largest event has 20 documents, and a big one where one
event (transfer IRN->RUS uav) holds `--docs` documents, a tenth of them
syndicated copies and a twentieth denials, beside 300 small events. Then, in
the same run and on the same machine, it serves each over real HTTP on
127.0.0.1 and prints p50/p95 of

- GET /api/events (first page of 50),
- GET /api/events/{id} of the largest event (first page of its claims),
- `armstrace events` (a CLI process, start-up included; `armstrace --help`
  gives the start-up alone),

for the baseline and the big database, plus the time to cluster the big one.
Targets (issue 11): p95 under 100 ms for /api/events and under 200 ms for an
event of 2,000 documents. Exits 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from armstrace.analysis import update_events  # noqa: E402
from armstrace.records import Article, Record  # noqa: E402
from armstrace.store import Store  # noqa: E402

WORDS = ("drone", "shipment", "port", "cargo", "official", "ministry", "report", "border", "convoy", "factory",
         "engine", "airframe", "launch", "battery", "warehouse", "contract", "payment", "delivery", "intelligence",
         "satellite", "image", "route", "flight", "crew")
CLAIMANTS = ("USA", "UKR", "GBR", "FRA", "DEU", "POL")
PARTIES = ("IRN", "RUS", "PRK", "CHN", "TUR", "BLR", "SYR", "YEM", "SDN", "ETH")


def _claim(doc_id: str, text: str, evidence: str, **fields: object) -> Record:
    start = text.index(evidence)
    values: dict[str, object] = {"type": "transfer", "actor": "IRN", "recipient": "RUS", "weapon_class": "uav",
                                 "claimant": "USA", "stance": "asserted"}
    values.update(fields)
    return Record(doc_id=doc_id, evidence=evidence, evidence_start=start, evidence_end=start + len(evidence),
                  **values)  # type: ignore[arg-type]


def _filler(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def _big_event_docs(n_docs: int, rng: random.Random) -> Iterator[tuple[Article, list[Record]]]:
    """`n_docs` reports of one delivery; every 10th copies the one before, every 20th is a denial."""
    previous = ""
    for i in range(n_docs):
        day = f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}"
        if i % 10 == 9 and previous:
            text = "Wire copy. " + previous
        else:
            text = (f"Report {i}: Iran supplied Shahed-136 drones to Russia in 2022, source {i} said. "
                    + _filler(rng, 120))
        evidence = text[text.index("Report"):text.index(" said.") + 6]
        stance, claimant = ("denied", "IRN") if i % 20 == 0 else ("asserted", CLAIMANTS[i % len(CLAIMANTS)])
        claims = [_claim(f"big-{i:05d}", text, evidence, weapons=["shahed-136"], time="2022", time_precision="year",
                         stance=stance, claimant=claimant)]
        previous = text
        yield Article(doc_id=f"big-{i:05d}", text=text, published=day), claims


def _small_event_docs(n_events: int, rng: random.Random) -> Iterator[tuple[Article, list[Record]]]:
    """`n_events` distinct small events of two documents each."""
    for i in range(n_events):
        actor, recipient = PARTIES[i % len(PARTIES)], PARTIES[(i // len(PARTIES) + i + 1) % len(PARTIES)]
        when = f"{2000 + i % 24}-{1 + (i // 24) % 12:02d}"
        for j in range(2):
            text = f"Small {i}-{j}: {actor} sent arms to {recipient} in {when}, said observers. " + _filler(rng, 40)
            evidence = text[:text.index("observers.") + 10]
            yield (Article(doc_id=f"small-{i:04d}-{j}", text=text, published=f"{2023 + i % 2}-12-0{1 + j}"),
                   [_claim(f"small-{i:04d}-{j}", text, evidence, actor=actor, recipient=recipient,
                           weapon_class="artillery", time=when, time_precision="month", claimant=CLAIMANTS[j])])


def build(db: Path, n_docs: int, n_small: int) -> float:
    """Fill `db`; returns the seconds `update_events` took to cluster it all (as one ingest run)."""
    rng = random.Random(11)
    with Store(db) as store:
        for source in (_big_event_docs(n_docs, rng), _small_event_docs(n_small, rng)):
            for article, records in source:
                store.save_document(article, records)
        started = time.perf_counter()
        update_events(store)
        return time.perf_counter() - started


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """uvicorn over `db` in a thread, on a free port of 127.0.0.1; yields the base URL."""
    import uvicorn

    from armstrace.api import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start within 20 s")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _get(url: str) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read()
    return time.perf_counter() - started, response.status, body


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """(p50, p95) in milliseconds."""
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure_api(db: Path, n: int) -> dict[str, tuple[float, float, int]]:
    """p50, p95 (ms) and bytes of the list and of the largest event's first page."""
    with Store(db, readonly=True) as store:
        largest = store._query("SELECT event_id FROM events ORDER BY n_claims DESC, event_id LIMIT 1")[0][0]
    with serve(db) as url:
        result = {}
        for name, path in (("/api/events", "/api/events"), ("/api/events/{id}", f"/api/events/{largest}")):
            _get(url + path)   # warm up
            timings, size = [], 0
            for _ in range(n):
                seconds, status, body = _get(url + path)
                assert status == 200, (path, status)
                timings.append(seconds)
                size = len(body)
            result[name] = (*percentiles(timings), size)
    return result


def measure_cli(args: list[str], n: int) -> tuple[float, float]:
    """p50, p95 (ms) of `armstrace ARGS` as a process, start-up included."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    timings = []
    for _ in range(n):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "armstrace", *args], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        timings.append(time.perf_counter() - started)
    return percentiles(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="documents in the largest event")
    parser.add_argument("--requests", type=int, default=60, help="requests per endpoint")
    parser.add_argument("--cli", type=int, default=5, help="CLI runs per database")
    parser.add_argument("--quick", action="store_true", help="20 requests and 2 CLI runs")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.cli = 20, 2
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for label, n_docs in (("baseline", 20), ("big", args.docs)):
            db = Path(tmp) / f"{label}.db"
            cluster = build(db, n_docs, 300)
            print(f"{label}: largest event {n_docs} documents, 300 small events; clustered in {cluster:.2f} s")
            for name, (p50, p95, size) in measure_api(db, args.requests).items():
                target = 100 if name == "/api/events" else 200
                miss = label == "big" and p95 > target
                failed |= miss
                print(f"  {name:18} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {size / 1000:7.1f} kB"
                      + (f"  OVER the {target} ms target" if miss else ""))
            p50, p95 = measure_cli(["events", "--db", str(db)], args.cli)
            print(f"  {'armstrace events':18} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  (process start-up included)")
        p50, p95 = measure_cli(["--help"], args.cli)
        print(f"start-up alone: {'armstrace --help':18} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    print("targets: p95 /api/events < 100 ms, /api/events/{id} < 200 ms: " + ("MISSED" if failed else "met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
