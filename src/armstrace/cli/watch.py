"""`armstrace watch`: poll feeds and addresses, ingest what is new, one line per round, until Ctrl-C."""
from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import typer

from ..errors import UsageError
from ..settings import Settings
from .app import FILE_FORMATS, DbOption, MaxBytesOption, ModelOption, PublishedOption, app, checked_published, err_console
from .web import RetriesOption, TimeoutOption, web_settings

if TYPE_CHECKING:
    from ..engines.watch import RoundReport

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# A round starts at most once a second: "--every 0.01" would poll a stranger's site a hundred times a second.
MIN_EVERY_S = 1.0


def parse_every(text: str) -> float:
    """`--every` in seconds: "90", "90s", "15m", "2h", "1d"; at least `MIN_EVERY_S`."""
    match = _EVERY.match(text)
    if not match or float(match.group(1)) <= 0:
        raise UsageError(f"--every {text!r}: not a duration (write it like 15m, 90s, 2h or 1d)")
    seconds = float(match.group(1)) * _UNIT_S[(match.group(2) or "s").lower()]
    if seconds < MIN_EVERY_S:
        raise UsageError(f"--every {text!r}: shorter than {MIN_EVERY_S:g} s (a round at most once a second; "
                         "write it like 15m, 90s, 2h or 1d)")
    return seconds


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C (or SIGTERM) sets `stop`: the watch ends after the current document; a second one ends it now."""
    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        # os.write, not the console: a signal may arrive while the console is writing.
        os.write(2, b"stopping after the current document (Ctrl-C again to stop at once)\n")

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _print_round(report: RoundReport) -> None:
    from ..ingest import skip_lines

    for line in skip_lines(report.summary.skipped):
        err_console.print(line, markup=False, highlight=False)
    print(report.line(), flush=True)   # stdout, a line at a time: `armstrace watch ... >> watch.log` works


@app.command()
def watch(
    sources: list[str] = typer.Argument(..., help="Feeds (an address, or a .rss/.atom/.xml file) and web "
                                        f"addresses (http://, https://); files ({FILE_FORMATS}) and folders are read "
                                        "again each round."),
    every: str = typer.Option("15m", "--every", help="Time between the starts of two rounds: 90s, 15m, 2h, 1d (at least 1s)."),
    rounds: int | None = typer.Option(None, "--rounds", min=1, help="Stop after this many rounds (default: never)."),
    db: Path = DbOption,
    model: str = ModelOption,
    published: str | None = PublishedOption,
    max_bytes: int | None = MaxBytesOption,
    timeout: float | None = TimeoutOption,
    retries: int | None = RetriesOption,
) -> None:
    """Poll feeds and web addresses, ingest what is new, print one line per round; Ctrl-C stops cleanly.

    What was read is kept in the database (table `seen`): a restarted watch fetches
    only what is new. A source that fails is one line on stderr and is tried
    again next round. Exit 0 when stopped by Ctrl-C; with --rounds, 1 if a round
    skipped something.

    Example: armstrace watch https://example.org/feed.rss --every 15m --db events.db
    """
    from ..engines.watch import watch as watch_sources   # (spaCy and the readers load with the command)

    interval = parse_every(every)
    published = checked_published(published)
    settings = web_settings(Settings(model=model, db=str(db)), timeout=timeout, retries=retries)
    if max_bytes:
        settings = replace(settings, max_bytes=max_bytes)
    stop = threading.Event()
    try:
        with _stop_on_signals(stop):
            reports = watch_sources(sources, db=db, every=interval, rounds=rounds, settings=settings,
                                    published=published, stop=stop, on_round=_print_round)
    except KeyboardInterrupt:   # the second Ctrl-C: the open transaction was rolled back, nothing half-written
        err_console.print("stopped", markup=False, highlight=False)
        raise typer.Exit(0) from None
    if stop.is_set():
        err_console.print(f"stopped after {len(reports)} rounds", markup=False, highlight=False)
        raise typer.Exit(0)
    raise typer.Exit(1 if any(report.failed for report in reports) else 0)
