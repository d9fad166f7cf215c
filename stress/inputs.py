"""The bad-input matrix: every kind of bad input, fed to a real `armstrace ingest` beside good files.

Each probe copies a database that already holds the demo corpus, puts one bad
input in a folder with two good files (or names it on the command line), runs
`python -m armstrace ingest` as a subprocess, and checks: the exit code (0 all
in, 1 something skipped), one stderr line naming the bad input (none when it
should go in), no traceback, every record and document stored before still
there, both good files stored. A last probe runs two ingests of one corpus at
once and checks the records they report add up to what was stored.

    python stress/inputs.py [--quick]      (exit 1 on any failure)

As root, the ingests run without the capabilities that bypass file permissions
(setpriv), so `chmod 000` means unreadable.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _input_kinds import GOOD, KINDS, Kind

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
MAX_BYTES = 200_000
_NO_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
_SUMMARY = re.compile(r"^\d+ read \(.*\), \d+ skipped, (\d+) records stored in ")


@dataclass
class Outcome:
    """What one probe found: `problems` is empty when the kind was handled as specified."""

    kind: str
    seconds: float
    problems: list[str]
    lost: int = 0


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        raise SystemExit("stress/inputs.py: running as root needs setpriv to make chmod 000 files unreadable")
    return _NO_DAC


def ingest(paths: list[Path], db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """A real `armstrace ingest` of `paths` into `db`, as a subprocess (the code on PYTHONPATH)."""
    argv = [*_prefix(), sys.executable, "-m", "armstrace", "ingest", *map(str, paths), "--db", str(db),
            "--max-bytes", str(MAX_BYTES), *extra]
    return subprocess.run(argv, capture_output=True, text=True, errors="replace", timeout=120, check=False)


def stored(db: Path) -> tuple[set[str], set[str]]:
    """(record ids, document ids) in `db`."""
    with closing(sqlite3.connect(db)) as conn:
        records = {r[0] for r in conn.execute("SELECT record_id FROM records")}
        documents = {r[0] for r in conn.execute("SELECT doc_id FROM documents")}
    return records, documents


def _copy_db(base: Path, target: Path) -> None:
    shutil.copyfile(base, target)   # one file: `seed` left it out of WAL mode (armstrace turns WAL back on)


def _check_stderr(kind: Kind, shown: str, stderr: str) -> list[str]:
    problems = []
    lines = [line for line in stderr.splitlines() if line.strip()]
    if "Traceback" in stderr:
        problems.append("a traceback on stderr")
    skipped = [line for line in lines if line.startswith("skipped ")]
    naming = [line for line in skipped if shown in line]
    if len(naming) != kind.lines or len(skipped) != kind.lines:
        problems.append(f"{len(skipped)} skipped lines ({len(naming)} naming {shown!r}), expected {kind.lines}: "
                        f"{skipped[:3]}")
    others = [line for line in lines if not line.startswith("skipped ") and not _SUMMARY.match(line)]
    if others or not any(_SUMMARY.match(line) for line in lines):
        problems.append(f"stderr is not one line per skip and a summary: {others[:3]}")
    return problems


def probe(kind: Kind, base: Path, work: Path) -> Outcome:
    """Run one kind: the bad input beside two good files, into a copy of the base database."""
    started = time.perf_counter()
    work.mkdir()
    db, corpus = work / "probe.db", work / "corpus"
    _copy_db(base, db)
    corpus.mkdir()
    for name, content in GOOD.items():
        (corpus / name).write_text(content, encoding="utf-8")
    bad = kind.build(work if kind.named else corpus)
    records_before, documents_before = stored(db)
    try:
        done = ingest([corpus, bad] if kind.named else [corpus], db)
    finally:
        kind.cleanup(bad)
    problems: list[str] = []
    if done.returncode != kind.exit:
        problems.append(f"exit {done.returncode}, expected {kind.exit}")
    problems += _check_stderr(kind, kind.shown(bad), done.stderr)
    records_after, documents_after = stored(db)
    lost = len(records_before - records_after) + len(documents_before - documents_after)
    if lost:
        problems.append(f"{lost} stored records or documents lost")
    missing = {"good-a", "good-b", *([kind.stored] if kind.stored else [])} - documents_after
    if missing:
        problems.append(f"not stored: {sorted(missing)}")
    if kind.check is not None and (trouble := kind.check(db)):
        problems.append(trouble)
    return Outcome(kind.name, time.perf_counter() - started, problems, lost)


def concurrent(base: Path, work: Path) -> Outcome:
    """Two ingests of one new corpus at once: the records they report stored add up to those stored."""
    started = time.perf_counter()
    work.mkdir()
    db, corpus = work / "probe.db", work / "corpus"
    _copy_db(base, db)
    corpus.mkdir()
    text = GOOD["good-a.txt"]
    for n in range(12):
        (corpus / f"race-{n}.txt").write_text(text.replace("Tuesday", f"day {n} of the month"), encoding="utf-8")
    before = len(stored(db)[0])
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: ingest([corpus], db), range(2)))
    reported = 0
    problems = []
    for run in runs:
        if run.returncode != 0:
            problems.append(f"exit {run.returncode}: {run.stderr.strip()[-200:]}")
        found = [int(m.group(1)) for m in map(_SUMMARY.match, run.stderr.splitlines()) if m]
        reported += found[0] if found else 0
    after = len(stored(db)[0])
    if reported != after - before:
        problems.append(f"the two ingests report {reported} records stored; {after - before} were")
    return Outcome("concurrent ingests report what they stored", time.perf_counter() - started, problems)


def seed(base: Path) -> None:
    """The database every probe starts from: the demo corpus, ingested."""
    done = ingest([DEMO], base)
    if done.returncode != 0 or not stored(base)[0]:
        raise SystemExit(f"stress/inputs.py: seeding {base} failed (exit {done.returncode}): {done.stderr[-500:]}")
    with closing(sqlite3.connect(base)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")   # the WAL folded in: a single file to copy


def _guarded(name: str, task: Callable[[], Outcome]) -> Outcome:
    """The probe's outcome; if the probe itself breaks (a full disk, a timeout), a failure saying so."""
    started = time.perf_counter()
    try:
        return task()
    except Exception as exc:  # noqa: BLE001  one broken probe is one failed line, the matrix goes on
        return Outcome(name, time.perf_counter() - started, [f"the probe broke: {type(exc).__name__}: {exc}"])


def _line(outcome: Outcome) -> str:
    status = "ok  " if not outcome.problems else "FAIL"
    return f"{status} {outcome.kind:<46} {outcome.seconds:5.1f} s  {'; '.join(outcome.problems)}".rstrip()


def run(kinds: list[Kind], workers: int) -> list[Outcome]:
    """Every probe, `workers` at a time, printing one line per kind as the results come in (in order)."""
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="armstrace-inputs-") as tmp:
        base = Path(tmp) / "base.db"
        seed(base)
        tasks: list[tuple[str, Callable[[], Outcome]]] = [
            (k.name, lambda k=k, i=i: probe(k, base, Path(tmp) / f"p{i:02d}")) for i, k in enumerate(kinds)]
        tasks.append(("concurrent ingests", lambda: concurrent(base, Path(tmp) / "race")))
        with ThreadPoolExecutor(workers) as pool:
            for outcome in pool.map(lambda task: _guarded(*task), tasks):
                print(_line(outcome), flush=True)
                outcomes.append(outcome)
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="every fourth kind only (a smoke run)")
    parser.add_argument("--workers", type=int, default=2, help="probes run at once (default 2)")
    parser.add_argument("--kind", default="", help="only the kinds whose name contains this")
    args = parser.parse_args()
    kinds = [k for k in (KINDS[::4] if args.quick else KINDS) if args.kind.lower() in k.name.lower()]
    started = time.perf_counter()
    outcomes = run(kinds, args.workers)
    failed = [o for o in outcomes if o.problems]
    seconds = sorted(o.seconds for o in outcomes)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"inputs: {len(kinds)} kinds of bad input + 1 concurrency probe, {len(outcomes) - len(failed)} passed, "
          f"{len(failed)} failed, records or documents lost: {sum(o.lost for o in outcomes)}, "
          f"probe p50 {seconds[len(seconds) // 2]:.1f} s, max {seconds[-1]:.1f} s, "
          f"total {time.perf_counter() - started:.0f} s ({cpu.ru_utime + cpu.ru_stime:.0f} s CPU)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
