"""The Ray engine: the local engine's records, idempotent, and one bad file costs only itself.

One Ray for the module (`ray_session`, 2 CPUs), started once and shut down at
the end; the engine joins it instead of starting its own.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.engines import local
from armstrace.engines import ray as ray_engine
from armstrace.errors import EngineUnavailable, ModelNotInstalled, UsageError
from armstrace.settings import Settings
from armstrace.store import Store

pytestmark = pytest.mark.slow

ARTICLES = {
    "drones.txt": "Iran supplied Shahed-136 drones to Russia, the Pentagon said on Tuesday.\n\nIran denied that.\n",
    "shells.txt": "North Korea shipped artillery shells to Russia, South Korea's defence ministry said.\n",
    "tb2.txt": "Turkey sold Bayraktar TB2 drones to Poland.\n",
    "kyiv.txt": "Russia launched Iranian-made drones at Kyiv overnight, Ukraine's air force said.\n",
}
WIRE = [
    {"id": "wire-1", "text": "The United States sent HIMARS launchers to Ukraine, the Pentagon said.",
     "published": "2022-06-24"},
    {"id": "wire-2", "text": "The EU sanctioned Iranian drone makers on Monday.", "published": "2022-12-12"},
]


@pytest.fixture(scope="module")
def ray_cluster():
    """A private local Ray for this module's tests."""
    with ray_engine.ray_session(num_cpus=2) as ray:
        yield ray


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "wire.jsonl").write_text("".join(json.dumps(a) + "\n" for a in WIRE), encoding="utf-8")
    return folder


def _stored(db: Path) -> dict[str, dict]:
    with Store(db, readonly=True) as store:
        return {rec.record_id: rec.to_json() for rec in store.records()}


def test_ray_engine_stores_the_records_of_the_local_engine(ray_cluster, corpus, tmp_path):
    here = local.ingest_paths([corpus], db=tmp_path / "local.db")
    there = ray_engine.ingest_paths([corpus], db=tmp_path / "ray.db")
    assert (there.read, there.added, there.records, there.skipped) == (here.read, here.added, here.records, [])
    assert _stored(tmp_path / "ray.db") == _stored(tmp_path / "local.db")   # same ids, every field the same
    assert len(_stored(tmp_path / "ray.db")) >= 6


def test_ray_engine_rerun_adds_nothing(ray_cluster, corpus, db):
    first = ray_engine.ingest_paths([corpus], db=db)
    before = _stored(db)
    again = ray_engine.ingest_paths([corpus], db=db)
    assert (again.read, again.unchanged, again.added, again.replaced, again.records) == (first.read, first.read, 0, 0, 0)
    assert _stored(db) == before


def test_ray_engine_bad_files_are_named_and_the_rest_stored(ray_cluster, corpus, db):
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)  # unreadable
    (corpus / "big.txt").write_text("Iran supplied drones to Russia. " * 40_000, encoding="utf-8")  # over the limit
    summary = ray_engine.ingest_paths([corpus], db=db)
    skipped = sorted(str(s) for s in summary.skipped)
    assert len(skipped) == 2, skipped
    assert "big.txt" in skipped[0] and "over the model's limit" in skipped[0]   # refused on a worker
    assert "binary.txt" in skipped[1]                                            # refused by the driver
    with Store(db, readonly=True) as store:
        assert {d.doc_id for d in store.documents()} == {"drones", "shells", "tb2", "kyiv", "wire-1", "wire-2"}
    assert summary.exit_code == 1


def test_ray_extract_writes_what_local_extract_writes(ray_cluster, corpus):
    here = [rec.to_json() for rec in local.extract_paths([corpus])]
    there = [rec.to_json() for rec in ray_engine.extract_paths([corpus], window=3)]   # two windows
    assert there == here and here


def test_ray_engine_from_the_command_line(ray_cluster, corpus, db):
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--engine", "ray"])
    assert result.exit_code == 0, result.output
    assert "6 read (6 added" in result.output
    again = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--engine", "ray"])
    assert "6 unchanged" in again.output


def test_ray_engine_more_workers_than_cpus_is_a_usage_error(ray_cluster, corpus, db):
    with pytest.raises(UsageError, match="3 Ray workers asked for, but the Ray cluster has 2 CPUs"):
        ray_engine.ingest_paths([corpus], db=db, workers=3)


def test_ray_engine_missing_model_fails_before_any_actor(ray_cluster, corpus, db):
    with pytest.raises(ModelNotInstalled, match="spaCy model 'no_such_model' is not installed"):
        ray_engine.ingest_paths([corpus], db=db, settings=Settings(model="no_such_model"))


def test_ray_engine_without_ray_says_how_to_install_it(monkeypatch, corpus, db):
    monkeypatch.setitem(sys.modules, "ray", None)   # what `import ray` meets where Ray is not installed
    with pytest.raises(EngineUnavailable, match=r"pip install 'armstrace\[ray\]' \(or use --engine local\)"):
        ray_engine.ingest_paths([corpus], db=db)


def test_ray_engine_unreachable_cluster_is_a_one_line_error(corpus, db):
    with socket.socket() as sock:   # a loopback port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "ARMSTRACE_RAY_ADDRESS": f"127.0.0.1:{port}"}
    proc = subprocess.run([sys.executable, "-m", "armstrace", "ingest", str(corpus), "--db", str(db),
                           "--engine", "ray"], capture_output=True, text=True, env=env, check=False, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cannot reach the Ray cluster at '127.0.0.1:{port}'" in lines[0], proc.stderr


@pytest.mark.issue(15)
def test_cli_ray_engine_without_ray_is_one_line_saying_how_to_install(corpus, db):
    code = ("import sys\nsys.modules['ray'] = None   # what `import ray` meets where Ray is not installed\n"
            "from armstrace.cli import main\nsys.argv = ['armstrace', *sys.argv[1:]]\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", code, "ingest", str(corpus), "--db", str(db), "--engine", "ray"],
                          capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "error: the ray engine needs Ray, which is not installed: pip install 'armstrace[ray]' (or use --engine local)"]


@pytest.mark.issue(15)
def test_ray_is_an_extra_and_not_a_dependency_of_a_plain_install():
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())["project"]
    assert not [dep for dep in project["dependencies"] if dep.lower().startswith("ray")]
    assert any(dep.startswith("ray[data]") for dep in project["optional-dependencies"]["ray"])


@pytest.mark.issue(15)
def test_windows_grow_with_the_actors_so_model_loads_stay_a_small_share():
    # 1,000 articles on 100 actors would give each 10 (seconds of work) for a model load of seconds.
    assert ray_engine.window_size(None, 2) == 1_000
    assert ray_engine.window_size(None, 100) == 100 * ray_engine.ACTOR_SHARE >= 10_000
    assert ray_engine.window_size(3, 100) == 3   # as asked
