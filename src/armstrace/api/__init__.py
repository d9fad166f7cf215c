"""The armstrace JSON API and dashboard: FastAPI, thin over `armstrace.store`.

    from armstrace.api import create_app
    app = create_app("armstrace.db")     # uvicorn.run(app), or `armstrace serve`

One module per resource; every error, whatever its cause, is
`{"error": "...", "status": N}` (see `errors.py`). Around everything, `guard.py`
checks Host, Origin and body size and adds the security headers; writes are
signed by a token (`tokens.py`); `openapi.py` documents every status code.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
