"""The dashboard at `/` and its static files, plus Swagger UI at /docs served from the package.

Everything is local: the JavaScript libraries are vendored into
`armstrace/web/static/vendor/` by `make vendor`, so the dashboard and /docs
work offline. Every response carries a Content-Security-Policy that allows
scripts and styles from this server only, no inline ones (`guard.py`); the
dashboard escapes article text anyway (textContent everywhere), the policy is
a second wall.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(str(files("armstrace.web")))


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard page, its static files and the offline API docs."""
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "templates" / "index.html", media_type="text/html",
                            headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        # FastAPI's own Swagger page starts the UI from an inline script, which the CSP blocks.
        return FileResponse(WEB / "templates" / "docs.html", media_type="text/html",
                            headers={"Cache-Control": "no-cache"})
