"""Events, contradictions and regimes: served only when `armstrace.analysis` is installed.

The analysis package (issue 5) is built separately; importing it lazily keeps
the API working without it, and /api/health tells the dashboard which views
it can show.
"""
from __future__ import annotations

import importlib.util

from fastapi import FastAPI

from ..errors import NotFound
from ..store import Store


def analysis_available() -> bool:
    """True when the `armstrace.analysis` package can be imported."""
    try:
        return importlib.util.find_spec("armstrace.analysis") is not None
    except (ImportError, ValueError):
        return False


def include_analysis_routes(app: FastAPI) -> bool:
    """Add the event routes when the analysis package exists; False when it does not."""
    if not analysis_available():
        return False
    from . import events

    app.include_router(events.router)
    return True


def event_id_of(store: Store, record_id: str) -> str | None:
    """The id of the event a record belongs to; None without the analysis package or an event."""
    if not analysis_available():
        return None
    from ..analysis import event_of_record
    from .events import fresh

    try:
        return event_of_record(fresh(store), record_id)
    except NotFound:
        return None
