"""`armstrace serve`: the JSON API and the dashboard over one database."""
from __future__ import annotations

from pathlib import Path

import typer

from .app import DbOption, app, err_console


@app.command()
def serve(
    db: Path = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for every one)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the dashboard at / and the JSON API under /api (OpenAPI docs at /docs).

    Example: armstrace serve --db armstrace.db --port 8000
    """
    import uvicorn  # imported here: the other commands should not pay for the web stack

    from ..api import create_app

    if not db.is_file():
        err_console.print(f"note: {db} does not exist yet; serving an empty database "
                          "(fill it with `armstrace ingest`)", markup=False, highlight=False)
    url_host = "127.0.0.1" if host == "0.0.0.0" else host
    err_console.print(f"armstrace dashboard: http://{url_host}:{port}/  (API docs: /docs; Ctrl-C stops)",
                      markup=False, highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
