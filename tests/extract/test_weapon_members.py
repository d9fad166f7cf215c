"""Weapon classes from vaguer or barer words than the class terms, on invented sentences.

extract/members.py: umbrella nouns that list their members give one event per
member class and keep their own; a generic noun a model or class modifies is
that model or class; bare category nouns ('fighters', 'planes', 'vessels') are
weapons beside other weapons; a negating prefix leaves no weapon. Also: a
trigger that names its own weapon keeps the weapons coordinated with it
(frames/base.py), 'the weapon' points back to a model rather than a target
(candidates.py), a halt's covered items (frames/halted.py), seized cargo and
what a deal holds (frames/seize.py, defaults.py).
"""
from __future__ import annotations

import pytest

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str) -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text))


def classes(nlp, text: str, actor: str) -> set[str]:
    return {r.weapon_class for r in extract(nlp, text) if r.actor == actor}


@pytest.mark.parametrize("text, actor, expected", [
    # "ranging from X to Y": both ends are members.
    ("Egypt is accused of supplying the rebels with military equipment ranging from armoured cars to drones.",
     "EGY", {"armor", "uav"}),
    # "such as": the listed classes.
    ("Poland sent weapons such as anti-tank missiles and drones to Ukraine.", "POL", {"anti-tank", "uav"}),
    # "from X to Y" with no verb, whatever the parser hangs "to" on.
    ("Britain has supplied Estonia with military hardware, from Challenger tanks to Brimstone missiles.",
     "GBR", {"armor", "missile"}),
    ("Poland has sent weapons from tanks to fighter jets to Ukraine.", "POL", {"armor", "aircraft"}),
    # a relative clause that lists what the umbrella holds, even when the parser hangs it on the party.
    ("Moscow said Russia will deliver a large consignment of military hardware to Mali, which will include "
     "helicopters and air defence systems.", "RUS", {"aircraft", "air-defense"}),
])
def test_umbrella_lists_its_members(nlp, text, actor, expected):
    found = classes(nlp, text, actor)
    assert expected <= found, found
    assert "arms" in found   # the umbrella stays (a list may be partial)


def test_generic_noun_of_a_model_or_class_is_that(nlp):
    assert classes(nlp, "The United States sent the Stinger weapon system to Estonia.", "USA") == {"air-defense"}
    assert classes(nlp, "Russia sent air defence weapons to Syria.", "RUS") == {"air-defense"}


@pytest.mark.parametrize("text, actor, expected", [
    ("Norway sent Ukraine tanks and fighters.", "NOR", {"armor", "aircraft"}),
    ("The Houthis used drones and surface vessels to attack Saudi forces.", "houthis", {"uav", "naval"}),
    ("Egypt has sent four Chinese-made fighters to Sudan.", "EGY", {"aircraft"}),
])
def test_bare_category_noun_beside_weapons(nlp, text, actor, expected):
    assert expected <= classes(nlp, text, actor)


@pytest.mark.parametrize("text, actor", [
    ("Turkey sent planes to Libya.", "TUR"),                      # alone: perhaps airliners
    ("Egypt bought cargo planes and tanks from Italy.", "ITA"),   # a civil modifier
    ("Russia sent Wagner fighters and tanks to Mali.", "RUS"),    # a party's fighters are people
    ("Iran sent fighters and weapons to Syria.", "IRN"),          # beside arms, fighters are militants
])
def test_bare_category_noun_alone_or_civil_is_no_aircraft(nlp, text, actor):
    assert "aircraft" not in classes(nlp, text, actor)


def test_own_weapon_trigger_keeps_its_coordinated_weapons(nlp):
    text = "The army of Chad has responded with air strikes and heavy weapons."
    assert {"aircraft", "arms"} <= classes(nlp, text, "TCD")


def test_the_weapon_points_back_to_the_model_not_to_its_target(nlp):
    text = ("Syrian troops seized an RPG-7 launcher, a shoulder-fired weapon that fighters use against armoured "
            "vehicles. The report says the weapon was first used when ISIS militants attacked Iraq in June.")
    uses = {(r.actor, r.weapon_class) for r in extract(nlp, text) if r.type == "use"}
    assert ("islamic-state", "anti-tank") in uses, uses
    assert ("islamic-state", "arms") not in uses


def test_a_model_shares_the_origin_of_its_fellow_weapons_when_its_maker_agrees(nlp):
    text = "The cache, including 40 Toophan anti-tank missiles and two Iranian drones, was seized by the Saudi navy."
    found = {(r.actor, r.weapon_class) for r in extract(nlp, text) if r.type == "transfer"}
    assert {("IRN", "anti-tank"), ("IRN", "uav")} <= found, found


def test_a_long_list_after_including_gives_every_class(nlp):
    text = ("The Pentagon announced a package for Ukraine drawn from US stocks, including Stinger missiles, more "
            "ammunition for HIMARS launchers, 155mm artillery rounds, TOW anti-tank missiles and Stryker vehicles.")
    found = classes(nlp, text, "USA")
    assert {"air-defense", "artillery", "anti-tank", "armor"} <= found, found


def test_seized_along_with_the_object(nlp):
    text = ("The Saudi navy seized Iranian-made cruise missile parts bound for the Houthis, along with air "
            "defence components.")
    found = {r.weapon_class for r in extract(nlp, text) if r.type == "transfer"}
    assert {"missile", "air-defense"} <= found, found


@pytest.mark.parametrize("text, expected", [
    ("Belarus supplied engines for the drones to Russia.", "uav"),
    ("Iran shipped warheads for cruise missiles to the Houthis.", "missile"),
])
def test_parts_of_a_weapon_take_its_class(nlp, text, expected):
    assert expected in {r.weapon_class for r in extract(nlp, text) if r.type == "transfer"}


def test_a_definite_generic_beside_a_named_weapon_is_that_weapon(nlp):
    text = ("Germany was the first country to give Ukraine long-range cruise missiles. Italy followed in May, when "
            "Prime Minister Giorgia Meloni announced that it would deliver Aster missiles, the Italian version of "
            "the weapon.")
    assert classes(nlp, text, "ITA") == {"air-defense"}
    assert classes(nlp, "Norway sent NASAMS and the weapon's radars to Ukraine.", "NOR") == {"air-defense"}


@pytest.mark.parametrize("text", ["Canada has sent non-lethal aid to Ukraine.",
                                  "Japan supplied non-military equipment to Moldova."])
def test_a_negating_prefix_leaves_no_weapon(nlp, text):
    assert not extract(nlp, text)


def test_a_designer_is_no_default_supplier(nlp):
    text = "Thursday's delivery to Mali included more Czech-designed L-39 jets."
    assert not any(r.actor == "CZE" for r in extract(nlp, text))


def test_items_a_halt_covers_are_withheld_transfers_each_by_class(nlp):
    text = ("Norway suspended 12 arms export licences to Turkey on Friday. The minister said \"spare parts for "
            "combat helicopters, components for drones and targeting pods\" were affected by the freeze.")
    found = {(r.actor, r.recipient, r.weapon_class, r.stance) for r in extract(nlp, text)
             if r.type == "transfer" and "affected" in r.evidence}
    assert {("NOR", "TUR", "aircraft", "hedged"), ("NOR", "TUR", "uav", "hedged"),
            ("NOR", "TUR", "technology", "hedged")} <= found, found


def test_a_halt_over_no_weapons_is_no_transfer(nlp):
    text = "Talks were subjected to a pause after the election."
    assert not extract(nlp, text)


def test_what_a_seized_cargo_included(nlp):
    text = ("Weapons components seized aboard the boat were of Iranian manufacture and included two Iranian "
            "anti-ship missiles and night-vision goggles, the navy said.")
    found = {(r.actor, r.weapon_class) for r in extract(nlp, text) if r.type == "transfer"}
    assert {("IRN", "missile"), ("IRN", "technology")} <= found, found


@pytest.mark.parametrize("second", [
    "The firm said the agreement covers technology transfer and joint production in Indonesia.",
    "Technology transfer, a priority for Jakarta, is also part of the deal, the firm said.",
])
def test_a_transfer_the_deal_holds_is_between_its_parties(nlp, second):
    text = "South Korea sold KF-21 jets to Indonesia in a deal signed on Monday. " + second
    found = {(r.actor, r.recipient, r.weapon_class) for r in extract(nlp, text) if r.evidence.startswith(second[:20])}
    assert ("KOR", "IDN", "technology") in found, found


def test_means_of_producing_weapons_are_technology(nlp):
    text = ("Russia sold fighter jets to Laos last year. Laos is seeking armoured vehicles and equipment for "
            "producing ballistic missiles from Moscow.")
    found = {(r.actor, r.recipient, r.weapon_class) for r in extract(nlp, text) if "seeking" in r.evidence}
    assert ("RUS", "LAO", "technology") in found, found
    assert ("RUS", "LAO", "missile") not in found
