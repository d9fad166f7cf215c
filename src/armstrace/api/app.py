"""create_app(): the FastAPI application over one database file."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from ..store import Store
from ..version import __version__
from . import documents, health, network, records, reviews, timeline, weapons
from .analysis_routes import include_analysis_routes
from .dashboard import mount_dashboard
from .errors import install_error_handlers

DESCRIPTION = (
    "Claim-level records of arms transfers, uses, production, training and sanctions, "
    "each with its evidence sentence. Every error is `{\"error\": \"...\", \"status\": N}`."
)


def create_app(db: str | Path) -> FastAPI:
    """The API and dashboard over the database at `db` (created and migrated if needed).

    The Store opens at start-up and closes at shutdown; it is opened for
    writing because reviews are written to it.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store(db)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="armstrace", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    install_error_handlers(app)
    for module in (health, documents, records, reviews, network, weapons, timeline):
        app.include_router(module.router)
    app.state.analysis = include_analysis_routes(app)
    mount_dashboard(app)
    return app
