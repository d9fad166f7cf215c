"""Word (.docx) reading: paragraphs/s and peak memory, the style lookup before and after it was cached.

    python benchmarks/word.py [--paragraphs 14000] [--at-cap]

Builds a .docx of `--paragraphs` paragraphs (tests/word_files.py: a Title, a
Heading 2 every 50th, sentences in the default style) and prints, each phase in
its own process so that its peak RSS is its own:

- before: what armstrace's reader did until the style names were cached, each
  paragraph's text and `paragraph.style.name` through python-docx (which scans
  every style for the default on each call);
- after: `armstrace.ingest.read_file` on the same file (style names read once
  from the styles part; the title looked for only until found);
- at cap (with --at-cap): the reader on a file that unpacks to just under the
  cap of 4 times the default --max-bytes (80 MB), the largest it accepts.

Exit code 0; the figures are for the notes, not a gate.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # Linux: KB


def phase_before(path: Path) -> dict:
    """The per-paragraph style lookup the reader used: python-docx's `paragraph.style` on every paragraph."""
    import docx

    started = time.perf_counter()
    document = docx.Document(str(path))
    paragraphs = 0
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            paragraphs += 1
            (paragraph.style.name or "").casefold() if paragraph.style is not None else ""
    return {"paragraphs": paragraphs, "seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


def phase_after(path: Path) -> dict:
    """armstrace's reader now: the article of the file."""
    from armstrace import settings
    from armstrace.ingest import read_file

    started = time.perf_counter()
    (article,) = read_file(path, max_bytes=settings.DEFAULT_MAX_BYTES)
    seconds = time.perf_counter() - started
    if not hasattr(article, "text"):
        raise SystemExit(f"skipped: {article}")
    return {"paragraphs": article.text.count("\n\n") + 1, "seconds": seconds, "peak_mb": _peak_mb(),
            "title": article.title}


PHASES = {"before": phase_before, "after": phase_after}


def _run(phase: str, path: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--phase", phase, str(path)], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _describe(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        document = archive.getinfo("word/document.xml").file_size
    return (f"{path.stat().st_size / 1e6:.2f} MB file, {unpacked / 1e6:.1f} MB unpacked "
            f"(document.xml {document / 1e6:.2f} MB)")


def _report(label: str, result: dict) -> None:
    rate = result["paragraphs"] / result["seconds"] if result["seconds"] else 0.0
    print(f"{label:<8} {result['paragraphs']:>7} paragraphs {rate:10.0f} paragraphs/s  {result['seconds']:7.2f} s  "
          f"peak RSS {result['peak_mb']:7.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=14_000)
    parser.add_argument("--at-cap", action="store_true", help="also read a file just under the unpacked-size cap")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("path", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args.path)))
        return
    from armstrace import settings
    from armstrace.ingest.zipped import MAX_UNPACKED_RATIO
    from word_files import write_long_docx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.docx"
        write_long_docx(path, args.paragraphs)
        print(f"document: {args.paragraphs} paragraphs, {_describe(path)}")
        _report("before", _run("before", path))
        _report("after", _run("after", path))
        if args.at_cap:
            cap = MAX_UNPACKED_RATIO * settings.DEFAULT_MAX_BYTES
            other_parts, per_paragraph = _sizes(path, args.paragraphs)
            big = Path(tmp) / "at-cap.docx"
            write_long_docx(big, int((cap * 0.95 - other_parts) / per_paragraph))
            print(f"at cap: {_describe(big)}, cap {cap / 1e6:.0f} MB")
            _report("at cap", _run("after", big))


def _sizes(path: Path, paragraphs: int) -> tuple[int, float]:
    """Unpacked bytes of the parts other than document.xml, and document.xml's bytes per paragraph."""
    with zipfile.ZipFile(path) as archive:
        document = archive.getinfo("word/document.xml").file_size
        return sum(info.file_size for info in archive.infolist()) - document, document / paragraphs


if __name__ == "__main__":
    main()
