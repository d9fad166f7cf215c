"""Writing an export file whole or not at all: a temporary file beside it, renamed over it at the end."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import UsageError


def _cannot_write(path: Path, exc: OSError) -> UsageError:
    reason = exc.strerror or str(exc)
    return UsageError(f"{path}: cannot write the export ({reason}); give a file in a folder you can write to")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path in `path`'s folder to write to; renamed to `path` if the block succeeds, removed if not.

    A reader of `path` sees the old file or the whole new one, never half of one
    (`os.replace` is atomic within a file system). A folder, or a file whose
    folder is missing or read-only, is a one-line UsageError.
    """
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name for the export (e.g. {path / 'records.csv'})")
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    os.close(fd)
    temp = Path(name)
    os.chmod(temp, 0o666 & ~_umask())   # mkstemp makes it 0600; an export is an ordinary file
    try:
        yield temp
        os.replace(temp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    finally:
        temp.unlink(missing_ok=True)   # after a successful replace it is gone already
