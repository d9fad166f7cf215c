"""The Ray engine: extraction on Ray Data actors, storage by the driver.

Same contract as `engines.local` (`extract_stream`, `ingest_paths`,
`extract_paths`), and the same records: each actor loads the spaCy pipeline
once and runs `engines.local.extract_docs`, the one extraction loop. Reading,
content hashes, skips and the store are `engines.driver`'s, in this process:

1. the driver reads the files (workers need not see them), skips unchanged
   documents, and hands the rest to Ray Data in windows of `window` articles,
   so its memory holds one window of text, not the corpus;
2. each window is one Dataset: `from_items` -> `map_batches(Extractor)` on an
   actor pool of `workers` actors, one CPU each, results in input order;
3. the driver stores each document's records as they come back (one writer).

Where it runs (`address`, `--ray-address`, `ARMSTRACE_RAY_ADDRESS`): None or
"local" starts a private Ray on this machine (`num_cpus` = the workers, or
every core) and stops it at the end; "auto" joins the cluster `ray start`
runs on this machine; "HOST:6379" a cluster's head, "ray://HOST:10001" a
remote cluster through Ray Client. Every worker node needs armstrace and the
spaCy model installed, at the driver's versions. If this process has started
Ray already (a notebook, a test), the engine uses it and leaves it running.

Ray is imported only when this engine runs: the CLI does not pay for it.
"""
from __future__ import annotations

import json
import logging
import math
import os
import re
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import EngineUnavailable, ModelNotInstalled, UsageError
from ..ingest import Skipped
from ..nlp import load_pipeline
from ..records import Article, Record
from ..settings import Settings
from .driver import IngestSummary, Progress, Result, extract_with, ingest_with
from .local import extract_docs

__all__ = ["ACTOR_SHARE", "WINDOW", "Extractor", "extract_paths", "extract_stream", "ingest_paths", "ray_session"]

# Articles per Dataset. Each window starts its actors afresh, one model load per
# actor (~1 s for the sm model, several on a loaded machine): a window gives each
# actor at least ACTOR_SHARE articles (~40 s of work), so the loads stay a few per
# cent however many actors run: 1,000 articles on up to 10 actors, 10,000 on 100.
WINDOW = 1_000
ACTOR_SHARE = 100
# Articles per map_batches call (and per block): small enough that a window
# spreads over every actor, large enough that nlp.pipe batches fill.
BATCH = 8

# Set before Ray starts, unless the user set them: no usage reports sent out,
# no token written to ~/.ray/auth_token; Ray's C++ core logs only fatal errors to
# the terminal (it logs a harmless warning per actor pool, ray-project/ray#53727;
# its log files under /tmp/ray keep everything).
RAY_ENVIRONMENT = {
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_AUTH_MODE": "disabled",
    "RAY_BACKEND_LOG_LEVEL": "fatal",
}


def _import_ray() -> ModuleType:
    """The ray module, or a one-line EngineUnavailable that says how to install it."""
    for name, value in RAY_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise EngineUnavailable(
            "the ray engine needs Ray, which is not installed: pip install 'armstrace[ray]' (or use --engine local)"
        ) from exc
    return ray


def _is_local(address: str | None) -> bool:
    return address is None or address.strip() in ("", "local")


@contextmanager
def ray_session(address: str | None = None, *, num_cpus: int | None = None) -> Iterator[ModuleType]:
    """Ray for the length of the block: joined if it runs in this process already, else started or connected, then stopped.

    Args:
        address: None or "local" for a private Ray on this machine; else a cluster (see the module docstring).
        num_cpus: CPUs of a private local Ray (default: every core); ignored for a cluster, which has its own.
    """
    ray = _import_ray()
    if ray.is_initialized():
        yield ray
        return
    # Ray's own INFO lines ("Started a local Ray instance") would mix with our progress on stderr.
    options: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
    if not _is_local(address):
        _check_reachable(str(address))
    try:
        if _is_local(address):
            # address="local": a new instance even if a `ray start` cluster runs here (RAY_ADDRESS too).
            ray.init(address="local", num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False, **options)
        else:
            ray.init(address=address, **options)
    except Exception as exc:  # Ray raises ConnectionError, ValueError or RuntimeError here
        where = "a local Ray" if _is_local(address) else f"the Ray cluster at {address!r}"
        fix = ("check the address (e.g. auto, HOST:6379 or ray://HOST:10001) or leave --ray-address out "
               "to run Ray on this machine") if not _is_local(address) else "see /tmp/ray/session_latest/logs"
        raise EngineUnavailable(f"cannot start {where}: {_first_line(exc)} ({fix})") from exc
    try:
        yield ray
    finally:
        ray.shutdown()


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """EngineUnavailable at once when HOST:PORT does not answer; Ray itself would retry for minutes."""
    hostport = address.removeprefix("ray://").rsplit("/", 1)[0]
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        return   # "auto", or a form Ray resolves itself
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            pass
    except OSError as exc:
        raise EngineUnavailable(
            f"cannot reach the Ray cluster at {address!r}: {exc.strerror or exc} (is `ray start --head` running "
            "there? check --ray-address or ARMSTRACE_RAY_ADDRESS, or leave it out to run Ray on this machine)"
        ) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def _root_cause(exc: BaseException) -> str:
    """What a Ray error wraps, in one line: the last line of the remote traceback ("ModelNotInstalled: ...")."""
    lines = [line for line in str(exc).splitlines() if line.strip() and not line.startswith((" ", "\t"))]
    last = lines[-1] if lines else ""
    if not re.match(r"^[\w.]+: ", last):
        return _first_line(exc)
    name, message = last.split(": ", 1)
    return f"{name.rsplit('.', 1)[-1]}: {message}"


def check_model(model: str) -> None:
    """ModelNotInstalled unless `model` is an installed package or a path, checked before any actor starts.

    Otherwise each actor would fail to load it and Ray restart it, again and again.
    """
    import spacy.util

    if model.startswith("blank:") or spacy.util.is_package(model) or Path(model).exists():
        return
    raise ModelNotInstalled(f"spaCy model {model!r} is not installed (run `make install`, or pip install it and "
                            "pass --model / set ARMSTRACE_MODEL; with --engine ray every node needs it)")


def encode_result(result: list[Record] | Skipped) -> str:
    """An extraction result as JSON, to travel from an actor to the driver through Arrow."""
    if isinstance(result, Skipped):
        return json.dumps({"skipped": [result.source, result.reason]}, ensure_ascii=False)
    return json.dumps({"records": [r.model_dump(mode="json") for r in result]}, ensure_ascii=False)


def decode_result(text: str) -> list[Record] | Skipped:
    """The result `encode_result` wrote, as the driver stores it."""
    data = json.loads(text)
    if "skipped" in data:
        source, reason = data["skipped"]
        return Skipped(source, reason)
    return [Record.model_validate(r) for r in data["records"]]


class Extractor:
    """A Ray Data actor: the pipeline loaded once, then batches of articles (JSON) to results (JSON)."""

    def __init__(self, model: str) -> None:
        self.nlp = load_pipeline(model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """{"index", "article"} columns in, {"index", "result"} out, row for row."""
        import numpy as np

        articles = [Article.model_validate_json(text) for text in batch["article"]]
        position = {id(article): n for n, article in enumerate(articles)}
        results: list[str] = [""] * len(articles)
        for article, result in extract_docs(self.nlp, articles):
            results[position[id(article)]] = encode_result(result)
        return {"index": batch["index"], "result": np.array(results, dtype=object)}


@contextmanager
def _data_context(ray: ModuleType) -> Iterator[None]:
    """Ray Data quiet (our CLI shows progress) and in input order, restored afterwards."""
    ctx = ray.data.DataContext.get_current()
    saved = (ctx.enable_progress_bars, ctx.print_on_execution_start, ctx.execution_options.preserve_order)
    # Ray Data logs each run at INFO ("execution finished in 4.95 seconds"); its
    # progress module warns only that progress bars are off.
    levels = {"ray.data": logging.WARNING, "ray.data._internal.progress": logging.ERROR}
    saved_levels = {name: logging.getLogger(name).level for name in levels}
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    # In input order: `armstrace extract` writes what the local engine writes, line for line.
    ctx.execution_options.preserve_order = True
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    try:
        yield
    finally:
        ctx.enable_progress_bars, ctx.print_on_execution_start, ctx.execution_options.preserve_order = saved
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


def _workers(ray: ModuleType, workers: int | None) -> int:
    """Actors to run: `workers`, or one per CPU of the cluster; more than it has would wait forever."""
    cpus = int(ray.cluster_resources().get("CPU", 0))
    if workers is None:
        return max(1, cpus)
    if workers < 1:
        raise UsageError(f"workers {workers}: must be 1 or more")
    if workers > cpus:
        raise UsageError(f"{workers} Ray workers asked for, but the Ray cluster has {cpus} CPUs "
                         f"(use --processes {max(1, cpus)} or fewer, or add nodes)")
    return workers


def _run_window(ray: ModuleType, articles: list[Article], model: str, workers: int) -> Iterator[Result]:
    """Extract one window of articles on an actor pool; results in input order."""
    rows = [{"index": n, "article": a.model_dump_json()} for n, a in enumerate(articles)]
    pool = min(workers, math.ceil(len(rows) / BATCH))   # no idle actor loading a model for nothing
    with _data_context(ray):
        dataset = ray.data.from_items(rows, override_num_blocks=math.ceil(len(rows) / BATCH)).map_batches(
            Extractor, fn_constructor_kwargs={"model": model}, batch_size=BATCH, batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=pool), num_cpus=1)
        try:
            for row in dataset.iter_rows():
                yield articles[int(row["index"])], decode_result(str(row["result"]))
        except ray.exceptions.RayError as exc:
            raise EngineUnavailable(f"Ray extraction failed: {_root_cause(exc)} (every worker node needs "
                                    f"armstrace and the spaCy model {model!r} installed)") from exc


def window_size(window: int | None, actors: int) -> int:
    """Articles per Dataset: `window` if given, else WINDOW or ACTOR_SHARE per actor, whichever is more."""
    return window or max(WINDOW, actors * ACTOR_SHARE)


def extract_stream(articles: Iterable[Article], model: str, *, workers: int | None = None,
                   address: str | None = None, window: int | None = None) -> Iterator[Result]:
    """(article, records) for each article, or (article, Skipped) when extraction fails on it, extracted on Ray.

    Args:
        workers: actors, one CPU each (default: one per CPU of the cluster).
        address: where Ray runs (see the module docstring); None starts a private local Ray.
        window: articles per Dataset (default: WINDOW, or ACTOR_SHARE per actor when that is more).
    """
    source = iter(articles)
    chunk = list(islice(source, window or WINDOW))
    if not chunk:
        return   # nothing new to extract (a re-run): no Ray started
    check_model(model)
    with ray_session(address, num_cpus=workers) as ray:
        size = _workers(ray, workers)
        span = window_size(window, size)
        chunk += islice(source, span - len(chunk))
        while chunk:
            yield from _run_window(ray, chunk, model, size)
            chunk = list(islice(source, span))


def ingest_paths(paths: Iterable[str | Path], *, db: str | Path, settings: Settings | None = None,
                 published: str | None = None, workers: int | None = None, address: str | None = None,
                 force: bool = False, progress: Progress | None = None,
                 window: int | None = None) -> IngestSummary:
    """Ingest files and folders into `db`, extracting on Ray; as `engines.local.ingest_paths` otherwise.

    `address` defaults to the settings' `ray_address` (ARMSTRACE_RAY_ADDRESS).
    """
    settings = settings or Settings()
    where = address if address is not None else settings.ray_address

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        return extract_stream(articles, settings.model, workers=workers, address=where, window=window)

    return ingest_with(extract, paths, db=db, settings=settings, published=published, force=force,
                       progress=progress)


def extract_paths(paths: Iterable[str | Path], *, settings: Settings | None = None,
                  published: str | None = None, skipped: list[Skipped] | None = None,
                  workers: int | None = None, address: str | None = None,
                  window: int | None = None) -> Iterator[Record]:
    """Records from files without a database, extracted on Ray (for `armstrace extract --engine ray`)."""
    settings = settings or Settings()
    where = address if address is not None else settings.ray_address

    def extract(articles: Iterable[Article]) -> Iterator[Result]:
        return extract_stream(articles, settings.model, workers=workers, address=where, window=window)

    return extract_with(extract, paths, settings=settings, published=published, skipped=skipped)
