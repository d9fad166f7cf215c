"""A bound ('at least', 'up to') belongs to the count it stands before, not to a particle or a neighbour."""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.records import Article


def quantities(nlp, text: str) -> dict[str, tuple]:
    records = extract_doc(nlp(text), Article(doc_id="t", text=text))
    return {r.weapon_class: (r.quantity.min, r.quantity.max) if r.quantity else None for r in records}


def test_a_phrasal_particle_is_no_bound(nlp):
    found = quantities(nlp, "Belarus said it would hand over eight MiG-29s and two Buk missile systems to Serbia.")
    assert found == {"aircraft": (8, 8), "air-defense": (2, 2)}


def test_bounds_before_the_count_still_hold(nlp):
    assert quantities(nlp, "Spain will sell at least four Leopard tanks to Chile.") == {"armor": (4, None)}
    assert quantities(nlp, "Norway will send up to 12 howitzers to Estonia.") == {"artillery": (None, 12)}
