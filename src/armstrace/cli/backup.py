"""`armstrace backup`: a consistent single-file copy of the database, safe while the server runs."""
from __future__ import annotations

from pathlib import Path

import typer

from ..store.backup import backup as backup_database
from .app import DbOption, app, err_console


@app.command()
def backup(
    out: Path = typer.Option(..., "--out", "-o", help="The copy to write (replaced whole when done)."),
    db: Path = DbOption,
) -> None:
    """Copy the database, reviews included, into one file with SQLite's backup API.

    Safe while `armstrace serve` or an ingest runs: the copy is one consistent state.

    Example: armstrace backup --db events.db --out events-2026-12-03.db
    """
    size = backup_database(db, out)
    err_console.print(f"{db} copied to {out} ({size:,} bytes)", markup=False, highlight=False)
