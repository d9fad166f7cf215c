"""The `armstrace` command line: thin commands over the library.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 all went
in, 1 something was skipped or a gate failed, 2 usage error, 3 internal error
(one line; the traceback under --debug).
"""
from __future__ import annotations

import sys

from ..errors import ArmstraceError
from . import analysis as _analysis_commands  # noqa: F401  (registers events, event, contradictions, timeline, weapon)
from . import backup as _backup_command  # noqa: F401  (registers backup)
from . import evaluate, explain, export, extract, ingest, records, serve, watch
from .app import EXIT_USAGE, app, err_console

__all__ = ["app", "main"]

_ = (evaluate, explain, export, extract, ingest, records, serve, watch)


def main() -> None:
    """Console-script entry point: `--debug` anywhere on the line applies; errors as `app.Commands` says."""
    args = sys.argv[1:]
    if "--debug" in args[: args.index("--") if "--" in args else len(args)]:
        args.remove("--debug")
        args.insert(0, "--debug")
    try:
        app(args=args, standalone_mode=True)
    except ArmstraceError as exc:   # raised outside a command (while parsing)
        err_console.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(EXIT_USAGE)
