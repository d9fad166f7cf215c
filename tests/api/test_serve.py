"""`armstrace serve`: help, README line, and a real server process answering over HTTP."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrace.cli import app


def test_cli_serve_has_help_with_example():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert (result.exit_code, "Example: armstrace serve" in " ".join(result.output.split())) == (0, True)


def test_cli_serve_is_in_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "| `armstrace serve` |" in readme


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_cli_serve_process_prints_its_url_and_answers(db, world):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "armstrace", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        health = None
        while health is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as response:
                    health = json.loads(response.read())
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    assert (health and health["records"], f"http://127.0.0.1:{port}/" in stderr) == (5, True)
