"""The local engine: one document's failure never costs the rest of the batch."""
from __future__ import annotations

import os
from pathlib import Path

from armstrace.engines.local import ingest_paths
from armstrace.store import Store


def test_ingest_text_over_the_model_limit_is_skipped_alone(tmp_path: Path, db: Path):
    (tmp_path / "big.txt").write_text("Iran supplied drones to Russia. " * 40_000, encoding="utf-8")  # 1.28M chars
    (tmp_path / "ok.txt").write_text("Turkey sold Bayraktar TB2 drones to Poland.\n", encoding="utf-8")
    summary = ingest_paths([tmp_path], db=db)
    failures = [skip for skip in summary.skipped if not skip.unsupported]   # (the database's own files aside)
    assert (summary.added, len(failures)) == (1, 1)
    assert "big.txt" in str(failures[0]) and "over the model's limit" in str(failures[0])
    with Store(db, readonly=True) as store:
        assert [d.doc_id for d in store.documents()] == ["ok"]


def test_ingest_force_re_extracts_unchanged_documents(tmp_path: Path, db: Path):
    (tmp_path / "a.txt").write_text("Iran supplied drones to Russia.\n", encoding="utf-8")
    ingest_paths([tmp_path], db=db)
    assert ingest_paths([tmp_path], db=db).unchanged == 1
    again = ingest_paths([tmp_path], db=db, force=True)
    assert (again.unchanged, again.records) == (0, 1)


# -- workers (issue 15): every core by default, the same records as one process ---------------------------

import pytest  # noqa: E402

from armstrace.engines.local import default_processes, extract_docs, extract_paths  # noqa: E402
from armstrace.records import Article  # noqa: E402

SENTENCES = ["Turkey sold Bayraktar TB2 drones to Poland.", "Iran supplied Shahed-136 drones to Russia.",
             "North Korea shipped artillery shells to Russia, South Korea's defence ministry said.",
             "The United States sent HIMARS launchers to Ukraine, the Pentagon said."]


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(f"{SENTENCES[i % 4]}\n\nReport number {i}.\n", encoding="utf-8")
    return folder


@pytest.mark.issue(15)
@pytest.mark.slow
def test_two_workers_give_the_records_of_one_process_in_the_same_order(tmp_path: Path):
    folder = _folder(tmp_path, 70)   # more than two chunks: the workers run
    one = [r.to_json() for r in extract_paths([folder], n_process=1)]
    two = [r.to_json() for r in extract_paths([folder], n_process=2)]
    assert two == one and len(one) >= 70


@pytest.mark.issue(15)
@pytest.mark.slow
def test_with_workers_a_document_over_the_limit_is_skipped_alone(tmp_path: Path, db: Path):
    folder = _folder(tmp_path, 40)
    (folder / "a020.txt").write_text("Iran supplied drones to Russia. " * 40_000, encoding="utf-8")
    summary = ingest_paths([folder], db=db, n_process=2)
    assert (summary.added, len(summary.skipped)) == (39, 1)
    assert "a020.txt" in str(summary.skipped[0]) and "over the model's limit" in str(summary.skipped[0])


def test_default_is_one_worker_per_usable_core():
    import os

    assert default_processes() == len(os.sched_getaffinity(0))


@pytest.mark.issue(15)
def test_an_error_of_the_input_is_raised_not_taken_for_a_bad_document(nlp):
    def articles():
        yield Article(doc_id="a", text="Turkey sold drones to Poland.")
        raise OSError("the disk went away")

    got = []
    with pytest.raises(OSError, match="the disk went away"):
        for article, result in extract_docs(nlp, articles()):
            got.append((article.doc_id, isinstance(result, list)))
    assert got == [("a", True)]   # what was read before the error still comes out


def test_an_ingest_clusters_its_own_records_and_what_a_stopped_run_left(tmp_path: Path, db: Path, monkeypatch):
    """Each run clusters the records of the documents it stored, found by document; records an earlier
    run stored and never clustered (it stopped) are taken in too, even where a tool without foreign keys
    left memberships behind that hide them from the table sizes."""
    import sqlite3

    from armstrace.analysis import list_events, pending_updates
    from armstrace.analysis.pending import pending_exactly
    from armstrace.engines import driver

    texts = {"a": "China sold J-10C fighters to Pakistan in 2022, officials said. Turkey sold Bayraktar TB2 "
                  "drones to Poland in 2021. Russia delivered S-400 systems to India in 2021, officials said.",
             "b": "North Korea shipped artillery shells to Russia in 2023, the US said.",
             "c": "Iran supplied Shahed-136 drones to Russia in 2022, Ukraine said."}
    for name, text in texts.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
    ingest_paths([tmp_path / "a"], db=db, n_process=1)
    with sqlite3.connect(db) as conn:   # the sqlite3 shell's default: foreign keys off, memberships stay
        conn.execute("DELETE FROM records WHERE doc_id = 'a'")

    def stop(store, doc_ids=None):
        raise KeyboardInterrupt

    with monkeypatch.context() as stopped, pytest.raises(KeyboardInterrupt):   # stored, then stopped
        stopped.setattr(driver, "update_events", stop)
        ingest_paths([tmp_path / "b"], db=db, n_process=1)
    with Store(db, readonly=True) as store:
        assert (pending_updates(store), pending_exactly(store) > 0) == (0, True)   # the sizes cannot tell
    ingest_paths([tmp_path / "c"], db=db, n_process=1)
    with Store(db, readonly=True) as store:
        assert pending_exactly(store) == 0
        actors = {event.actor for event in list_events(store)}
    assert {"IRN", "PRK"} <= actors


def _children(pid: int) -> set[int]:
    """Live processes whose parent is `pid` (Linux /proc; a zombie counts as gone)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_workers_of_an_ingest_killed_outright_exit_with_it(tmp_path: Path):
    """kill -9 (or the OOM killer) cannot stop the worker pool: the workers notice and end, not wait forever
    with a copy of the model each."""
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"a{i:03d}.txt").write_text(f"Iran supplied {i} Shahed-136 drones to Russia in 2022, Ukraine "
                                              "said. Russia used them against Kyiv.", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "armstrace", "ingest", str(corpus), "--db",
                             str(tmp_path / "a.db"), "--processes", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, ("timed out" if proc.poll() is None else "the ingest ended") + " before " \
        "its workers were seen"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:   # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers still running 15 s after their parent was killed: {left}"
