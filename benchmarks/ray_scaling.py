"""Ray engine scaling from 1 to 2 workers, and the serial part of an ingest that no worker count removes.

    python benchmarks/ray_scaling.py [--articles 100] [--pairs 3]

1. One private local Ray with 2 CPUs; the same articles (benchmarks/corpus.py)
   ingested with 1 worker and with 2, interleaved (1 2 1 2 ...) after one
   warm-up pair, each into a fresh database: words/s once Ray runs (actor
   model loads included), median and spread of the per-pair speed-up.
2. The driver's serial share: the same articles ingested with extraction
   already done (records computed beforehand and handed back at once), so
   what is timed is only what the driver does alone: read, hash, store in
   SQLite (one writer) and cluster. Its articles/hour is the ceiling of any
   cluster feeding one database, however many workers it has.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # benchmarks/ is not a package: its modules import by name


def ray_run(files: list[Path], workers: int, tmp: Path, n: int) -> dict:
    from armstrace.engines import ray as ray_engine

    started = time.perf_counter()
    summary = ray_engine.ingest_paths(files, db=tmp / f"ray-{workers}-{n}.db", workers=workers)
    return {"seconds": time.perf_counter() - started, "words": summary.words, "records": summary.records}


def serial_run(files: list[Path], tmp: Path) -> dict:
    """Ingest with extraction done beforehand: the driver's own cost (read, hash, store, cluster)."""
    from armstrace.engines.driver import Result, ingest_with
    from armstrace.engines.local import extract_stream
    from armstrace.ingest import Skipped, read_documents
    from armstrace.records import Article
    from armstrace.settings import Settings

    settings = Settings()
    articles = [a for a in read_documents(files) if not isinstance(a, Skipped)]
    done = {article.doc_id: result for article, result in extract_stream(articles, settings.model)}

    def precomputed(stream: Iterable[Article]) -> Iterator[Result]:
        for article in stream:
            yield article, done[article.doc_id]

    summary = ingest_with(precomputed, files, db=tmp / "serial.db", settings=settings)
    return {"seconds": summary.seconds, "articles": summary.added, "words": summary.words}


def serial_from_db(db: Path, tmp: Path) -> dict:
    """The driver's storing and clustering, timed by saving an existing database's documents into a new one.

    No extraction at all: the articles and records come from `db` (e.g. scale.py's 1,000-article database).
    Reading files and hashing are not in it (re-ingest measures those: see RESULTS.md).
    """
    from armstrace.analysis import update_events
    from armstrace.store import Store

    with Store(db) as src:
        docs = [(src.get_document(d.doc_id), list(src.records(doc_id=d.doc_id))) for d in src.documents()]
    started = time.perf_counter()
    with Store(tmp / "serial-from-db.db") as out:
        for article, records in docs:
            out.save_document(article, records)
        stored = time.perf_counter()
        update_events(out)
    done = time.perf_counter()
    return {"articles": len(docs), "store": stored - started, "cluster": done - stored, "seconds": done - started}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--serial-from-db", type=Path, help="only the driver's serial cost, from a copy of this database")
    args = ap.parse_args()
    if args.serial_from_db:
        with tempfile.TemporaryDirectory() as tmp_name:
            copy = Path(tmp_name) / "source.db"
            shutil.copy(args.serial_from_db, copy)
            r = serial_from_db(copy, Path(tmp_name))
        print(f"driver alone on {r['articles']:,} stored articles: store {r['store'] / r['articles'] * 1000:.1f} ms "
              f"and cluster {r['cluster'] / r['articles'] * 1000:.1f} ms an article = a ceiling of "
              f"{r['articles'] / r['seconds'] * 3600:,.0f} articles/hour for one database")
        return 0
    from armstrace.engines import ray as ray_engine

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        files = write_corpus(tmp / "corpus", args.articles, seed=99)
        serial = serial_run(files, tmp)
        runs: dict[int, list[dict]] = {1: [], 2: []}
        with ray_engine.ray_session(os.environ.get("ARMSTRACE_RAY_ADDRESS"), num_cpus=2):   # a cluster if set
            for n in range(args.pairs + 1):
                pair = {workers: ray_run(files, workers, tmp, n) for workers in (1, 2)}
                if n:   # the first pair warms up
                    for workers, result in pair.items():
                        runs[workers].append(result)
    wps = {w: [r["words"] / r["seconds"] for r in rs] for w, rs in runs.items()}
    speedups = [b / a for a, b in zip(wps[1], wps[2], strict=True)]
    print(f"{args.articles} articles, {runs[1][0]['words']:,} words; {args.pairs} interleaved pairs after a warm-up")
    for w in (1, 2):
        print(f"ray, {w} worker(s): {statistics.median(wps[w]):8,.0f} words/s  "
              f"{statistics.median(args.articles / r['seconds'] * 3600 for r in runs[w]):9,.0f} articles/hour")
    print(f"speed-up 2 workers / 1: median {statistics.median(speedups):.2f} [{min(speedups):.2f}-{max(speedups):.2f}]")
    per_article = serial["seconds"] / serial["articles"]
    print(f"driver alone (read, hash, store, cluster; extraction done beforehand): {per_article * 1000:.1f} ms an "
          f"article = a ceiling of {3600 / per_article:,.0f} articles/hour for one database")
    return 0


if __name__ == "__main__":
    sys.exit(main())
