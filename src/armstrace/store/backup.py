"""One file you can copy: checkpoints after writes, and a consistent copy with SQLite's backup API.

The database runs in WAL mode: a commit lands in `<db>-wal` first and reaches
the main file at a checkpoint. A review written while the server runs would
otherwise sit in the `-wal` file, and a copy of the `.db` alone would not have
it. So a review's commit is followed by a checkpoint (`checkpoint`), the server
checkpoints when it shuts down, and `backup` writes a copy that is complete
whatever the server is doing: SQLite's online backup API reads one consistent
state, WAL included, and the copy is a single file (journal mode DELETE).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import UsageError
from .database import BUSY_TIMEOUT_MS, Store


def checkpoint(store: Store) -> bool:
    """Copy every committed page of the `-wal` file into the main file; True when all of them went in.

    PASSIVE: it never waits for, nor blocks, a reader or writer. A reader in the
    middle of a long read keeps the last pages in the WAL (False); the next
    checkpoint copies them.
    """
    if store.readonly:
        return False
    with store._lock:
        busy, wal_pages, copied = store._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return int(busy) == 0 and int(wal_pages) == int(copied)


def backup(db: str | Path, out: str | Path) -> int:
    """A consistent copy of the database `db` at `out` (a single file, no `-wal`); returns its size in bytes.

    Written to a temporary file beside `out`, then renamed: `out` is whole or untouched.
    """
    source, target = Path(db), Path(out)
    if not source.is_file():
        raise UsageError(f"{source}: no such database")
    if target.exists() and target.resolve() == source.resolve():
        raise UsageError(f"{target}: is the database itself; give another file name with --out")
    if target.is_dir():
        raise UsageError(f"{target}: is a folder; give a file name, e.g. {target / 'armstrace-backup.db'}")
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such folder")
    temp = target.with_name(f".{target.name}.part")
    temp.unlink(missing_ok=True)
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dst = sqlite3.connect(temp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")   # the copy is one file, whatever the source's mode
        finally:
            dst.close()
        os.replace(temp, target)
    except sqlite3.Error as exc:
        temp.unlink(missing_ok=True)
        raise UsageError(f"{source}: cannot copy to {target} ({exc})") from exc
    finally:
        src.close()
    return target.stat().st_size
