"""The API server does not load the readers: answering documents needs `is_address`, not trafilatura."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

READERS = ("trafilatura", "pypdf", "docx", "httpx", "feedparser", "spacy")


@pytest.mark.issue(12)
def test_api_app_imports_no_reader():
    script = textwrap.dedent(f"""
        import json, sys
        import armstrace.api.app, armstrace.api.documents
        print(json.dumps([m for m in {READERS!r} if m in sys.modules]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
