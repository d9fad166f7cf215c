"""The Typer app and the options every command shares (same name everywhere)."""
from __future__ import annotations

import os
import sqlite3
import traceback
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup
from typer.exceptions import Abort, Exit, TyperException

from ..errors import ArmstraceError, UsageError
from ..settings import DEFAULT_DB, DEFAULT_MODEL

# Exit codes: 0 everything went in, 1 something skipped (or a gate failed), 2 usage error, 3 internal error.
EXIT_USAGE = 2
EXIT_INTERNAL = 3

err_console = Console(stderr=True, soft_wrap=True)  # paths and messages stay on one line
out_console = Console()


def _debug(ctx: Any) -> bool:
    return bool(ctx.params.get("debug")) or os.environ.get("ARMSTRACE_DEBUG", "") not in ("", "0")


# SQLite's result codes for a file that is damaged, unwritable, full or missing: the user's to fix, not a bug.
_DB_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR",
             "SQLITE_FULL", "SQLITE_PERM", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOLFS", "SQLITE_AUTH")
_DB_HINT = ("check the file and its folder: permissions, free space, or damage with "
            "sqlite3 FILE 'PRAGMA integrity_check'")


def _database_trouble(exc: sqlite3.Error) -> bool:
    return str(getattr(exc, "sqlite_errorname", "")).startswith(_DB_CODES)


class Commands(TyperGroup):
    """The command group: an error never ends in a bare traceback.

    An ArmstraceError (bad option, missing database) goes on to `cli.main`: one
    line and exit 2; a database file that is damaged, read-only or on a full
    disk is one line and exit 2 too. Any other exception is a bug: one line
    naming it and exit 3, the traceback only under --debug. Exit 1 stays
    "something was skipped".
    """

    def invoke(self, ctx: Any) -> Any:   # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except (Exit, Abort, TyperException, ArmstraceError):
            raise   # exit codes and usage errors as Typer reports them; library errors as `cli.main` does
        except sqlite3.Error as exc:
            if not _database_trouble(exc):
                self._internal(ctx, exc)
            err_console.print(f"error: the database (--db) cannot be used: {exc} ({_DB_HINT})",
                              markup=False, highlight=False)
            raise typer.Exit(EXIT_USAGE) from exc
        except Exception as exc:  # noqa: BLE001  a bug: one line and exit 3, never a bare traceback
            self._internal(ctx, exc)

    @staticmethod
    def _internal(ctx: Any, exc: Exception) -> NoReturn:
        if _debug(ctx):
            err_console.print(traceback.format_exc().rstrip(), markup=False, highlight=False)
        message = " ".join(str(exc).split())[:300]
        err_console.print(f"internal error: {type(exc).__name__}: {message} (a bug in armstrace; "
                          "run again with --debug for the traceback)", markup=False, highlight=False)
        raise typer.Exit(EXIT_INTERNAL) from exc


app = typer.Typer(
    name="armstrace",
    help="Read news about arms transfers and turn it into a sourced, queryable record of claims.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    cls=Commands,
    pretty_exceptions_enable=False,
)


@app.callback()
def _options(
    debug: bool = typer.Option(False, "--debug", envvar="ARMSTRACE_DEBUG",
                               help="On an internal error (exit 3), print the traceback too."),
) -> None:
    """Read news about arms transfers and turn it into a sourced, queryable record of claims.

    Exit codes: 0 everything went in, 1 something was skipped (each named on
    stderr) or a gate failed, 2 usage error, 3 internal error (--debug for the traceback).
    """

DbOption = typer.Option(Path(DEFAULT_DB), "--db", envvar="ARMSTRACE_DB", help="SQLite database file.")
ModelOption = typer.Option(DEFAULT_MODEL, "--model", envvar="ARMSTRACE_MODEL",
                           help="spaCy model name or path (e.g. en_core_web_md).")
# readable=False: a path that cannot be read is named and skipped by the reader, and the rest go in.
FILE_FORMATS = ".txt, .html/.htm, .jsonl, .pdf, .docx, .md/.markdown, .odt, .epub"
PathsArgument = typer.Argument(..., readable=False,
                               help=f"Files ({FILE_FORMATS}), folders (recursive), web addresses (http://, "
                                    "https://) or RSS/Atom feeds (an address, or a .rss/.atom/.xml file).")
PublishedOption = typer.Option(None, "--published",
                               help="Publication date for documents that carry none (e.g. 2023-07-10).")
MaxBytesOption = typer.Option(None, "--max-bytes", envvar="ARMSTRACE_MAX_BYTES", min=1,
                              help="Skip files (and JSONL lines) larger than this many bytes.")


class Engine(str, Enum):
    """Where extraction runs (`armstrace.engines`)."""

    local = "local"
    ray = "ray"


EngineOption = typer.Option(Engine.local, "--engine",
                            help="local: this machine, spaCy processes; ray: Ray Data actors, here or on a cluster.")
ProcessesOption = typer.Option(None, "--processes", min=1,
                               help="local: worker processes, each parsing and extracting (default one per core); "
                                    "ray: actors, one CPU each (default one per CPU of the cluster).")
RayAddressOption = typer.Option(None, "--ray-address", envvar="ARMSTRACE_RAY_ADDRESS",
                                help="With --engine ray: the cluster to run on (auto, HOST:6379 or "
                                     "ray://HOST:10001); default a private Ray on this machine.")


def checked_published(published: str | None) -> str | None:
    """`--published` as given, after checking it is a date: a typo must not silently mean "no date"."""
    from ..ingest import normalise_date

    if published is not None and normalise_date(published) is None:
        raise UsageError(f"--published {published!r}: not a date (write it like 2023-07-10)")
    return published
