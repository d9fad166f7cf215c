"""The Typer app and the options every command shares (same name everywhere)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from ..settings import DEFAULT_DB, DEFAULT_MODEL

app = typer.Typer(
    name="armstrace",
    help="Read news about arms transfers and turn it into a sourced, queryable record of claims.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
err_console = Console(stderr=True, soft_wrap=True)  # paths and messages stay on one line
out_console = Console()

DbOption = typer.Option(Path(DEFAULT_DB), "--db", envvar="ARMSTRACE_DB", help="SQLite database file.")
ModelOption = typer.Option(DEFAULT_MODEL, "--model", envvar="ARMSTRACE_MODEL",
                           help="spaCy model name or path (e.g. en_core_web_md).")
PublishedOption = typer.Option(None, "--published",
                               help="Publication date for documents that carry none (e.g. 2023-07-10).")
MaxBytesOption = typer.Option(None, "--max-bytes", envvar="ARMSTRACE_MAX_BYTES",
                              help="Skip files larger than this many bytes.")


class Engine(str, Enum):
    """Where extraction runs (`armstrace.engines`)."""

    local = "local"
    ray = "ray"


EngineOption = typer.Option(Engine.local, "--engine",
                            help="local: this machine, spaCy processes; ray: Ray Data actors, here or on a cluster.")
ProcessesOption = typer.Option(None, "--processes", min=1,
                               help="local: spaCy worker processes (default 1); "
                                    "ray: actors, one CPU each (default one per CPU of the cluster).")
RayAddressOption = typer.Option(None, "--ray-address", envvar="ARMSTRACE_RAY_ADDRESS",
                                help="With --engine ray: the cluster to run on (auto, HOST:6379 or "
                                     "ray://HOST:10001); default a private Ray on this machine.")
