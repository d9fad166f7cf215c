"""create_app(): the FastAPI application over one database file."""
from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.types import ASGIApp

from ..resolve import actor_label, weapon_label
from ..store import Store
from ..store.backup import checkpoint
from ..version import __version__
from . import documents, downloads, events, health, meta, names, network, records, reviews, timeline, weapons
from .dashboard import mount_dashboard
from .errors import install_error_handlers
from .guard import DEFAULT_MAX_BODY_BYTES, LOOPBACK_HOSTS, Guard
from .openapi import document_errors

DESCRIPTION = (
    "Claim-level records of arms transfers, uses, production, training and sanctions, "
    "each with its evidence sentence. Every error is `{\"error\": \"...\", \"status\": N}`."
)


class GuardedAPI(FastAPI):
    """FastAPI with the Guard outside everything, error handling included (see guard.py)."""

    guard_options: dict[str, object]

    def build_middleware_stack(self) -> ASGIApp:
        return Guard(super().build_middleware_stack(), **self.guard_options)  # type: ignore[arg-type]


def _settle() -> None:
    """Load the name tables, then set everything loaded so far aside from Python's cyclic garbage collector.

    A full collection walks every object the collector tracks: with the gazetteers and the app loaded
    (~80,000 objects) one took ~70 ms, and the answers that build many objects (the network at 10,000
    articles) set one off every few requests: their p95 was 110 ms for a p50 of 33 (issue 15). Objects
    frozen at start-up are skipped (`gc.freeze`); they live as long as the app anyway.
    """
    actor_label("RUS")
    weapon_label("shahed-136")
    gc.collect()
    gc.freeze()


def create_app(db: str | Path, *, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, require_token: bool = False) -> FastAPI:
    """The API and dashboard over the database at `db` (created and migrated if needed).

    Requests must name one of `allowed_hosts` in their Host header ("*" allows
    any) and send at most `max_body_bytes` of body. With `require_token`,
    every write needs a token from `<db>.tokens` (tokens.py); `armstrace serve`
    sets it whenever it binds anything but loopback.

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
        _settle()
        try:
            yield
        finally:
            gc.unfreeze()
            app.state.store.close()
            checkpoint(app.state.writer)   # reviews into the main file (each review already did: belt and braces)
            app.state.writer.close()

    app = GuardedAPI(title="armstrace", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                     docs_url=None, redoc_url=None)
    app.guard_options = {"allowed_hosts": tuple(allowed_hosts), "max_body_bytes": max_body_bytes}
    app.state.db_path = Path(db)
    app.state.require_token = require_token
    install_error_handlers(app)
    for module in (health, meta, documents, records, reviews, network, weapons, timeline, events, names,
                   downloads):
        app.include_router(module.router)
    mount_dashboard(app)
    document_errors(app)
    return app
