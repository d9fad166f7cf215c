"""PDF ingest: text extraction pages/s and peak memory on a 300-page report, and pypdf against pdfplumber.

    python benchmarks/pdf.py [--pages 300] [--body 4] [--no-ingest]

Builds a report of `--pages` pages with fpdf2 (tests/report_pdfs.py: a running
header and footer with page numbers on every page, a two-column page, a
footnote, a table, a hyphenated line end, then pages of prose with one claim
each) and prints, each phase in its own process so that its peak RSS is its own:

- text: armstrace's PDF reader (pypdf, page chrome out, pages joined): pages/s, peak RSS
  and the RSS before reading (the libraries loaded);
- pypdf and pdfplumber (when installed) on the same file: their bare
  `extract_text()` pages/s and whether each keeps the two columns of page 2
  whole, the footnote and the table;
- ingest: `armstrace.engines.ingest_paths` on the report (read, parse with the
  real model, extract, store in a temp SQLite file): pages/s end to end, peak RSS,
  records stored.

Exit code 0; the figures are for the README and the notes, not a gate.
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
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # Linux: KB


def phase_text(pdf: Path) -> dict:
    """armstrace's reader: the article of the PDF, pages counted."""
    from armstrace.ingest import read_file

    pages = 0

    def count(event: str, n: int) -> None:
        nonlocal pages
        pages += n if event == "page" else 0

    import pypdf  # noqa: F401  imported before the baseline is taken

    before = _peak_mb()
    started = time.perf_counter()
    (article,) = read_file(pdf, progress=count)
    seconds = time.perf_counter() - started
    return {"pages": pages, "seconds": seconds, "chars": len(article.text), "peak_mb": _peak_mb(),
            "rss_before_mb": round(before, 1)}


def _quality(pages: list[str]) -> dict:
    """What a reader keeps of the report's hard parts (page 2 columns, page 3 footnote, page 4 table)."""
    from report_pdfs import FOOTNOTE, LEFT_COLUMN, RIGHT_COLUMN, TABLE

    flat = [" ".join(page.split()) for page in pages]
    return {"columns_whole": LEFT_COLUMN in flat[1] and RIGHT_COLUMN in flat[1],
            "footnote": FOOTNOTE in flat[2],
            "table_rows": all(" ".join(row) in flat[3] for row in TABLE)}


def phase_pypdf(pdf: Path) -> dict:
    """Bare pypdf: extract_text() of every page."""
    import pypdf

    started = time.perf_counter()
    reader = pypdf.PdfReader(pdf)
    pages = [page.extract_text() for page in reader.pages]
    seconds = time.perf_counter() - started
    return {"pages": len(pages), "seconds": seconds, "peak_mb": _peak_mb(), **_quality(pages)}


def phase_pdfplumber(pdf: Path) -> dict:
    """Bare pdfplumber: extract_text() of every page, each page closed after (its advice for memory)."""
    import pdfplumber

    started = time.perf_counter()
    pages: list[str] = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            pages.append(page.extract_text() or "")
            page.close()
    seconds = time.perf_counter() - started
    return {"pages": len(pages), "seconds": seconds, "peak_mb": _peak_mb(), **_quality(pages)}


def phase_ingest(pdf: Path) -> dict:
    """armstrace ingest end to end on the report, into a temp database."""
    from armstrace.engines import ingest_paths

    pages = 0

    def count(event: str, n: int) -> None:
        nonlocal pages
        pages += n if event == "page" else 0

    with tempfile.TemporaryDirectory() as tmp:
        summary = ingest_paths([pdf], db=Path(tmp) / "bench.db", progress=count)
    return {"pages": pages, "seconds": summary.seconds, "records": summary.records, "peak_mb": _peak_mb()}


PHASES = {"text": phase_text, "pypdf": phase_pypdf, "pdfplumber": phase_pdfplumber, "ingest": phase_ingest}


def _run(phase: str, pdf: Path) -> dict | None:
    """One phase in a fresh process (its own peak RSS); None when its library is not installed."""
    proc = subprocess.run([sys.executable, __file__, "--phase", phase, str(pdf)], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        if "ModuleNotFoundError" in proc.stderr:
            return None
        raise SystemExit(f"phase {phase} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--body", type=int, default=4, help="prose paragraphs on each page from page 5 on")
    parser.add_argument("--no-ingest", action="store_true", help="text extraction only (no model)")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("pdf", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args.pdf)))
        return
    from report_pdfs import write_report

    with tempfile.TemporaryDirectory() as tmp:
        pdf = write_report(Path(tmp) / "report.pdf", pages=args.pages, body=args.body)
        print(f"report: {args.pages} pages, {pdf.stat().st_size / 1e6:.2f} MB")
        phases = ["text", "pypdf", "pdfplumber"] + ([] if args.no_ingest else ["ingest"])
        for phase in phases:
            result = _run(phase, pdf)
            if result is None:
                print(f"{phase:<11} not installed (pip install {phase}) - skipped")
                continue
            rate = result["pages"] / result["seconds"] if result["seconds"] else 0.0
            extra = {k: v for k, v in result.items() if k not in ("pages", "seconds", "peak_mb")}
            print(f"{phase:<11} {rate:8.1f} pages/s  {result['seconds']:6.2f} s  peak RSS {result['peak_mb']:6.1f} MB  "
                  + "  ".join(f"{k}={v}" for k, v in extra.items()))


if __name__ == "__main__":
    main()
