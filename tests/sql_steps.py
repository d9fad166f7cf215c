"""How much work SQLite does for a read: its virtual-machine steps, counted in tens.

Tests compare the steps of the same read on a small and a big database to show
what its cost grows with (the page, the graph, the block), where timing it
would be noise.
"""
from __future__ import annotations

from collections.abc import Callable

from armstrace.store import Store


def sql_steps(store: Store, read: Callable[[], object]) -> int:
    """Steps (in tens) SQLite runs on the store's connection while `read()` runs."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    store._conn.set_progress_handler(count, 10)
    try:
        read()
    finally:
        store._conn.set_progress_handler(None, 0)
    return steps[0]
