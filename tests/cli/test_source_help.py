"""The help of `ingest`, `extract` and `watch` names every format they read, web addresses and feeds."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from armstrace.cli import app
from armstrace.ingest.files import FORMATS

pytestmark = pytest.mark.issue(12)


@pytest.mark.parametrize("command", ["ingest", "extract", "watch"])
def test_help_names_every_format_addresses_and_feeds(command):
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    missing = [f".{kind}" for kind in sorted(set(FORMATS.values())) if f".{kind}" not in text]
    assert missing == [], f"{command} --help does not name {missing}"
    assert all(word in text for word in ("http://", "https://", ".rss", ".atom", ".xml", "folders"))
