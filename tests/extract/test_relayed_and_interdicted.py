"""Stances the source or the fate of a shipment settles (session 4, issue 10).

A seized or intercepted shipment never arrived: like a withheld one it is a
hedged transfer, whoever says so (real DECISIONS, interdicted shipments). A
report the author only relays, with no government behind it ("according to
reports", "according to a Kyodo investigation", a headline tagged ": report"),
is hedged (GUIDELINES, media and sources); officials, announcements and
named bodies speak for themselves. Invented sentences, one construction each.
"""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str) -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text))


def transfers(records: list[Record], actor: str) -> set[tuple[str | None, str, str]]:
    return {(r.recipient, r.claimant, r.stance) for r in records if r.type == "transfer" and r.actor == actor}


def test_a_seized_shipment_is_a_hedged_transfer(nlp):
    text = "The Spanish navy seized North Korean rifles bound for Eritrea, the defence ministry said."
    found = transfers(extract(nlp, text), "PRK")
    assert found and all(stance == "hedged" for _, _, stance in found)
    assert any(recipient == "ERI" for recipient, _, _ in found)


def test_a_shipment_noun_under_a_seizure_participle_is_hedged(nlp):
    text = ("The shipment of Belarusian rockets seized in March would have violated the arms embargo on Libya, "
            "the statement said.")
    shipped = [r for r in extract(nlp, text) if r.type == "transfer" and r.trigger == "shipment"]
    assert shipped and all(r.stance == "hedged" for r in shipped)
    # a shipment that was not seized stays asserted
    text = ("The shipment of Belarusian rockets delivered in March violated the arms embargo on Libya, "
            "the statement said.")
    shipped = [r for r in extract(nlp, text) if r.type == "transfer" and r.trigger == "shipment"]
    assert shipped and all(r.stance == "asserted" for r in shipped)


def test_according_to_media_or_reports_is_relayed_and_hedged(nlp):
    for source in ("reports", "the newspaper", "a Kyodo News investigation"):
        text = f"Vietnam bought six submarines from Russia, according to {source}."
        found = transfers(extract(nlp, text), "RUS")
        assert ("VNM", "author", "hedged") in found, (source, found)


def test_according_to_officials_or_announcements_is_not_hedged(nlp):
    for source in ("officials", "government announcements"):
        text = f"Vietnam bought six submarines from Russia, according to {source}."
        found = transfers(extract(nlp, text), "RUS")
        assert found and all(stance == "asserted" for _, _, stance in found), (source, found)


def test_a_headline_tagged_report_is_hedged(nlp):
    text = "Rockets in the Tripoli blast were made by a Serbian factory: report"
    records = [r for r in extract(nlp, text) if r.type == "production"]
    assert records and all(r.stance == "hedged" for r in records)
