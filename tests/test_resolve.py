"""Issue 13: the one resolver from names to ids, over the real gazetteers."""
from __future__ import annotations

import pytest

from armstrace.resolve import AmbiguousName, UnknownName, resolve_actor, resolve_any, resolve_weapon

pytestmark = pytest.mark.issue(13)


@pytest.mark.parametrize(("name", "actor"), [
    ("Iran", "IRN"), ("Tehran", "IRN"), ("Iranian", "IRN"), ("Iranians", "IRN"), ("irn", "IRN"),
    ("Islamic Republic of Iran", "IRN"), ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Ukraine", "UKR"),
    ("Kyiv", "UKR"), ("U.S.", "USA"), ("the Pentagon", "USA"), ("DPRK", "PRK"), ("Houthis", "houthis"),
    ("Houthi", "houthis"), ("Hamas", "hamas"), ("UN", "un"), ("IRGC", "IRN"), ("author", "author"),
])
def test_actor_names_demonyms_capitals_aliases_and_organs(name, actor):
    assert resolve_actor(name) == actor


@pytest.mark.parametrize(("name", "models", "weapon_class"), [
    ("geran-2", ("shahed-136",), None), ("Geran 2", ("shahed-136",), None), ("SHAHED-136", ("shahed-136",), None),
    ("drone", (), "uav"), ("drones", (), "uav"), ("UAV", (), "uav"), ("missiles", (), "missile"), ("tanks", (), "armor"),
])
def test_weapon_models_aliases_and_class_words(name, models, weapon_class):
    match = resolve_weapon(name)
    assert (match.models, match.weapon_class) == (models, weapon_class)


def test_a_family_is_its_models_and_not_a_word_inside_another_name():
    assert {"shahed-131", "shahed-136", "shahed-238"} <= set(resolve_weapon("Shahed").models)
    assert set(resolve_weapon("Bayraktar").models) >= {"bayraktar-tb2", "bayraktar-tb3"}
    assert all(m.startswith("mig-") for m in resolve_weapon("MiG").models)   # not "Mighty Dragon"


def test_an_ambiguous_name_lists_the_choices():
    with pytest.raises(AmbiguousName) as caught:
        resolve_actor("Congo")
    assert set(caught.value.choices) == {"Democratic Republic of the Congo (COD)", "Republic of the Congo (COG)"}


def test_an_unknown_name_suggests_the_closest():
    with pytest.raises(UnknownName) as caught:
        resolve_any("Shahd-136")
    assert str(caught.value).startswith("no actor or weapon called 'Shahd-136'; did you mean ")
    assert "Shahed-136 (shahed-136)" in caught.value.suggestions


def test_an_id_only_the_database_knows_is_itself():
    assert resolve_actor("azov-unit", known=["azov-unit"]) == "azov-unit"
    with pytest.raises(UnknownName):
        resolve_actor("azov-unit")
