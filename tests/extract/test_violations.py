"""Instruments a claimant says an event breaches, named with or without a number (GUIDELINES short forms)."""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str) -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text, published="2024-03-01"))


def violations(records: list[Record], actor: str) -> set[str]:
    return {v for r in records if r.actor == actor for v in r.violates}


def test_an_unnumbered_un_arms_embargo_takes_its_short_form(nlp):
    found = extract(nlp, "Egypt and Turkey sent armoured vehicles to Somalia in violation of the UN arms embargo, "
                         "a panel of experts said.")
    assert violations(found, "EGY") == {"UN-arms-embargo"}


def test_an_unnumbered_resolution_is_unscr_when_the_article_names_none(nlp):
    found = extract(nlp, "Belarus shipped rifles to Sudan, which breaches a UN Security Council resolution.")
    assert violations(found, "BLR") == {"UNSCR"}


def test_the_article_s_numbered_resolution_wins_over_the_short_form(nlp):
    text = ("Resolution 1718 bans arms sales by North Korea. "
            "Seoul says North Korea sold shells to Russia in breach of Security Council resolutions.")
    assert violations(extract(nlp, text), "PRK") == {"UNSCR-1718"}
    text = "Japan said North Korea sent missiles to Russia, violating Security Council resolutions, among them Resolution 1718."
    assert violations(extract(nlp, text), "PRK") == {"UNSCR-1718"}
