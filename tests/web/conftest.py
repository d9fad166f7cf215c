"""Browser fixtures: Playwright driving Debian's Chromium (never a downloaded browser).

`make test` installs Chromium with apt (`make chromium`); a missing browser
fails these tests rather than skipping them, since a skip would hide exactly
the failure CI is for.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from armstrace.analysis import ensure_events
from armstrace.store import Store

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Temp XDG config and cache folders, so Chromium leaves ~/.config and ~/.cache alone."""
    home = tmp_path_factory.mktemp("chromium-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CONFIG_HOME", str(home / "config"))
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        yield home


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, browser_home: Path) -> dict:
    """pytest-playwright's launch arguments, pointed at Debian's Chromium."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install -y chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"],
        "env": {**os.environ, "XDG_CONFIG_HOME": str(browser_home / "config"),
                "XDG_CACHE_HOME": str(browser_home / "cache")},
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """A viewport wide enough for the four panels side by side."""
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


@pytest.fixture
def screenshot(page, request: pytest.FixtureRequest):
    """screenshot(name): save the page to test-artifacts/<test>-<name>.png (gitignored)."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{name}.png".replace("/", "_")
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def world(world: dict, db: Path) -> dict:
    """tests/conftest.py's world, then `ensure_events`, as ingest leaves a database (GETs never cluster)."""
    with Store(db) as store:
        ensure_events(store)
    return world


@pytest.fixture
def dashboard(page, api_server, world):
    """The dashboard over the hand-built world, loaded and drawn; returns the LiveServer."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(api_server.url + "/")
    page.wait_for_selector("body[data-ready='true']", state="attached")
    api_server.page_errors = errors
    return api_server
