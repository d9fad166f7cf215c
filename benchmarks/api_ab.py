"""Two checkouts of armstrace serving their own copy of one database, timed over real HTTP, interleaved.

    python benchmarks/api_ab.py --a /work/main/src:/tmp/before.db --b src:/tmp/after.db [--requests 40]

Each side is `armstrace serve` in its own process, with PYTHONPATH set to that
side's `src`; requests alternate A B A B on every route (after one warm-up
request each), so the two sides share whatever else the machine is doing.
Prints p50 and p95 per route and side, and the ratio of the p50s. For a
before/after of a change that migrates the database, give each side its
own copy (the new code migrates its copy when it opens it).
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROUTES = ["/api/network", "/api/network?top=20", "/api/events?limit=50", "/api/timeline", "/api/records?limit=50"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(src: str, db: str) -> tuple[subprocess.Popen[bytes], str]:
    """`armstrace serve` over `db` with `src` first on the path; (process, base URL) once it answers."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    proc = subprocess.Popen([sys.executable, "-m", "armstrace", "serve", "--db", db, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600   # the first open of an older database migrates it
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/api/health", timeout=5).read()
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"armstrace serve over {db} exited with {proc.returncode}") from None
            time.sleep(0.2)
    raise RuntimeError(f"armstrace serve over {db} did not answer")


def get_ms(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", required=True, help="SRC:DB of side A (e.g. the code before a change)")
    ap.add_argument("--b", required=True, help="SRC:DB of side B")
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--routes", default=",".join(ROUTES))
    args = ap.parse_args()
    sides = {"A": args.a.split(":", 1), "B": args.b.split(":", 1)}
    procs, urls = [], {}
    try:
        for name, (src, db) in sides.items():
            proc, urls[name] = serve(src, db)
            procs.append(proc)
        print(f"A = {args.a}\nB = {args.b}\n{args.requests} requests per route and side, interleaved A B")
        print(f"{'route':28} {'A p50':>9} {'A p95':>9} {'B p50':>9} {'B p95':>9} {'B/A p50':>8}")
        for route in args.routes.split(","):
            samples: dict[str, list[float]] = {"A": [], "B": []}
            for name in samples:
                get_ms(urls[name] + route)   # warm-up
            for _ in range(args.requests):
                for name in samples:
                    samples[name].append(get_ms(urls[name] + route))
            a50, b50 = statistics.median(samples["A"]), statistics.median(samples["B"])
            print(f"{route:28} {a50:9.1f} {percentile(samples['A'], 0.95):9.1f} {b50:9.1f} "
                  f"{percentile(samples['B'], 0.95):9.1f} {b50 / a50:8.2f}", flush=True)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
