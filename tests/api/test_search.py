"""The `q` filter over the evidence's full-text index: words and phrases match, no text is an FTS error."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.http_raw import send

pytestmark = pytest.mark.issue(14)

HOSTILE = ['"', '""', '"drones', "drones\"", "*", "dro*", "-", "-drones", "NEAR(drones Russia)", "NEAR", "AND",
           "OR", "NOT", "drones OR Russia", "(", ")", "((drones)", "evidence:drones", "^drones", "'", "\\", "{", "}",
           "+", "drones NEAR/2 Russia", "%", "_", "'; DROP TABLE records; --", "\u202e", "ε", "x" * 200]
ROUTES = ["/api/records", "/api/network", "/api/weapons", "/api/timeline"]


@pytest.mark.parametrize("text", HOSTILE)
def test_api_q_with_fts_syntax_is_never_a_500(api_server, world, text):
    statuses = [send(api_server.url, "GET", f"{route}?q={quote(text)}").status for route in ROUTES]
    assert statuses == [200] * len(ROUTES)


def test_api_q_with_a_nul_is_still_refused(api_server, world):
    assert send(api_server.url, "GET", "/api/records?q=drones%00").status == 422


@pytest.mark.parametrize(("q", "expected"), [
    ("drones", 3),                       # any case, every record whose evidence says it
    ("Russia drones", 3),                # every word, in any order
    ("Russia drones ship", 1),
    ('"Russia by ship"', 1),             # a phrase, as written
    ('"ship by Russia"', 0),
    ('"Shahed-136 drones to Russia"', 1),
    ("iranian", 2),
    ("shahed ship", 0),
    ("NEAR(drones Russia)", 0),          # operators are text
])
def test_api_q_words_and_phrases(api_server, world, q, expected):
    status, body = api_server.get("/api/records", q=q)
    assert (status, body["total"]) == (200, expected)
