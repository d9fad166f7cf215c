"""The Ray engine against a real Ray cluster that this test starts (`ray start --head`), as a user runs it.

The cluster runs on 127.0.0.1 with 2 CPUs and its own temp dir; `armstrace
ingest --engine ray --ray-address 127.0.0.1:PORT` joins it from another
process (the driver), which alone writes the database. The cluster is stopped
by signalling the process group this test started, never `ray stop` (which
would stop every Ray on the machine).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from armstrace.engines import local
from armstrace.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.issue(15)]

ARTICLES = {
    "drones.txt": "Iran supplied Shahed-136 drones to Russia, the Pentagon said on Tuesday.\n\nIran denied that.\n",
    "shells.txt": "North Korea shipped artillery shells to Russia, South Korea's defence ministry said.\n",
    "tb2.txt": "Turkey sold Bayraktar TB2 drones to Poland.\n",
    "himars.txt": "The United States sent HIMARS launchers to Ukraine, the Pentagon said on Friday.\n",
}
RAY_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled", "PYTHONWARNINGS": "ignore"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[str, Path]]:
    """A one-node Ray cluster: `ray start --head --block` in its own process group, stopped by signalling that group."""
    ray_bin = Path(sys.executable).with_name("ray")
    if not ray_bin.exists():
        pytest.fail("the Ray tests need Ray: pip install -e '.[ray]' (make install does)")
    # Ray's socket paths must stay under 107 bytes: a short temp dir of our own.
    temp = Path(f"/tmp/armstrace-ray-{os.getpid()}")
    port = _free_port()
    env = {**os.environ, **RAY_ENV}
    proc = subprocess.Popen([str(ray_bin), "start", "--head", "--block", "--num-cpus", "2", "--node-ip-address",
                             "127.0.0.1", "--port", str(port), "--include-dashboard", "false", "--temp-dir", str(temp),
                             "--disable-usage-stats"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not _answers(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ray start --head did not come up on port {port} (logs in {temp})")
            time.sleep(0.5)
        yield f"127.0.0.1:{port}", temp
    finally:
        with_group = os.getpgid(proc.pid)
        os.killpg(with_group, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(with_group, signal.SIGKILL)
        time.sleep(1)
        with_group_left = subprocess.run(["pgrep", "-g", str(with_group)], capture_output=True, text=True,
                                         check=False).stdout.split()
        for pid in with_group_left:   # Ray's daemons of this cluster only (same process group)
            os.kill(int(pid), signal.SIGKILL)
        shutil.rmtree(temp, ignore_errors=True)


def _ingest(corpus: Path, db: Path, address: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "armstrace", "ingest", str(corpus), "--db", str(db), "--engine", "ray",
                           "--ray-address", address], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **RAY_ENV}, check=False)


def _stored(db: Path) -> dict[str, dict]:
    with Store(db, readonly=True) as store:
        return {rec.record_id: rec.to_json() for rec in store.records()}


def test_ingest_on_a_running_cluster_stores_the_local_records_and_twice_adds_nothing(cluster, tmp_path):
    address, temp = cluster
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    first = _ingest(corpus, tmp_path / "ray.db", address)
    assert first.returncode == 0, first.stderr
    assert "4 read (4 added" in first.stderr, first.stderr
    # The work ran on this cluster, not on a private Ray: its session logs a driver and the actors' workers.
    logs = [p.name for p in (temp / "session_latest" / "logs").iterdir()]
    assert any(name.startswith("python-core-driver") for name in logs), logs
    assert any(name.startswith("python-core-worker") for name in logs), logs
    local.ingest_paths([corpus], db=tmp_path / "local.db", n_process=1)
    stored = _stored(tmp_path / "ray.db")
    assert stored == _stored(tmp_path / "local.db") and len(stored) >= 4
    again = _ingest(corpus, tmp_path / "ray.db", address)
    assert again.returncode == 0 and "4 unchanged" in again.stderr, again.stderr
    assert _stored(tmp_path / "ray.db") == stored
