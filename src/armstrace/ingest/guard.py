"""One reader raising must cost one line naming its source, never the batch (and never what was read before it).

The readers return `Skipped` for every problem they know of; an exception is a
problem they did not foresee (a library raising on odd input). `guarded` turns
it into the Skipped of the source being read, so the next source is read.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .files import Skipped

T = TypeVar("T")


def failure(exc: Exception) -> str:
    """The reason of a Skipped for an unforeseen exception: its type and message on one line."""
    message = " ".join(str(exc).split())[:300]
    return f"reading failed ({type(exc).__name__}: {message})" if message else f"reading failed ({type(exc).__name__})"


def guarded(source: str, read: Callable[[], Iterable[T]]) -> Iterator[T | Skipped]:
    """What `read()` gives; if it raises, a Skipped naming `source` ends it (KeyboardInterrupt still stops)."""
    try:
        yield from read()
    except Exception as exc:  # noqa: BLE001  any reader bug: one line, and the batch goes on
        yield Skipped(source, failure(exc))
