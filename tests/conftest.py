"""Shared fixtures: the real spaCy pipeline (once per session), temp databases, paths."""
from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline: the configured spaCy model plus armstrace's components."""
    from armstrace.nlp import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A path for a fresh SQLite database file in a temporary folder."""
    return tmp_path / "armstrace.db"


@pytest.fixture(scope="session")
def dev_docs() -> Path:
    """The real dev pages (CI has ../shared)."""
    if not DEV_DOCS.is_dir():
        pytest.fail(f"{DEV_DOCS} is missing: the tests need ../shared/eval/dev/docs beside the checkout")
    return DEV_DOCS
