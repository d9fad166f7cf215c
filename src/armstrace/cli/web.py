"""Options `ingest` and `watch` share for web addresses and feeds (the same names in both)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer

from typing import TYPE_CHECKING

from ..errors import UsageError
from ..settings import Settings
from .app import FILE_FORMATS

if TYPE_CHECKING:
    from ..ingest import Skipped

# str, not Path: a Path would fold "https://host" into "https:/host".
SourcesArgument = typer.Argument(None, help=f"Files ({FILE_FORMATS}), folders (recursive), web addresses (http://, "
                                           "https://) or RSS/Atom feeds (an address, or a .rss/.atom/.xml file).")
UrlsOption = typer.Option(None, "--urls", help="A file of web addresses, one a line (# starts a comment).")
TimeoutOption = typer.Option(None, "--timeout", envvar="ARMSTRACE_TIMEOUT", min=0.01,
                             help="Seconds to wait for a web server to connect, and for each read (default 20).")
RetriesOption = typer.Option(None, "--retries", envvar="ARMSTRACE_RETRIES", min=0,
                             help="Tries again after a network error or HTTP 429/5xx, waiting 1, 2, 4 s... "
                                  "(default 2).")


def sources_of(paths: list[str] | None, urls: Path | None) -> tuple[list[str], list[Skipped]]:
    """The sources to read (arguments, then the addresses of --urls) and the --urls lines that are not addresses."""
    from ..ingest import read_address_list   # (the readers load trafilatura: with the command, not the CLI)

    sources = list(paths or [])
    bad: list[Skipped] = []
    if urls is not None:
        if not urls.is_file():
            raise UsageError(f"--urls {urls}: no such file (give a file of web addresses, one a line)")
        addresses, bad = read_address_list(urls)
        sources += addresses
    if not sources and not bad:
        raise UsageError("nothing to read: give files, folders, web addresses or feeds, or --urls FILE")
    return sources, bad


def web_settings(settings: Settings, *, timeout: float | None, retries: int | None) -> Settings:
    """`settings` with --timeout and --retries where given."""
    if timeout is not None:
        settings = replace(settings, timeout=timeout)
    if retries is not None:
        settings = replace(settings, retries=retries)
    return settings
