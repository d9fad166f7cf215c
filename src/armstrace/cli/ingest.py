"""`armstrace ingest`: files and folders into the database."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..engines.local import ingest_paths
from ..settings import Settings
from .app import DbOption, MaxBytesOption, ModelOption, PublishedOption, app, err_console


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files (.txt, .html, .jsonl) or folders (recursive)."),
    db: Path = DbOption,
    model: str = ModelOption,
    published: str | None = PublishedOption,
    max_bytes: int | None = MaxBytesOption,
    processes: int = typer.Option(1, "--processes", min=1, help="spaCy worker processes."),
    force: bool = typer.Option(False, "--force", help="Re-extract unchanged documents too (after an upgrade)."),
) -> None:
    """Ingest articles: extract claim records and store them (idempotent).

    Example: armstrace ingest corpus/ --db events.db
    """
    settings = Settings(model=model, db=str(db),
                        **({"max_bytes": max_bytes} if max_bytes else {}))
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as bar:
        task = bar.add_task("extracting", total=0)

        def progress(event: str, n: int) -> None:
            if event in ("read", "skipped"):
                bar.update(task, total=(bar.tasks[0].total or 0) + n)
            if event in ("done", "skipped"):
                bar.advance(task, n)

        summary = ingest_paths(paths, db=db, settings=settings, published=published, n_process=processes,
                               force=force, progress=progress)
    for skip in summary.skipped:
        err_console.print(f"skipped {skip}", markup=False, highlight=False)
    words_per_s = summary.words / summary.seconds if summary.seconds else 0
    err_console.print(
        f"{summary.read} read ({summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged), "
        f"{len(summary.skipped)} skipped, {summary.records} records stored in {db} "
        f"in {summary.seconds:.1f} s ({words_per_s:,.0f} words/s)",
        markup=False, highlight=False)
    raise typer.Exit(summary.exit_code)
