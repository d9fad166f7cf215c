"""Engines run ingest -> extract -> store over a batch: locally, or on Ray.

`local` (`engines/local.py`) parses in this process, or in `nlp.pipe` worker
processes; `ray` (`engines/ray.py`) on Ray Data actors, on this machine or a
cluster. Both read, skip and store through `engines/driver.py` and extract
with the same loop, so they give the same records. Each engine is imported
when it is chosen: Ray only for `engine="ray"`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, get_args

from ..errors import UsageError
from ..ingest import Skipped
from ..records import Record
from ..settings import Settings
from .driver import IngestSummary, Progress

EngineName = Literal["local", "ray"]
ENGINES: tuple[str, ...] = get_args(EngineName)

__all__ = ["ENGINES", "EngineName", "IngestSummary", "extract_paths", "ingest_paths"]


def _check(engine: str) -> None:
    if engine not in ENGINES:
        raise UsageError(f"engine {engine!r}: unknown (use one of {', '.join(ENGINES)})")


def ingest_paths(paths: Iterable[str | Path], *, db: str | Path, engine: str = "local",
                 settings: Settings | None = None, published: str | None = None, processes: int | None = None,
                 ray_address: str | None = None, force: bool = False,
                 progress: Progress | None = None) -> IngestSummary:
    """Ingest files and folders into `db` with `engine`.

    Args:
        processes: local: worker processes (default one per core); ray: actors (default one per CPU of the cluster).
        ray_address: ray only: where Ray runs (default the settings', else a private local Ray).
    """
    _check(engine)
    if engine == "ray":
        from . import ray

        return ray.ingest_paths(paths, db=db, settings=settings, published=published, workers=processes,
                                address=ray_address, force=force, progress=progress)
    from . import local

    return local.ingest_paths(paths, db=db, settings=settings, published=published, n_process=processes,
                              force=force, progress=progress)


def extract_paths(paths: Iterable[str | Path], *, engine: str = "local", settings: Settings | None = None,
                  published: str | None = None, skipped: list[Skipped] | None = None,
                  processes: int | None = None, ray_address: str | None = None) -> Iterator[Record]:
    """Records from files without a database, extracted with `engine`; see `ingest_paths` for the options."""
    _check(engine)
    if engine == "ray":
        from . import ray

        return ray.extract_paths(paths, settings=settings, published=published, skipped=skipped,
                                 workers=processes, address=ray_address)
    from . import local

    return local.extract_paths(paths, settings=settings, published=published, skipped=skipped,
                               n_process=processes)
