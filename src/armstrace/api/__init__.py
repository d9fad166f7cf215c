"""The armstrace JSON API and dashboard: FastAPI, thin over `armstrace.store`.

    from armstrace.api import create_app
    app = create_app("armstrace.db")     # uvicorn.run(app), or `armstrace serve`

One module per resource; every error, whatever its cause, is
`{"error": "...", "status": N}` (see `errors.py`).
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
