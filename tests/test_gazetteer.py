"""The gazetteer files: they load through their schemas and hold together as data."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from armstrace.gazetteer import Gazetteers, load_gazetteers
from armstrace.records import WEAPON_CLASSES


@pytest.fixture(scope="module")
def gaz() -> Gazetteers:
    """Every gazetteer, loaded and validated by the real loader."""
    return load_gazetteers()


def _surface(name: str) -> str:
    # The matcher compares lower-cased tokens and drops a leading "the" (nlp/mentions.py).
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


def _state_surfaces(gaz: Gazetteers) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for st in gaz.states:
        for name in [st.name, *st.aliases, *st.demonyms, *st.capitals, *st.metonyms]:
            found[_surface(name)].add(st.code)
    return found


def _weapon_surfaces(gaz: Gazetteers) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for weapon in gaz.weapons:
        for name in [weapon.name, *weapon.aliases]:
            found[_surface(name)].add(weapon.model)
    return found


def _actor_ids(gaz: Gazetteers) -> set[str]:
    return {st.code for st in gaz.states} | {body.slug for body in gaz.bodies}


@pytest.mark.parametrize("kind, minimum", [
    ("states", 197), ("organs", 250), ("people", 150), ("bodies", 45),
    ("weapons", 220), ("class_terms", 12), ("instruments", 20), ("conflicts", 1),
])
def test_gazetteer_file_loads_with_enough_entries(gaz, kind, minimum):
    assert len(getattr(gaz, kind)) >= minimum


@pytest.mark.parametrize("kind", ["states", "organs", "people", "bodies", "weapons", "class_terms", "instruments"])
def test_gazetteer_entries_name_a_source(gaz, kind):
    assert [e.id for e in getattr(gaz, kind) if not e.source.strip()] == []


def test_weapons_number_at_least_150_models(gaz):
    assert len({w.model for w in gaz.weapons}) >= 150


@pytest.mark.parametrize("weapon_class", [c for c in WEAPON_CLASSES if c not in ("technology", "arms")])
def test_weapons_cover_class(gaz, weapon_class):
    assert any(w.weapon_class == weapon_class for w in gaz.weapons)


def test_weapon_models_are_unique(gaz):
    models = [w.model for w in gaz.weapons]
    assert sorted(m for m in set(models) if models.count(m) > 1) == []


def test_weapon_ids_follow_their_model(gaz):
    assert [w.id for w in gaz.weapons if w.id != f"weapon/{w.model}"] == []


def test_weapon_alias_maps_to_one_model(gaz):
    clashes = {name: models for name, models in _weapon_surfaces(gaz).items() if len(models) > 1}
    assert clashes == {}


@pytest.mark.parametrize("alias, model", [
    ("Geran-2", "shahed-136"), ("Geran 2", "shahed-136"), ("Shahed 136", "shahed-136"),
    ("Geran-1", "shahed-131"), ("Grey Eagle", "mq-1c"), ("Gray Eagle", "mq-1c"),
    ("TB2", "bayraktar-tb2"), ("Bayraktar TB-2", "bayraktar-tb2"), ("Akıncı", "akinci"),
    ("Switchblade 600", "switchblade"), ("SCALP-EG", "scalp"), ("Hwasong-11", "kn-23"),
    ("Kinzhal", "kinzhal"), ("M142", "himars"), ("SA-21 Growler", "s-400"), ("Su35", "su-35"),
])
def test_weapon_alias_resolves_to_model(gaz, alias, model):
    assert _weapon_surfaces(gaz)[_surface(alias)] == {model}


def test_weapon_producer_is_a_known_state(gaz):
    codes = {st.code for st in gaz.states}
    assert [w.id for w in gaz.weapons if w.producer is not None and w.producer not in codes] == []


def test_state_codes_are_upper_case_iso3(gaz):
    assert [st.code for st in gaz.states if not re.fullmatch(r"[A-Z]{3}", st.code)] == []


def test_state_ids_follow_their_code(gaz):
    assert [st.id for st in gaz.states if st.id != f"state/{st.code}"] == []


def test_state_name_maps_to_one_state(gaz):
    clashes = {name: codes for name, codes in _state_surfaces(gaz).items() if len(codes) > 1}
    assert clashes == {}


@pytest.mark.parametrize("code", ["SUN", "YUG", "DDR", "CSK"])
def test_state_historical_is_flagged(gaz, code):
    assert next(st for st in gaz.states if st.code == code).historical


@pytest.mark.parametrize("code", ["PSE", "VAT", "TWN", "XKX", "USA", "IRN", "UKR", "TJK"])
def test_state_exists_for_code(gaz, code):
    assert code in {st.code for st in gaz.states}


@pytest.mark.parametrize("name, code", [
    ("the Kremlin", "RUS"), ("White House", "USA"), ("Downing Street", "GBR"), ("the Islamic Republic", "IRN"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Dushanbe", "TJK"), ("Washington", "USA"), ("Tehran", "IRN"),
    ("DPRK", "PRK"), ("Britain", "GBR"), ("the US", "USA"), ("USSR", "SUN"), ("Soviet", "SUN"),
])
def test_state_name_resolves_to_code(gaz, name, code):
    assert _state_surfaces(gaz)[_surface(name)] == {code}


@pytest.mark.parametrize("capital", ["Kyiv", "Kiev"])
def test_state_ukraine_has_capital(gaz, capital):
    ukraine = next(st for st in gaz.states if st.code == "UKR")
    assert capital in ukraine.capitals


def test_organ_points_to_known_state(gaz):
    codes = {st.code for st in gaz.states}
    assert [o.id for o in gaz.organs if o.state not in codes] == []


def test_person_points_to_known_actor(gaz):
    actors = _actor_ids(gaz)
    assert [p.id for p in gaz.people if p.actor not in actors] == []


def test_body_base_is_a_known_state(gaz):
    codes = {st.code for st in gaz.states}
    assert [b.id for b in gaz.bodies if b.base is not None and b.base not in codes] == []


def test_actor_name_maps_to_one_actor(gaz):
    found: dict[str, set[str]] = defaultdict(set)
    for name, codes in _state_surfaces(gaz).items():
        found[name] |= codes
    for organ in gaz.organs:
        for name in organ.names:
            found[_surface(name)].add(organ.state)
    for person in gaz.people:
        for name in [person.name, *person.aliases]:
            found[_surface(name)].add(person.actor)
    for body in gaz.bodies:
        for name in [*body.names, *body.demonyms]:
            found[_surface(name)].add(body.slug)
    assert {name: actors for name, actors in found.items() if len(actors) > 1} == {}


@pytest.mark.parametrize("name, actor", [
    ("Robert Wood", "USA"), ("Linda Thomas-Greenfield", "USA"), ("Jake Sullivan", "USA"), ("Barbara Leaf", "USA"),
    ("Sergiy Kyslytsya", "UKR"), ("Serhiy Kyslytsya", "UKR"), ("Zelenskyy", "UKR"), ("Kyrylo Budanov", "UKR"),
    ("Vladimir Putin", "RUS"), ("Vassily Nebenzia", "RUS"), ("Javad Zarif", "IRN"), ("Amir Saeid Iravani", "IRN"),
    ("Kim Jong-un", "PRK"), ("Erdoğan", "TUR"), ("Selçuk Bayraktar", "TUR"), ("Xi Jinping", "CHN"),
    ("Alexander Lukashenko", "BLR"), ("Bashar al-Assad", "SYR"), ("Josep Borrell", "eu"), ("Stéphane Dujarric", "un"),
    ("Mark Rutte", "nato"), ("Rafael Grossi", "iaea"), ("Yahya Saree", "houthis"), ("Naim Qassem", "hezbollah"),
    ("Yevgeny Prigozhin", "wagner"),
])
def test_person_name_resolves_to_actor(gaz, name, actor):
    matches = {p.actor for p in gaz.people if _surface(name) in {_surface(n) for n in [p.name, *p.aliases]}}
    assert matches == {actor}


@pytest.mark.parametrize("surname", ["Wood", "Leaf", "Austin", "Kim", "Wang"])
def test_person_common_surname_is_not_an_alias(gaz, surname):
    assert [p.id for p in gaz.people if surname in p.aliases] == []


@pytest.mark.parametrize("name, actor", [
    ("the Pentagon", "USA"), ("IRGC", "IRN"), ("Quds Force", "IRN"), ("Baykar", "TUR"), ("Rosoboronexport", "RUS"),
    ("Verkhovna Rada", "UKR"), ("KCNA", "PRK"), ("Iran's foreign ministry", "IRN"), ("Iran\u2019s foreign ministry", "IRN"),
])
def test_organ_name_resolves_to_state(gaz, name, actor):
    matches = {o.state for o in gaz.organs if _surface(name) in {_surface(n) for n in o.names}}
    assert matches == {actor}


@pytest.mark.parametrize("slug", ["un", "eu", "nato", "iaea", "hezbollah", "hamas", "houthis", "kataib-hezbollah",
                                  "wagner", "islamic-state", "rsf"])
def test_body_exists_for_slug(gaz, slug):
    assert slug in {b.slug for b in gaz.bodies}


@pytest.mark.parametrize("weapon_class", WEAPON_CLASSES)
def test_class_terms_cover_class(gaz, weapon_class):
    assert any(t.weapon_class == weapon_class for t in gaz.class_terms)


def test_class_terms_are_lower_case(gaz):
    assert [t for entry in gaz.class_terms for t in entry.terms if t != t.lower()] == []


def test_class_term_maps_to_one_class(gaz):
    found: dict[str, set[str]] = defaultdict(set)
    for entry in gaz.class_terms:
        for term in entry.terms:
            found[term].add(entry.weapon_class)
    assert {t: c for t, c in found.items() if len(c) > 1} == {}


def test_class_term_is_not_a_weapon_name(gaz):
    assert sorted({t for e in gaz.class_terms for t in e.terms} & set(_weapon_surfaces(gaz))) == []


def test_instrument_codes_are_upper_case_with_hyphens(gaz):
    assert [i.code for i in gaz.instruments if not re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", i.code)] == []


@pytest.mark.parametrize("pattern, code", [
    ("Resolution 2231", "UNSCR-2231"), ("UN Security Council Resolution 2231", "UNSCR-2231"),
    ("UNSCR 1718", "UNSCR-1718"), ("Joint Comprehensive Plan of Action", "JCPOA"), ("Iran nuclear deal", "JCPOA"),
    ("Arms Trade Treaty", "ATT"), ("Executive Order 13949", "EO-13949"), ("Regulation (EU) 2023/1529", "EU-2023-1529"),
])
def test_instrument_pattern_resolves_to_code(gaz, pattern, code):
    matches = {i.code for i in gaz.instruments if pattern.lower() in {p.lower() for p in i.patterns}}
    assert matches == {code}
