"""Extraction on worker processes: each parses its share with `nlp.pipe` and extracts the records itself.

Why not `nlp.pipe(n_process=N)` alone: it parallelises the parser only. Every
Doc comes back serialised to this process, which then rebuilds it and runs our
extraction serially; on two cores that left the parent the bottleneck. Here
each worker runs the whole of `extract_docs` on chunks of articles and sends
back records, which are small. Workers fork from this process after the model
is loaded (Linux), so they start at once and share its pages; where fork is
missing they load the model themselves.

Results come back in input order; at most two chunks per worker are in flight,
so memory holds a few dozen articles, not the corpus.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from spacy.language import Language

from ..errors import EngineUnavailable
from ..records import Article, Record
from .driver import Result

__all__ = ["CHUNK", "extract_in_workers"]

# Articles per task: one nlp.pipe batch. Small, so that the last tasks leave no worker idle for long (chunks
# of 16 left one of two workers idle for a seventh of a 100-article run); a task's own cost is a few pickles.
CHUNK = 4

# How often a worker looks whether its parent is still there (`_exit_with`).
ORPHAN_CHECK_S = 1.0

# This worker's pipeline ("nlp": inherited through fork, or loaded) and batch size ("batch").
_WORKER: dict[str, Any] = {}


def _start_worker(model: str, batch_size: int, parent: int) -> None:
    _WORKER["batch"] = batch_size
    threading.Thread(target=_exit_with, args=(parent,), name="armstrace-orphan-watch", daemon=True).start()
    if "nlp" not in _WORKER:
        from ..nlp import load_pipeline

        _WORKER["nlp"] = load_pipeline(model)


def _exit_with(parent: int) -> None:
    """End this worker when its parent (`parent`, this process's pid as the pool was made) is gone.

    A parent killed outright (kill -9, the OOM killer) cannot stop its pool, and a forked worker holds
    both ends of the task queue, so it would wait for a task forever, holding its copy of the model:
    20 killed ingests left 20 such processes behind.
    """
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_S)
    os._exit(1)


def _extract_chunk(articles: list[Article]) -> list[list[Record] | object]:
    """The results of one chunk, in order (records, or a Skipped)."""
    from .local import extract_docs

    return [result for _article, result in extract_docs(_WORKER["nlp"], articles, batch_size=_WORKER["batch"])]


def _context() -> mp.context.BaseContext:
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def extract_in_workers(nlp: Language, model: str, articles: Iterable[Article], *, processes: int,
                       batch_size: int) -> Iterator[Result]:
    """(article, result) for each article, extracted on `processes` workers, in input order.

    A stream of fewer than two chunks is extracted in this process: starting
    workers would cost more than it saves.
    """
    from .local import extract_docs

    source = iter(articles)
    head = list(islice(source, 2 * CHUNK))
    if len(head) < 2 * CHUNK:
        yield from extract_docs(nlp, head, batch_size=batch_size)
        return
    _WORKER["nlp"] = nlp   # what forked workers inherit
    chunks = _chunks(head, source)
    try:
        with ProcessPoolExecutor(processes, mp_context=_context(), initializer=_start_worker,
                                 initargs=(model, batch_size, os.getpid())) as pool:
            in_flight: deque[tuple[list[Article], Future]] = deque()
            for chunk in chunks:
                in_flight.append((chunk, pool.submit(_extract_chunk, chunk)))
                if len(in_flight) >= 2 * processes:
                    yield from _done(*in_flight.popleft())
            while in_flight:
                yield from _done(*in_flight.popleft())
    except BrokenProcessPool as exc:
        raise EngineUnavailable(f"an extraction worker process died ({exc}); what was stored so far stays: "
                                "run the ingest again (unchanged documents are skipped), or use --processes 1") from exc
    finally:
        _WORKER.pop("nlp", None)


def _chunks(head: list[Article], rest: Iterator[Article]) -> Iterator[list[Article]]:
    yield from (head[i:i + CHUNK] for i in range(0, len(head), CHUNK))
    while chunk := list(islice(rest, CHUNK)):
        yield chunk


def _done(chunk: list[Article], future: Future) -> Iterator[Result]:
    yield from zip(chunk, future.result(), strict=True)
