"""kill -9 at random moments of a real `armstrace ingest`: the database stays whole and the rerun ends as a clean run.

    python stress/kills.py [--quick] [--trials N] [--seed S]

One clean ingest of the corpus (the demo pages and the multi-document
fixtures) into a real SQLite file gives the reference. Then each trial starts
`armstrace ingest` on a fresh file, sends SIGKILL at a random moment of its run
(while the model loads, while documents are stored, while events are
clustered), and checks

- `PRAGMA integrity_check` is "ok" and `PRAGMA foreign_key_check` finds nothing,
- after `armstrace ingest` is run again to completion, the documents, records
  and event memberships (with their ids) equal the clean run's.

Each kill is aimed at a moment of the run's progress (after k documents are
stored, k random, then a random delay; or while the model loads), so kills land
in every phase however fast the machine is. Two files are worked on at once
(CI has 2 cores). Prints one line per kill, then a summary; exits 1 if any
kill fails.

--quick puts the 20 kills in 5 chains of 4 on one file each: every kill is
followed by the integrity check and a restart that resumes on what the killed
runs left, and each chain ends with a run to completion compared with the
clean run (5 comparisons instead of 20; about a third of the time).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "demo", ROOT / "tests" / "articles" / "multi"]


@dataclass
class Trial:
    """What one kill did and what was found after it."""

    number: int
    kill_at: float
    killed: bool           # False: the ingest finished before the signal
    docs_at_kill: int
    integrity: str
    rerun_code: int
    identical: bool
    problem: str = ""
    target_docs: int = 0   # the kill was aimed at this many documents stored (0: while the model loads)
    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.rerun_code == 0 and self.identical


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "armstrace", "ingest", str(corpus), "--db", str(db)], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def snapshot(db: Path) -> tuple[object, ...]:
    """Everything an ingest decides: documents, records (every column) and event memberships."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        docs = conn.execute("SELECT doc_id, content_hash, published, text, skip_spans FROM documents "
                            "ORDER BY doc_id").fetchall()
        records = conn.execute("SELECT * FROM records ORDER BY record_id").fetchall()
        members = conn.execute("SELECT record_id, event_id, reason FROM event_claims ORDER BY record_id").fetchall()
        events = conn.execute("SELECT event_id, n_claims, n_documents, n_independent FROM events "
                              "ORDER BY event_id").fetchall()
    finally:
        conn.close()
    return tuple(docs), tuple(records), tuple(members), tuple(events)


def integrity(db: Path) -> tuple[str, int]:
    """(`PRAGMA integrity_check`, documents stored) of a file a killed process left; "no file" if none."""
    if not db.exists():
        return "ok", 0   # killed before it created the file: nothing to damage
    conn = sqlite3.connect(db)
    try:
        check = "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            check += "; foreign key violations"
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0] if "documents" in tables else 0
    finally:
        conn.close()
    return check, int(docs)


def _stored(db: Path) -> int:
    """Documents committed so far (0 while the file or its tables do not exist yet)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _kill_when(proc: subprocess.Popen[bytes], db: Path, after_docs: int, jitter: float) -> tuple[bool, float]:
    """SIGKILL `proc` `jitter` seconds after `after_docs` documents are stored (0: `jitter` after start).

    Waiting on progress, not on a clock, puts the kills where the writes are however
    slow the machine is: while the model loads, between and inside document
    transactions, and in the final clustering transaction. (killed, seconds after start)
    """
    started = time.perf_counter()
    while after_docs and proc.poll() is None and _stored(db) < after_docs:
        time.sleep(0.02)
    try:
        proc.wait(timeout=jitter)
        return False, time.perf_counter() - started
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return True, time.perf_counter() - started


def chain(number: int, corpus: Path, work: Path, moments: list[tuple[int, float]],
          reference: tuple[object, ...]) -> list[Trial]:
    """Kill `armstrace ingest` once per moment on one file, checking it after each kill; then ingest to the end.

    Each moment is (documents more than the file holds, then seconds); every restart
    resumes on what the killed runs left. One moment per chain: a fresh file per kill.
    """
    db = work / f"chain-{number:02d}.db"
    n_docs = len(reference[0])
    done: list[Trial] = []
    for i, (more, delay) in enumerate(moments):
        before = _stored(db)
        target = min(n_docs, before + more) if more else 0
        jitter = delay
        if target == n_docs == before:   # nothing left to store: kill while it starts and clusters what is pending
            target, jitter = 0, 0.3 + delay * 12
        killed, kill_at = _kill_when(_ingest(corpus, db), db, target, jitter)
        check, docs = integrity(db)
        done.append(Trial(number * len(moments) + i, kill_at, killed, docs, check, 0, False, "", target))
    rerun = _ingest(corpus, db)
    _, err = rerun.communicate(timeout=300)
    identical = rerun.returncode == 0 and snapshot(db) == reference
    problem = "" if rerun.returncode == 0 else err.decode("utf-8", "replace").strip().splitlines()[-1:][0]
    for t in done:
        t.rerun_code, t.identical, t.problem = rerun.returncode, identical, problem
    for path in db.parent.glob(db.name + "*"):
        path.unlink()
    return done


def _round(rng: random.Random, corpus: Path, work: Path, reference: tuple[object, ...], n_trials: int,
           per_chain: int, offset: int, tag: int) -> list[Trial]:
    """One round of `n_trials` kills in chains of `per_chain`, two chains at a time."""
    n_docs = len(reference[0])
    # After 0..n more documents, then up to 0.3 s more (0.3 to 4 s while the model loads, for 0).
    # One kill in five is aimed at the end (all documents stored: the clustering transaction).
    ks = [n_docs if rng.random() < 0.2 else rng.randint(0, n_docs // per_chain) for _ in range(n_trials)]
    moments = [(k, rng.uniform(0.3, 4.0) if k == 0 else rng.uniform(0.0, 0.3)) for k in ks]
    chains = [moments[i:i + per_chain] for i in range(0, n_trials, per_chain)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = pool.map(lambda i: chain(100 * tag + i, corpus, work, chains[i], reference), range(len(chains)))
        found = [t for run in runs for t in run]
    for n, t in enumerate(found):
        t.number = offset + n
    return found


def corpus_copy(work: Path) -> Path:
    """The corpus files in one folder."""
    files = sorted(p for root in CORPUS for p in root.rglob("*") if p.is_file())
    dest = work / "corpus"
    dest.mkdir()
    for path in files:
        shutil.copy(path, dest / path.name)
    return dest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="the 20 kills in chains of 4 on one file each, one run to completion per chain")
    parser.add_argument("--trials", type=int, default=20, help="number of kills (default 20)")
    parser.add_argument("--seed", type=int, default=None, help="random seed of the kill moments")
    args = parser.parse_args()
    n_trials = args.trials
    per_chain = 4 if args.quick else 1
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = corpus_copy(work)
        clean_db = work / "clean.db"
        t0 = time.perf_counter()
        clean = _ingest(corpus, clean_db)
        _, err = clean.communicate(timeout=300)
        clean_seconds = time.perf_counter() - t0
        if clean.returncode != 0:
            print(f"clean ingest failed (exit {clean.returncode}): {err.decode('utf-8', 'replace')[-500:]}")
            return 1
        reference = snapshot(clean_db)
        print(f"clean ingest: {len(reference[0])} documents, {len(reference[1])} records, {len(reference[3])} events "
              f"in {clean_seconds:.1f} s (seed {seed})")
        trials: list[Trial] = []
        # A kill that lands after the run has finished is no kill: draw more until n_trials did land
        # (at most four rounds), so the figure counts processes really killed mid-ingest.
        for round_ in range(4):
            wanted = n_trials - sum(t.killed for t in trials)
            if wanted <= 0:
                break
            trials += _round(rng, corpus, work, reference, wanted, per_chain, offset=len(trials), tag=round_)
    for t in trials:
        state = f"killed with {t.docs_at_kill} documents stored" if t.killed else "finished before the kill"
        same = "identical to the clean run" if t.identical else "DIFFERS from the clean run"
        aim = f"at {t.target_docs:2d} documents" if t.target_docs else "while loading"
        if t.target_docs == len(reference[0]):
            aim += " (clustering)"
        print(f"kill {t.number + 1:2d} {aim}, {t.kill_at:5.2f} s: {state}; "
              f"integrity {t.integrity}; rerun exit {t.rerun_code}; {same}" + (f" ({t.problem})" if t.problem else ""))
    failures = [t for t in trials if not t.ok]
    killed = sum(t.killed for t in trials)
    print(f"kills: {len(trials)} trials, {killed} killed mid-ingest, {len(trials) - len(failures)} passed, "
          f"{len(failures)} failed; integrity ok {sum(t.integrity == 'ok' for t in trials)}/{len(trials)}; "
          f"records lost: {sum(not t.identical for t in trials)} runs; {time.perf_counter() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
