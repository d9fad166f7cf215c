"""`armstrace extract`: records to a JSONL file, no database."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..ingest import Skipped

from ..settings import Settings
from .app import (
    Engine,
    EngineOption,
    MaxBytesOption,
    ModelOption,
    ProcessesOption,
    PathsArgument,
    PublishedOption,
    RayAddressOption,
    app,
    checked_published,
    err_console,
)


@app.command()
def extract(
    paths: list[str] = PathsArgument,   # str: web addresses and feeds too (a Path folds "https://")
    out: Path = typer.Option(None, "--out", "-o", help="Write records here (JSONL); default stdout."),
    model: str = ModelOption,
    published: str | None = PublishedOption,
    max_bytes: int | None = MaxBytesOption,
    processes: int | None = ProcessesOption,
    engine: Engine = EngineOption,
    ray_address: str | None = RayAddressOption,
) -> None:
    """Extract claim records as JSON lines in the GUIDELINES format (with provenance fields).

    Example: armstrace extract ../shared/eval/dev/docs --out records.jsonl
    """
    from ..engines import extract_paths   # the reader and spaCy load with the command, not with the CLI
    from ..ingest import count_failures, skip_lines

    published = checked_published(published)
    settings = Settings(model=model) if not max_bytes else Settings(model=model, max_bytes=max_bytes)
    skipped: list[Skipped] = []
    n = 0
    with open(out, "w", encoding="utf-8") if out else contextlib.nullcontext(sys.stdout) as fh:
        for rec in extract_paths(paths, engine=engine.value, settings=settings, published=published,
                                 skipped=skipped, processes=processes, ray_address=ray_address):
            fh.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
            n += 1
    for line in skip_lines(skipped):
        err_console.print(line, markup=False, highlight=False)
    err_console.print(f"{n} records" + (f" written to {out}" if out else ""), markup=False, highlight=False)
    raise typer.Exit(1 if count_failures(skipped) else 0)
