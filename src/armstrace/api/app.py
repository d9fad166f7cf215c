"""create_app(): the FastAPI application over one database file."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from ..store import Store
from ..version import __version__
from . import documents, events, health, meta, network, records, reviews, timeline, weapons
from .dashboard import mount_dashboard
from .errors import install_error_handlers

DESCRIPTION = (
    "Claim-level records of arms transfers, uses, production, training and sanctions, "
    "each with its evidence sentence. Every error is `{\"error\": \"...\", \"status\": N}`."
)


def create_app(db: str | Path) -> FastAPI:
    """The API and dashboard over the database at `db` (created and migrated if needed).

    Two Stores open at start-up and close at shutdown: a writable one, only
    for recording reviews, and a read-only one for every GET, so that reading
    can never change the database (events pending clustering are reported as
    `events_pending`, not clustered inside a request).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.writer = Store(db)
        try:
            app.state.store = Store(db, readonly=True)
        except BaseException:
            app.state.writer.close()
            raise
        try:
            yield
        finally:
            app.state.store.close()
            app.state.writer.close()

    app = FastAPI(title="armstrace", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    install_error_handlers(app)
    for module in (health, meta, documents, records, reviews, network, weapons, timeline, events):
        app.include_router(module.router)
    mount_dashboard(app)
    return app
