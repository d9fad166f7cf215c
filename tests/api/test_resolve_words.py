"""Issue 13: the resolver's word fallback skips stop words and single letters, and a weapon's own name beats an
actor found by one word of its name (real HTTP, the real gazetteers)."""
from __future__ import annotations

import pytest

from armstrace.resolve import resolve_actor, resolve_any

pytestmark = pytest.mark.issue(13)


@pytest.mark.parametrize("text", ["the", "of", "a", "of the", "s"])
def test_a_stop_word_or_a_letter_is_no_actor_not_a_list_of_states(api_server, world, text):
    """Was: `/api/records?actor=the` -> 422 "may be Bahamas, Comoros, ..."."""
    status, body = api_server.get("/api/records", actor=text)
    assert status == 422 and body["error"].startswith(f"actor: no actor or weapon called {text!r}"), body
    assert "choices" not in body or not body["choices"]


def test_names_with_stop_words_still_resolve():
    assert [resolve_actor(t) for t in ("The Gambia", "the Bahamas", "US officials", "United States of America")] == [
        "GMB", "BHS", "USA", "USA"]


def test_resolve_quds_is_the_missile(api_server, world):
    """Was: "Quds" (a cruise missile) answered as the Palestinian Islamic Jihad, by one word of its brigades' name."""
    status, body = api_server.get("/api/resolve", q="Quds")
    assert (status, body["kind"], body["value"]) == (200, "weapon", "quds")
    assert resolve_any("SOM").kind == "actor"          # an actor's own code still wins (Somalia, not the missile)
    assert resolve_any("Tehran").value == "IRN"
