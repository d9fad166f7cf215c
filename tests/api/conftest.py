"""API fixtures: the hand-built world with its events clustered, as ingest leaves a database."""
from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.analysis import ensure_events
from armstrace.store import Store


@pytest.fixture
def world(world: dict, db: Path) -> dict:
    """tests/conftest.py's world, then `ensure_events` (the API never clusters inside a GET)."""
    with Store(db) as store:
        ensure_events(store)
    return world

