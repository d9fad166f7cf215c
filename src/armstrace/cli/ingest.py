"""`armstrace ingest`: files and folders into the database."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..settings import Settings
from .app import (
    DbOption,
    Engine,
    EngineOption,
    MaxBytesOption,
    ModelOption,
    ProcessesOption,
    PublishedOption,
    RayAddressOption,
    app,
    checked_published,
    err_console,
)
from .web import RetriesOption, SourcesArgument, TimeoutOption, UrlsOption, sources_of, web_settings


@app.command()
def ingest(
    paths: list[str] | None = SourcesArgument,
    urls: Path | None = UrlsOption,
    db: Path = DbOption,
    model: str = ModelOption,
    published: str | None = PublishedOption,
    max_bytes: int | None = MaxBytesOption,
    processes: int | None = ProcessesOption,
    force: bool = typer.Option(False, "--force", help="Re-extract unchanged documents too (after an upgrade)."),
    engine: Engine = EngineOption,
    ray_address: str | None = RayAddressOption,
    timeout: float | None = TimeoutOption,
    retries: int | None = RetriesOption,
) -> None:
    """Ingest articles: extract claim records and store them (idempotent).

    With --engine ray, extraction runs on Ray Data actors (a private Ray on this
    machine, or the cluster at --ray-address, e.g. auto); this process reads and stores.

    Web addresses (http://, https://) are fetched; RSS/Atom feeds (an address, or a .rss/.atom/.xml
    file) give one document per entry; --urls reads addresses from a file, one a line.

    Example: armstrace ingest corpus/ https://example.org/news/drones.html --db events.db
    """
    from ..engines import ingest_paths   # the reader and spaCy load with the command, not with the CLI
    from ..ingest import count_failures, skip_lines

    published = checked_published(published)
    sources, bad_lines = sources_of(paths, urls)
    settings = web_settings(Settings(model=model, db=str(db)), timeout=timeout, retries=retries)
    if max_bytes:
        settings = replace(settings, max_bytes=max_bytes)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as bar:
        task = bar.add_task("extracting", total=0)
        pages = bar.add_task("PDF pages", total=0, visible=False)

        def progress(event: str, n: int) -> None:
            if event in ("read", "skipped"):
                bar.update(task, total=(bar.tasks[0].total or 0) + n)
            if event in ("done", "skipped"):
                bar.advance(task, n)
            if event == "pages":   # a PDF opened: its pages are counted as they are read
                bar.update(pages, total=(bar.tasks[1].total or 0) + n, visible=True)
            if event == "page":
                bar.advance(pages, n)

        summary = ingest_paths(sources, db=db, engine=engine.value, settings=settings, published=published,
                               processes=processes, ray_address=ray_address, force=force, progress=progress)
    summary.skipped[:0] = bad_lines
    for line in skip_lines(summary.skipped):
        err_console.print(line, markup=False, highlight=False)
    words_per_s = summary.words / summary.seconds if summary.seconds else 0
    err_console.print(
        f"{summary.read} read ({summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged), "
        f"{count_failures(summary.skipped)} skipped, {summary.records} records stored in {db} "
        f"in {summary.seconds:.1f} s ({words_per_s:,.0f} words/s)",
        markup=False, highlight=False)
    raise typer.Exit(summary.exit_code)
