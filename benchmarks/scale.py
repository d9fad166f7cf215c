"""Scale: ingest, clustering, re-ingest, API latency and exports at 1k and 10k articles, in one run.

    python benchmarks/scale.py                 # 1,000 and 10,000 articles (make bench)
    python benchmarks/scale.py --100k          # and 100,000 (opt in: hours on 2 cores)
    python benchmarks/scale.py --quick         # 100 and 1,000 articles, CI-sized
    python benchmarks/scale.py --sizes 1000,10000,50000 --workdir DIR   # any sizes; DIR keeps the ingests

The corpus is `benchmarks/corpus.py`'s (deterministic from --seed). One
database grows through the sizes: the first size is ingested, copied aside,
then the next size's new articles are ingested on top (as a monitor adds a
day's news), so each ingest figure is measured on the articles it adds.
Per size: articles/hour of ingest (model load included, the run is long),
database size, clustering time per 1,000 new records (`update_events`, timed
inside the ingest), re-ingest of the unchanged corpus (nothing parsed) and
its speed-up over the first ingest, API p50/p95 over real HTTP (records,
network, events, timeline, the largest event's page) and the time of each
export. Re-ingest, API and exports are measured with every size's database
side by side, interleaved (A B A B ...), so the growth from one size to the
next is a median over pairs with its spread, not two runs minutes apart.
Growth is printed per figure with its exponent (1.0 = linear in the corpus);
anything worse than linear is flagged.

The clustering figure of the growing ingest is an average over each step's
new articles. What a monitor's daily run pays is the cost of clustering a
batch added to a store of a given size: `clustering` adds the same 1,000 new
articles (the ones after the largest size) to a copy of each size's database
and times `update_events`; ideally it does not grow with the store at all.
"""
from __future__ import annotations

import argparse
import itertools
import math
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # benchmarks/ is not a package: its modules import by name
from serving import Servers

ROUTES = {"records": "/api/records?limit=50", "network": "/api/network", "network top=20": "/api/network?top=20",
          "events": "/api/events?limit=50", "timeline": "/api/timeline", "event page": None}
EXPORTS = [("records", "csv"), ("records", "jsonl"), ("records", "parquet"), ("records", "graphml"),
           ("records", "ftm"), ("events", "csv"), ("events", "parquet"), ("register", "csv")]
P95_TARGET_MS = 100.0
ADDED = 1_000   # articles added to each size's store for the clustering figure


def ingest(files: list[Path], db: Path) -> dict:
    """Ingest `files` into `db` with the local engine (every core), timing clustering apart."""
    from armstrace.analysis import update_events
    from armstrace.engines import driver
    from armstrace.engines.local import ingest_paths

    clustering = [0.0]

    def timed_update(store, doc_ids=None):   # the driver's own calls, timed: clustering is part of every ingest
        started = time.perf_counter()
        try:
            return update_events(store, doc_ids)
        finally:
            clustering[0] += time.perf_counter() - started

    driver.update_events = timed_update
    try:
        summary = ingest_paths(files, db=db)
    finally:
        driver.update_events = update_events
    if summary.skipped:
        print(f"  WARNING: {len(summary.skipped)} skipped, first: {summary.skipped[0]}", file=sys.stderr)
    return {"seconds": summary.seconds, "added": summary.added, "records": summary.records, "words": summary.words,
            "clustering": clustering[0], "unchanged": summary.unchanged}


def reingest_seconds(files: list[Path], db: Path) -> float:
    from armstrace.engines.local import ingest_paths

    summary = ingest_paths(files, db=db)
    assert summary.added == summary.replaced == 0, "re-ingest changed the database"
    return summary.seconds


def db_bytes(db: Path) -> int:
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def snapshot(db: Path, dest: Path) -> Path:
    """A consistent copy of `db` (SQLite's backup) at `dest`, replacing any file there; returns `dest`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    for old in dest.parent.glob(dest.name + "*"):
        old.unlink()
    with sqlite3.connect(db) as src, sqlite3.connect(dest) as out:
        src.backup(out)
    return dest


def upgrade(db: Path) -> None:
    """A writable open, which migrates a database an older armstrace stored (read-only servers ask for it)."""
    from armstrace.store import Store

    Store(db).close()


def paired(measure: Callable[[str], float], sizes: list[str], pairs: int) -> dict[str, list[float]]:
    """`measure(size)` for every size in turn, `pairs` rounds (A B A B ...), after one warm-up round not kept."""
    for size in sizes:
        measure(size)
    out: dict[str, list[float]] = {size: [] for size in sizes}
    for _ in range(pairs):
        for size in sizes:
            out[size].append(measure(size))
    return out


def ratio_line(samples: dict[str, list[float]], small: str, big: str) -> tuple[float, float, float]:
    """Median and range of the per-pair ratios big / small."""
    ratios = [b / a for a, b in zip(samples[small], samples[big], strict=True) if a > 0]
    return statistics.median(ratios), min(ratios), max(ratios)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


class Report:
    """Rows of figure, value per size, growth and its exponent; worse than linear flagged."""

    def __init__(self, sizes: list[int]) -> None:
        self.sizes = sizes
        self.rows: list[tuple[str, list[str], str]] = []
        self.flags: list[str] = []
        self.targets: list[str] = []

    def add(self, name: str, values: list[float], fmt: str, *, cost: bool = True, paired_note: str = "") -> None:
        """A figure per size; `cost`: bigger is worse (time, bytes), else bigger is better (rates)."""
        notes = []
        for i in range(1, len(values)):
            size_growth = self.sizes[i] / self.sizes[i - 1]
            growth = values[i] / values[i - 1] if values[i - 1] else float("inf")
            worse = growth if cost else (1 / growth if growth else float("inf"))
            exponent = math.log(worse) / math.log(size_growth) if worse > 0 else 0.0
            flag = ""
            if exponent > 1.05:
                flag = " WORSE THAN LINEAR"
                self.flags.append(f"{name}: x{growth:.2f} for x{size_growth:.0f} articles")
            notes.append(f"x{growth:.2f} (exp {exponent:+.2f}){flag}")
        self.rows.append((name, [format(v, fmt) for v in values], "; ".join(notes) + paired_note))
        print(f"  {name}: {' | '.join(self.rows[-1][1])}  {self.rows[-1][2]}", file=sys.stderr, flush=True)

    def print(self) -> None:
        head = ["figure".ljust(38)] + [f"{s:>12,}" for s in self.sizes] + ["  growth per step"]
        print("".join(head))
        for name, values, note in self.rows:
            print(name.ljust(38) + "".join(v.rjust(12) for v in values) + "  " + note)
        if self.flags:
            print("FLAGGED: " + "; ".join(self.flags))
        for line in self.targets:
            print("target: " + line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--100k", dest="hundred_k", action="store_true", help="also 100,000 articles (hours)")
    ap.add_argument("--quick", action="store_true", help="100 and 1,000 articles, fewer rounds (CI)")
    ap.add_argument("--sizes", help="comma-separated corpus sizes instead (e.g. 1000,10000,50000): a step "
                    "between 10k and the hours of 100k")
    ap.add_argument("--pairs", type=int, default=5, help="interleaved rounds for re-ingest and exports (default 5)")
    ap.add_argument("--requests", type=int, default=40, help="requests per route and size for p50/p95 (default 40)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--workdir", type=Path, help="keep the corpus and databases here; a later run with the same "
                    "folder reuses the ingests done (to measure the API and exports again after a change)")
    ap.add_argument("--measure", default="clustering,reingest,api,exports",
                    help="which of clustering,reingest,api,exports to measure after the ingests (default all)")
    args = ap.parse_args()
    sizes = [100, 1_000] if args.quick else [1_000, 10_000] + ([100_000] if args.hundred_k else [])
    if args.sizes:
        sizes = sorted({int(size) for size in args.sizes.split(",")})
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        run(args.workdir, sizes, args)
        return 0
    with tempfile.TemporaryDirectory(prefix="armstrace-scale-") as tmp:
        run(Path(tmp), sizes, args)
    return 0


def run(tmp: Path, sizes: list[int], args: argparse.Namespace) -> None:
    corpus, db = tmp / f"corpus-{args.seed}", tmp / f"grow-{args.seed}" / "armstrace.db"
    db.parent.mkdir(exist_ok=True)
    report = Report(sizes)
    ingests, dbs, files_of = [], {}, {}
    done = 0
    for size in sizes:
        dbs[str(size)] = tmp / f"db-{args.seed}-{size}" / "armstrace.db"
        figures = dbs[str(size)].parent / "ingest.json"
        if figures.exists():   # --workdir: this size was ingested by an earlier run
            print(f"reusing the ingest of {size:,} articles in {figures.parent}", file=sys.stderr, flush=True)
            ingests.append(json.loads(figures.read_text()))
            upgrade(dbs[str(size)])
        else:
            new = write_corpus(corpus, size - done, seed=args.seed, start=done)
            print(f"ingesting articles {done:,}..{size - 1:,} ({len(new)} file(s))", file=sys.stderr, flush=True)
            ingests.append(ingest(new, db))
            dbs[str(size)].parent.mkdir(exist_ok=True)
            snapshot(db, dbs[str(size)])
            figures.write_text(json.dumps(ingests[-1]))
        done = size
        files_of[str(size)] = sorted(f for f in corpus.glob("articles-*.jsonl") if int(f.stem.split("-")[1]) < size)
    names = [str(s) for s in sizes]
    first_seconds = [sum(i["seconds"] for i in ingests[: k + 1]) for k in range(len(sizes))]
    report.add("ingest articles/hour (new articles)", [i["added"] / i["seconds"] * 3600 for i in ingests], ",.0f",
               cost=False)
    report.add("ingest words/s (new articles)", [i["words"] / i["seconds"] for i in ingests], ",.0f", cost=False)
    report.add("records stored (total)", [float(_count(dbs[n], "records")) for n in names], ",.0f")
    report.add("events (total)", [float(_count(dbs[n], "events")) for n in names], ",.0f")
    report.add("database size, MB", [db_bytes(dbs[n]) / 1e6 for n in names], ",.1f")
    report.add("clustering s per 1,000 new records",
               [i["clustering"] / max(1, i["records"]) * 1000 for i in ingests], ".2f")
    measure = set(args.measure.split(","))
    if "clustering" in measure:
        batch = write_corpus(tmp / f"batch-{args.seed}", ADDED, seed=args.seed, start=sizes[-1])
        added = {n: ingest(batch, snapshot(dbs[n], tmp / "added" / "armstrace.db")) for n in names}
        report.add(f"clustering s, +{ADDED:,} articles",
                   [added[n]["clustering"] for n in names], ".2f")
        report.add("  the same per 1,000 new records",
                   [added[n]["clustering"] / max(1, added[n]["records"]) * 1000 for n in names], ".2f")
    if "reingest" in measure:
        re_runs = paired(lambda n: reingest_seconds(files_of[n], dbs[n]), names, args.pairs)
        re_median = [statistics.median(re_runs[n]) for n in names]
        report.add("re-ingest unchanged corpus, s (median)", re_median, ".2f", paired_note=_pairs(re_runs, names))
        speed_up = [f / r for f, r in zip(first_seconds, re_median, strict=True)]
        report.add("re-ingest speed-up over first ingest", speed_up, ",.0f", cost=False)
        report.targets.append(f"re-ingest >= 50x faster than the first ingest at {sizes[-1]:,}: "
                              f"x{speed_up[-1]:,.0f} {'met' if speed_up[-1] >= 50 else 'MISSED'}")
    if "api" in measure:
        api_figures(report, dbs, names, args.requests)
    if "exports" in measure:
        for what, fmt in EXPORTS:
            runs = paired(lambda n, w=what, f=fmt: export_seconds(dbs[n], tmp, w, f), names, args.pairs)
            report.add(f"export {what} --format {fmt}, s", [statistics.median(runs[n]) for n in names], ".2f",
                       paired_note=_pairs(runs, names))
    print(f"scale benchmark: sizes {', '.join(f'{s:,}' for s in sizes)} articles (corpus seed {args.seed}); "
          f"{args.pairs} interleaved rounds; {args.requests} requests per route and size")
    report.print()


def _pairs(samples: dict[str, list[float]], names: list[str]) -> str:
    parts = []
    for small, big in itertools.pairwise(names):
        median, low, high = ratio_line(samples, small, big)
        parts.append(f"pairs {big}/{small}: median x{median:.2f} [{low:.2f}-{high:.2f}]")
    return "  (" + "; ".join(parts) + ")" if parts else ""


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def api_figures(report: Report, dbs: dict[str, Path], names: list[str], requests: int) -> None:
    """p50/p95 per route and size, requests interleaved between the sizes' servers."""
    with Servers({n: dbs[n] for n in names}) as servers:
        for route, path in ROUTES.items():
            paths = {n: path or f"/api/events/{servers.largest_event(n)}" for n in names}
            samples = paired(lambda n, p=paths: servers.get_ms(n, p[n]), names, requests)
            p50 = [statistics.median(samples[n]) for n in names]
            p95 = [percentile(samples[n], 0.95) for n in names]
            report.add(f"API {route} p50, ms", p50, ".1f")
            report.add(f"API {route} p95, ms", p95, ".1f", paired_note=_pairs(samples, names))
            report.targets.append(f"API {route} p95 <= {P95_TARGET_MS:.0f} ms at {names[-1]}: {p95[-1]:.0f} ms "
                                  f"{'met' if p95[-1] <= P95_TARGET_MS else 'MISSED'}")


def export_seconds(db: Path, tmp: Path, what: str, fmt: str) -> float:
    from armstrace.export import export_records, export_table
    from armstrace.store import Store

    out = tmp / f"export.{fmt}"
    started = time.perf_counter()
    with Store(db, readonly=True) as store:
        if what == "records":
            export_records(store, out, format=fmt)
        else:
            export_table(store, out, what=what, format=fmt)
    seconds = time.perf_counter() - started
    out.unlink(missing_ok=True)
    return seconds


if __name__ == "__main__":
    sys.exit(main())
