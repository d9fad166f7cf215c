"""The one place analysis reaches into the Store's connection.

`Store` exposes records and documents but no transaction of its own for other
tables; analysis keeps derived tables (events, memberships, signatures) in
the same file so that they cascade with the records they explain. Going
through the Store's own lock and transaction helper keeps one writer and one
connection, as the Store's docstring promises.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..store import Store


@contextmanager
def write(store: Store) -> Iterator[sqlite3.Connection]:
    """One write transaction on the store's connection (committed on success)."""
    with store._write() as conn:
        yield conn


def query(store: Store, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
    """Rows of a read-only query on the store's connection."""
    return store._query(sql, params)


def chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    """`items` in slices small enough for SQLite's parameter limit (32,766 since 3.32; 999 before)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
