"""Events whose parties the trigger's own phrase does not hold: a light verb's "for" object, a deal's
buyer, and a pronoun after an inferred supplier.

Invented sentences in the shapes real reporting uses.
"""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str) -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text))


def found(records: list[Record]) -> set[tuple]:
    return {(r.type, r.actor, r.recipient, r.weapon_class) for r in records}


def test_order_placed_for_weapons_hung_on_the_light_verb(nlp):
    # The parser attaches "for ..." to "placed", not to "order".
    records = extract(nlp, "Morocco has placed an order worth $900 million for 36 Rafale fighter jets.")
    assert ("transfer", "FRA", "MAR", "aircraft") in found(records)


def test_deal_signed_for_a_foreign_model_is_bought_by_the_signer(nlp):
    records = extract(nlp, "Norway recently signed a deal for the K9 howitzer.")
    assert ("transfer", "KOR", "NOR", "artillery") in found(records)
    assert any("role/give/deal-buyer" in r.rules for r in records)


def test_deal_signed_by_the_maker_stays_its_sale(nlp):
    records = extract(nlp, "South Korea signed a deal for the K9 howitzer with Poland.")
    assert not any(r.recipient == "KOR" for r in records if r.type == "transfer")


def test_pronoun_after_an_inferred_maker_means_the_named_party(nlp):
    text = ("Serbia bought Wing Loong II drones in 2020. "
            "It later used the drones against Kosovar militants in Kosovo.")
    records = extract(nlp, text)
    assert not any(r.actor == "CHN" for r in records if r.type == "use")
