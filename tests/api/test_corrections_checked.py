"""Issue 13: every corrected value is checked, not only names and vocabularies: a time that is no date, a
quantity range upside down or negative, a precision that does not fit the time, an instrument nobody defines
and a value of the wrong kind are a 422 with the allowed values, and nothing is stored (real HTTP, real SQLite)."""
from __future__ import annotations

import pytest

from http_raw import send

from armstrace.api.tokens import issue_token

pytestmark = pytest.mark.issue(13)


def _review(api_server, record_id: str, corrections: dict) -> tuple[int, dict]:
    reply = send(api_server.url, "POST", f"/api/records/{record_id}/review", {"corrections": corrections},
                 headers={"Authorization": f"Bearer {issue_token(api_server.db, 'ana')}"})
    return reply.status, reply.json()


@pytest.mark.parametrize(("corrections", "hint"), [
    ({"time": "2024-13-45"}, "YYYY-MM-DD"),
    ({"time": "yesterday"}, "YYYY-MM"),
    ({"time": 2024}, "YYYY"),
    ({"quantity": {"min": 10, "max": 2}}, "0 <= N <= M"),
    ({"quantity": {"min": -3}}, "0 <= N <= M"),
    ({"quantity": {"min": 1.5}}, "0 <= N <= M"),
    ({"quantity": {"most": 4}}, "0 <= N <= M"),
    ({"quantity": 12}, "0 <= N <= M"),
    ({"time_precision": "day", "time": "2024"}, "year"),
    ({"time_precision": "day"}, "null"),              # the US claim has no time
    ({"violates": ["UNSCR-9999"]}, "UNSCR-2231"),
    ({"violates": "the treaty"}, "UNSCR-2231"),
    ({"place": 123}, "a name as written"),
    ({"speaker": ["a", "b"]}, "a name as written"),
])
def test_a_bad_corrected_value_is_a_422_naming_the_allowed_values_and_nothing_is_stored(api_server, world,
                                                                                        corrections, hint):
    """Was: "2024-13-45", {"min": 10, "max": 2}, day for "2024" and unknown instruments were stored (201);
    {"place": 123} was a 400."""
    rec = world["iran-russia"][0]
    status, body = _review(api_server, rec.record_id, corrections)
    assert status == 422 and hint in body["error"] + " ".join(body.get("allowed", [])), body
    assert api_server.get(f"/api/records/{rec.record_id}/reviews")[1]["total"] == 0


def test_good_values_are_stored_normalised(api_server, world):
    rec = world["iran-russia"][0]
    status, body = _review(api_server, rec.record_id, {"time": "2022-08", "quantity": {"min": 0, "max": 40},
                                                       "violates": ["Resolution 2231", "unscr-2231"]})
    assert status == 201, body
    assert body["review"]["corrections"] == {"time": "2022-08", "time_precision": "month",
                                             "quantity": {"min": 0, "max": 40}, "violates": ["UNSCR-2231"]}
    # The precision is checked against the time as the first review left it.
    assert _review(api_server, rec.record_id, {"time_precision": "year"})[0] == 422
    assert _review(api_server, rec.record_id, {"time": "2022", "time_precision": "year"})[0] == 201
    _, shown = api_server.get(f"/api/records/{rec.record_id}")
    assert (shown["time"], shown["time_precision"], shown["quantity"]) == ("2022", "year", {"min": 0, "max": 40})
