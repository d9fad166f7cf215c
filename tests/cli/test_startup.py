"""Start-up cost: commands that parse no text must not load spaCy, Ray, pyarrow or followthemoney.

`python -X importtime -m armstrace events --help` showed 0.8 s of imports for a
command that only reads SQLite: every command module imported the engines,
the evaluation and the pipeline at start-up. Each check runs in a fresh
interpreter (a test process has them all imported already).
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("spacy", "ray", "pyarrow", "followthemoney", "trafilatura", "fastapi")
LIGHT_COMMANDS = ["records", "events", "event", "contradictions", "timeline", "weapon", "export", "serve", "explain",
                  "eval", "ingest", "extract"]


def _heavy_modules_after(argv: list[str]) -> list[str]:
    """The heavy packages imported by `armstrace ARGV` in a fresh interpreter."""
    script = textwrap.dedent(f"""
        import json, sys
        sys.argv = ["armstrace", *{argv!r}]
        from armstrace.cli import main
        try:
            main()
        except SystemExit:
            pass
        print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.issue(15)
@pytest.mark.parametrize("command", LIGHT_COMMANDS)
def test_help_of_every_command_loads_no_heavy_package(command):
    assert _heavy_modules_after([command, "--help"]) == []


@pytest.mark.issue(15)
def test_records_and_events_on_a_database_load_no_heavy_package(tmp_path):
    from armstrace.store import Store

    db = tmp_path / "a.db"
    with Store(db):
        pass
    assert _heavy_modules_after(["records", "--db", str(db)]) == []
    assert _heavy_modules_after(["events", "--db", str(db)]) == []
    assert _heavy_modules_after(["timeline", "--db", str(db)]) == []
