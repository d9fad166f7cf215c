"""Weapon variants keep their own model id; other names of one model share one id.

GUIDELINES.md ("Model ids"): an id is the designation written, joined by
hyphens, and other *names* of the same model map to one id. So "Iskander-M"
is `iskander-m`, not `iskander`, and "Leopard 2A6" is `leopard-2a6`, while
"Geran-2" and "Shahed-136" are both `shahed-136` (SCALP keeps its own id, `scalp`, as independent
annotators write it). The mention matcher keeps
the longest match, so the most specific designation in the text wins.
"""
from __future__ import annotations

from collections import defaultdict

import pytest

from armstrace.extract import extract_doc
from armstrace.gazetteer import load_gazetteers
from armstrace.nlp.mentions import WEAPON, referent_table
from armstrace.records import Article, Record


def extract(nlp, text: str) -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text))


def weapons_of(records: list[Record]) -> list[list[str]]:
    return [r.weapons for r in records if r.weapons]


@pytest.mark.parametrize("text, weapons", [
    ("Russia has supplied Belarus with Iskander-M missile systems.", ["iskander-m"]),
    ("Russia moved Iskander missiles to Belarus.", ["iskander"]),
    ("Germany sent Leopard 2A6 tanks to Ukraine.", ["leopard-2a6"]),
    ("Poland sent 14 Leopard 2 tanks to Ukraine.", ["leopard-2"]),
    ("Canada sent its Leopards to Ukraine.", ["leopard-2"]),
    ("Britain sent Storm Shadow missiles", ["storm-shadow"]),
    ("France sent SCALP missiles", ["scalp"]),
    ("Russia delivered four Mi-171 helicopters to Mali.", ["mi-171"]),
    ("Russia sent T-72B3 tanks to Belarus.", ["t-72b3"]),
    # "Su-35s" is the plural of Su-35 (the matcher lower-cases), not the Su-35S variant.
    ("Russia delivered Su-35s to Iran.", ["su-35"]),
])
def test_most_specific_designation_is_the_model(nlp, text, weapons):
    assert weapons_of(extract(nlp, text)) == [weapons]


@pytest.mark.parametrize("text, model", [
    ("Iskander-M", "iskander-m"), ("Iskander-K", "iskander-k"), ("Iskander", "iskander"),
    ("Leopard 2A4", "leopard-2a4"), ("Leopard 2 A6", "leopard-2a6"), ("Leopard 2", "leopard-2"),
    ("Mi-171", "mi-171"), ("Mi-17", "mi-17"), ("Mi-8", "mi-8"),
    ("Su-30SM", "su-30sm"), ("Su-30", "su-30"), ("PAC-3 MSE", "pac-3-mse"), ("Patriot", "patriot"),
    ("Kh-101", "kh-101"), ("Kh-555", "kh-555"),
    ("SCALP EG", "scalp"), ("Geran-2", "shahed-136"), ("Grey Eagle", "mq-1c"), ("TB2", "bayraktar-tb2"),
    ("Akinci", "akinci"),
])
def test_name_matches_its_model(nlp, text, model):
    doc = nlp(text)
    spans = [s for s in doc.spans["armstrace"] if s.label_ == WEAPON]
    assert [(s.text, s.kb_id_) for s in spans] == [(text, f"weapon/{model}")]


def test_weapon_alias_is_not_shared_across_entries():
    surfaces: dict[str, set[str]] = defaultdict(set)
    for weapon in load_gazetteers().weapons:
        for name in [weapon.name, *weapon.aliases]:
            surfaces[name.strip().lower()].add(weapon.model)
    assert {name: models for name, models in surfaces.items() if len(models) > 1} == {}


def test_weapon_surface_is_not_shared_across_entries_after_tokenizing(nlp):
    # What the PhraseMatcher compares: lower-cased tokens, plurals included ("Su-35s" is also "Su-35S").
    _, names = referent_table(load_gazetteers())
    surfaces: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for label, entry_id, surface in names:
        if label == WEAPON:
            surfaces[tuple(t.lower_ for t in nlp.make_doc(surface))].add(entry_id)
    assert {" ".join(k): ids for k, ids in surfaces.items() if len(ids) > 1} == {}
