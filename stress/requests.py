"""1,000 bounded requests to a real `armstrace serve` on 127.0.0.1 while `armstrace ingest` writes the same file.

    python stress/requests.py [--quick] [--requests N] [--clients C] [--timeout S]

Starts `armstrace serve` on a free port of 127.0.0.1, then `armstrace ingest`
of the corpus (the demo pages and the multi-document fixtures) into the same
database, again with --force whenever one finishes, so that every request
meets a writer. C clients send N GET requests between them across the API
(lists, one record, one document, one event, network, timeline, contradictions,
regimes, health), each with a timeout of S seconds. A probe fails on any 5xx,
any timeout or refused connection, a reader locked out by the writer, any
answer but 200 (every URL asked for exists), or an ingest that exits with an
error. Prints p50/p95 per kind of request and a summary; exits 1 if any probe
fails. --quick: 300 requests.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "demo", ROOT / "tests" / "articles" / "multi"]
LISTS = ("/api/health", "/api/records?limit=50", "/api/records?actor=IRN&limit=20", "/api/documents?limit=50",
         "/api/events", "/api/events?actor=IRN", "/api/network", "/api/timeline", "/api/weapons",
         "/api/contradictions", "/api/regimes", "/api/meta")


@dataclass
class Tally:
    """Every answer by kind of request; failures named."""

    seconds: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    during_ingest: int = 0
    near_commit: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, problem: str | None, writing: bool, near_commit: bool) -> None:
        with self.lock:
            self.seconds.setdefault(kind, []).append(seconds)
            self.during_ingest += writing
            self.near_commit += near_commit
            if problem:
                self.failures.append(f"{kind}: {problem}")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float) -> tuple[int | None, bytes, str | None]:
    """(status, body, problem); a 4xx is an answer, not a problem."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read(), None
    except urllib.error.HTTPError as exc:
        body = exc.read()
        return exc.code, body, (f"{exc.code} {body[:120]!r}" if exc.code >= 500 else None)
    except (TimeoutError, OSError) as exc:
        return None, b"", f"{type(exc).__name__}: {exc}"


def _serve(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([sys.executable, "-m", "armstrace", "serve", "--db", str(db), "--port", str(port)],
                              env=_env(), stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"armstrace serve exited {server.returncode}: {log.read_text()[-500:]}")
        if _get(f"http://127.0.0.1:{port}/api/health", 2)[0] == 200:
            return server
        time.sleep(0.2)
    server.kill()
    raise RuntimeError("armstrace serve did not answer within 60 s")


class Commits(threading.Thread):
    """Times at which another connection committed to the file (`PRAGMA data_version` changes), polled every 10 ms."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.times: list[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        import sqlite3

        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, isolation_level=None)
        last = None
        while not self.stop.is_set():
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if last is not None and version != last:
                self.times.append(time.perf_counter())
            last = version
            time.sleep(0.01)
        conn.close()

    def near(self, start: float, end: float, margin: float = 0.25) -> bool:
        """True when a commit landed within `margin` seconds of [start, end]."""
        return any(start - margin <= t <= end + margin for t in self.times[-200:])


class Writer(threading.Thread):
    """`armstrace ingest` over and over (--force after the first) until told to stop; records exit codes."""

    def __init__(self, corpus: Path, db: Path) -> None:
        super().__init__(daemon=True)
        self.corpus, self.db = corpus, db
        self.stop = threading.Event()
        self.writing = threading.Event()
        self.codes: list[int] = []
        self.errors: list[str] = []

    def run(self) -> None:
        force: list[str] = []
        while not self.stop.is_set():
            self.writing.set()
            done = subprocess.run([sys.executable, "-m", "armstrace", "ingest", str(self.corpus), "--db", str(self.db),
                                   *force], check=False, env=_env(), capture_output=True, timeout=600)
            self.writing.clear()
            self.codes.append(done.returncode)
            if done.returncode != 0:
                self.errors.append(done.stderr.decode("utf-8", "replace").strip()[-300:])
            force = ["--force"]


def _targets(base: str, timeout: float) -> list[tuple[str, str]]:
    """(kind, URL) of the lists plus one record, one document and one event as stored now."""
    targets = [(path.split("?")[0] + ("?…" if "?" in path else ""), base + path) for path in LISTS]
    for kind, path, key in (("/api/records/{id}", "/api/records?limit=20", "id"),
                            ("/api/documents/{id}", "/api/documents?limit=20", "doc_id"),
                            ("/api/events/{id}", "/api/events?limit=20", "event_id")):
        status, body, _ = _get(base + path, timeout)
        items = json.loads(body).get("items", []) if status == 200 else []
        for item in items[:5]:
            targets.append((kind, f"{base}{kind.split('{')[0]}{item[key]}"))
    return targets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="300 requests")
    parser.add_argument("--requests", type=int, default=None, help="requests in all (default 1,000)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds each request may take")
    parser.add_argument("--spread", type=float, default=20.0, help="seconds to spread the requests over")
    args = parser.parse_args()
    n_requests = args.requests or (300 if args.quick else 1000)
    rng = random.Random(11)
    tally = Tally()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        for path in sorted(p for root in CORPUS for p in root.rglob("*") if p.is_file()):
            (corpus / path.name).write_bytes(path.read_bytes())
        db, port = work / "live.db", _free_port()
        server = _serve(db, port, work / "serve.log")
        base = f"http://127.0.0.1:{port}"
        writer, commits = Writer(corpus, db), Commits(db)
        pause = args.spread * args.clients / n_requests
        try:
            writer.start()
            commits.start()
            while not writer.codes and not tally.seconds.get("/api/events/{id}"):
                targets = _targets(base, args.timeout)   # refreshed until the first ingest stored events
                if any(kind == "/api/events/{id}" for kind, _ in targets):
                    break
                time.sleep(0.5)
            targets = _targets(base, args.timeout)

            def probe(_: int) -> None:
                kind, url = rng.choice(targets)
                writing = writer.writing.is_set()
                t0 = time.perf_counter()
                status, body, problem = _get(url, args.timeout)
                if problem is None and status != 200:
                    # Every target exists: records and events keep their ids across --force (one
                    # transaction per document, one per clustering), so anything but 200 is a fault.
                    locked = "a reader was locked out" if b"locked" in body.lower() else "unexpected status"
                    problem = f"{status} ({locked}): {body[:120]!r}"
                t1 = time.perf_counter()
                tally.add(kind, t1 - t0, problem, writing, commits.near(t0, t1))
                time.sleep(rng.uniform(0, 2 * pause))   # spread the requests over the ingest's phases

            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                list(pool.map(probe, range(n_requests)))
        finally:
            writer.stop.set()
            commits.stop.set()
            writer.join(timeout=600)
            server.terminate()
            server.wait(timeout=30)
    for kind, seconds in sorted(tally.seconds.items()):
        ordered = sorted(seconds)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        print(f"{kind:22} {len(seconds):4d} requests  p50 {statistics.median(ordered) * 1000:7.1f} ms  "
              f"p95 {p95 * 1000:7.1f} ms")
    every = sorted(s for seconds in tally.seconds.values() for s in seconds)
    p95 = every[max(0, round(0.95 * len(every)) - 1)]
    failures = tally.failures + [f"ingest exit {code}: {err}" for code, err in zip(
        [c for c in writer.codes if c != 0], writer.errors, strict=False)]
    for failure in failures[:20]:
        print(f"FAILED {failure}")
    print(f"requests: {len(every)} served, {tally.during_ingest} while an ingest process ran, "
          f"{tally.near_commit} within 0.25 s of one of its {len(commits.times)} commits "
          f"({len(writer.codes)} ingests, exit codes {sorted(set(writer.codes))}); p50 "
          f"{statistics.median(every) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; failures {len(failures)} "
          f"(5xx, timeouts over {args.timeout:g} s, locked-out readers, non-200); {time.perf_counter() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
