"""The `armstrace` command line: thin commands over the library.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 all went
in, 1 something was skipped or a gate failed, 2 usage error.
"""
from __future__ import annotations

import sys

from ..errors import ArmstraceError
from . import analysis as _analysis_commands  # noqa: F401  (registers events, event, contradictions, timeline, weapon)
from . import evaluate, explain, export, extract, ingest, records, serve
from .app import app, err_console

__all__ = ["app", "main"]

_ = (evaluate, explain, export, extract, ingest, records, serve)


def main() -> None:
    """Console-script entry point: library errors become one line on stderr and exit 2."""
    try:
        app(standalone_mode=True)
    except ArmstraceError as exc:
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(2)
