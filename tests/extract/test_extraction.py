"""Extraction behaviour on short hand-written sentences, through the real model.

Each case is how English commonly reports an arms event; the assertion is on
what a user reads in the record: type, actor, recipient, class, claimant,
stance.
"""
from __future__ import annotations

import pytest

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str, published: str | None = None) -> list[Record]:
    article = Article(doc_id="t", text=text, published=published)
    return extract_doc(nlp(text), article)


def keys(records: list[Record]) -> set[tuple]:
    return {(r.type, r.actor, r.recipient or r.location, r.weapon_class, r.claimant, r.stance) for r in records}


@pytest.mark.parametrize("text, expected", [
    ("Iran supplied Shahed-136 drones to Russia.",
     ("transfer", "IRN", "RUS", "uav", "author", "asserted")),
    ("Iran supplied Russia with Shahed drones, the Pentagon said.",
     ("transfer", "IRN", "RUS", "uav", "USA", "asserted")),
    ("Russia received hundreds of drones from Iran last year.",
     ("transfer", "IRN", "RUS", "uav", "author", "asserted")),
    ("North Korea has sold artillery shells to Russia, according to South Korea's defence ministry.",
     ("transfer", "PRK", "RUS", "artillery", "KOR", "asserted")),
    ("Deliveries of US-made Patriot air defense systems to Ukraine began in April.",
     ("transfer", "USA", "UKR", "air-defense", "author", "asserted")),
    ("Poland bought Bayraktar TB2 drones from Turkey in 2021.",
     ("transfer", "TUR", "POL", "uav", "author", "asserted")),
])
def test_extract_transfer_phrasings(nlp, text, expected):
    assert expected in keys(extract(nlp, text))


def test_extract_one_event_per_weapon_class(nlp):
    found = keys(extract(nlp, "Russia sold Iran tanks, submarines and fighter jets in the 1990s."))
    classes = {k[3] for k in found if k[0] == "transfer" and k[1] == "RUS" and k[2] == "IRN"}
    assert {"armor", "naval", "aircraft"} <= classes


@pytest.mark.parametrize("text, expected", [
    ("“We have not supplied any weapons to Russia,” said a spokesman for Iran's foreign ministry.",
     ("transfer", "IRN", "RUS", "arms", "IRN", "denied")),
    ("Iran denied that it had sent drones to Russia.",
     ("transfer", "IRN", "RUS", "uav", "IRN", "denied")),
    ("Iran is reportedly preparing to send ballistic missiles to Russia.",
     ("transfer", "IRN", "RUS", "missile", "author", "hedged")),
    ("US intelligence believes Iran could supply Russia with hundreds of drones.",
     ("transfer", "IRN", "RUS", "uav", "USA", "hedged")),
])
def test_extract_stance(nlp, text, expected):
    assert expected in keys(extract(nlp, text))


def test_extract_bare_denial_points_back(nlp):
    text = "The United States said Iran sent drones to Russia. Iran denied that."
    found = keys(extract(nlp, text))
    assert ("transfer", "IRN", "RUS", "uav", "USA", "asserted") in found
    assert ("transfer", "IRN", "RUS", "uav", "IRN", "denied") in found


def test_extract_use_with_implied_origin(nlp):
    records = extract(nlp, "Russia used eight Iranian-made Shahed-136 drones to attack Kyiv.")
    use = next(r for r in records if r.type == "use")
    assert (use.actor, use.recipient, use.location, use.weapons) == ("RUS", "UKR", "UKR", ["shahed-136"])
    assert use.quantity is not None and (use.quantity.min, use.quantity.max) == (8, 8)
    assert any(r.type == "transfer" and (r.actor, r.recipient) == ("IRN", "RUS") for r in records)


def test_extract_shoot_down_is_use_by_launcher(nlp):
    records = extract(nlp, "Ukraine's air force said it shot down at least 30 Shahed drones overnight.")
    use = next(r for r in records if r.type == "use")
    assert (use.actor, use.recipient, use.claimant) == ("RUS", "UKR", "UKR")
    assert use.quantity is not None and (use.quantity.min, use.quantity.max) == (30, None)


def test_extract_alias_maps_to_catalogue_id(nlp):
    records = extract(nlp, "Russia launched 40 Geran-2 drones at Odesa.")
    assert any("shahed-136" in r.weapons for r in records)


def test_extract_production_defaults_to_own_state_and_reads_place(nlp):
    found = keys(extract(nlp, "In May 2022, Iran opened a drone factory in Dushanbe, the capital of Tajikistan."))
    assert ("production", "IRN", "TJK", "uav", "author", "asserted") in found


def test_extract_help_to_produce_is_technology_transfer(nlp):
    found = keys(extract(nlp, "Iran is helping Russia to produce its own drones."))
    assert ("production", "RUS", "RUS", "uav", "author", "asserted") in found
    assert ("transfer", "IRN", "RUS", "technology", "author", "asserted") in found


def test_extract_training(nlp):
    found = keys(extract(nlp, "Iranian instructors trained Russian troops on Shahed drones in Crimea."))
    assert any(k[0] == "training" and k[1] == "IRN" and k[3] == "uav" for k in found)


def test_extract_sanction(nlp):
    found = keys(extract(nlp, "The European Union imposed sanctions on three Iranian firms over drone transfers."))
    assert ("sanction", "eu", "IRN", None, "author", "asserted") in found


def test_extract_warning_is_not_an_event(nlp):
    assert extract(nlp, "The Pentagon warned Iran not to provide armed drones to Russia.") == []


def test_extract_civilian_goods_are_not_arms(nlp):
    assert not [r for r in extract(nlp, "Russia is buying civilian drones from China.") if r.type == "transfer"]


def test_extract_violation_claimed(nlp):
    records = extract(nlp, "The United States said the transfer of Iranian drones to Russia violates "
                           "UN Security Council Resolution 2231.")
    assert any("UNSCR-2231" in r.violates and r.claimant == "USA" for r in records)


def test_extract_evidence_is_exact_text_with_offsets(nlp):
    text = "Menu\n\nIran supplied drones to Russia, officials said.\nMore news"
    for rec in extract(nlp, text):
        assert text[rec.evidence_start:rec.evidence_end] == rec.evidence
        assert "\n" not in rec.evidence


def test_extract_skips_chrome_spans(nlp):
    text = "Iran supplied drones to Russia.\n\nComments\nUser1: Iran supplied missiles to Russia."
    start = text.index("Comments")
    article = Article(doc_id="t", text=text, skip_spans=[(start, len(text))])
    records = extract_doc(nlp(text), article)
    assert records and all(r.evidence_start < start for r in records)


def test_extract_records_carry_provenance(nlp):
    rec = extract(nlp, "Iran supplied Shahed-136 drones to Russia.")[0]
    assert rec.rules[0].startswith("trigger/transfer/")
    assert "weapon/shahed-136" in rec.gazetteer_ids and "state/IRN" in rec.gazetteer_ids
    assert rec.extractor_version and rec.data_version and 0 < rec.confidence <= 1


@pytest.mark.parametrize("text, expected", [
    (("Iran's foreign ministry rejected the report. Its spokesman called claims that Iran had supplied "
     "drones to Russia baseless."),
     ("transfer", "IRN", "RUS", "uav", "IRN", "denied")),
    ("The White House said North Korea had delivered rockets to Wagner, a charge that Pyongyang rejected.",
     ("transfer", "PRK", "wagner", "artillery", "PRK", "denied")),
    ("Iran denies arming the Houthis.",
     ("transfer", "IRN", "houthis", "arms", "IRN", "denied")),
])
def test_extract_denial_phrasings(nlp, text, expected):
    assert expected in keys(extract(nlp, text))


def test_extract_seizure_is_transfer_from_origin_to_destination(nlp):
    # hedged: an interdicted shipment never arrived (real DECISIONS, like a withheld one)
    found = keys(extract(nlp, "The US Navy seized Iranian anti-tank missiles bound for the Houthis."))
    assert ("transfer", "IRN", "houthis", "anti-tank", "USA", "hedged") in found


def test_extract_dateline_is_not_evidence(nlp):
    text = "SEOUL, November 1, 2023 — North Korea has sent artillery shells to Russia, Seoul's spy agency said."
    records = extract(nlp, text)
    assert records and all(r.evidence.startswith("North Korea") for r in records)


def test_extract_described_group_gets_a_slug(nlp):
    found = keys(extract(nlp, "Turkey's armed forces use TB2 drones against Kurdish militants in northern Iraq."))
    assert any(k[0] == "use" and k[1] == "TUR" and k[2] == "kurdish-militants" for k in found)


def test_extract_warned_that_reports_a_claim(nlp):
    found = keys(extract(nlp, "US officials warned that Iran could supply Russia with ballistic missiles."))
    assert ("transfer", "IRN", "RUS", "missile", "USA", "hedged") in found


def test_extract_training_without_a_weapon_is_training_in_arms(nlp):
    found = keys(extract(nlp, "Wagner fighters are training Belarusian special forces near Brest."))
    assert ("training", "wagner", "BLR", "arms", "author", "asserted") in found


def test_extract_sanction_on_firms_in_several_states(nlp):
    found = keys(extract(nlp, "The United States imposed sanctions on companies in Russia, China and Iran."))
    assert {("sanction", "USA", c, None, "author", "asserted") for c in ("RUS", "CHN", "IRN")} <= found


def test_extract_non_confirmation_claims_nothing(nlp):
    found = keys(extract(nlp, "Russia has not confirmed the sale of Su-35 jets to Iran."))
    assert not any(k[4] == "RUS" for k in found)


@pytest.mark.parametrize("text, recipients", [
    ("Baykar's customers for the TB2 include Poland, Qatar and Ukraine.", {"POL", "QAT", "UKR"}),
    ("Turkey has found buyers for its drones in Azerbaijan and in countries such as Ethiopia and Morocco.",
     {"AZE", "ETH", "MAR"}),
])
def test_extract_export_markets_name_each_recipient(nlp, text, recipients):
    found = {k[2] for k in keys(extract(nlp, text)) if k[0] == "transfer" and k[1] == "TUR"}
    assert recipients <= found


def test_extract_air_force_attack_uses_aircraft(nlp):
    found = keys(extract(nlp, "The Israeli Air Force attacked a target near Damascus."))
    assert ("use", "ISR", "SYR", "aircraft", "author", "asserted") in found
