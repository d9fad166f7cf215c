"""Contradictions: assertions against denials, with both sides' evidence."""
from __future__ import annotations

from conftest import make_claim, save

from armstrace.analysis import event_contradictions, find_contradictions, list_events, update_events


def test_contradictions_pair_assertions_with_denials(multi_store):
    found = {(c.event.weapon_class, c.kind): c.pairs for c in find_contradictions(multi_store, actor="IRN")}
    assert found == {("uav", "same-event"): [("UKR", "IRN"), ("USA", "IRN")],
                     ("missile", "same-event"): [("USA", "IRN")]}


def test_contradictions_keep_both_sides_evidence(multi_store):
    (uav,) = [c for c in find_contradictions(multi_store, actor="IRN") if c.event.weapon_class == "uav"]
    assert (sorted(r.doc_id for r in uav.supporting), [r.evidence for r in uav.denying]) == (
        ["harbour-times-iran-drones", "kyiv-ledger-iran-drones", "valley-courier-iran-drones"],
        ["Iran's foreign ministry denied that Iran had supplied drones to Russia for use in the war in Ukraine."])


def test_contradictions_broad_denial_covers_the_specific_event(multi_store):
    (broad,) = [c for c in find_contradictions(multi_store, actor="PRK")]
    assert (broad.kind, broad.event.weapon_class, broad.pairs) == ("broad-denial", "artillery", [("KOR", "PRK")])


def test_contradictions_none_without_denials(store):
    save(store, "a", [make_claim(evidence="Iran sent drones.")])
    save(store, "b", [make_claim(evidence="Iran sent drones, Kyiv says.", claimant="UKR")])
    update_events(store)
    assert find_contradictions(store) == []


def test_contradictions_hedged_claims_count_as_support(store):
    save(store, "a", [make_claim(evidence="Iran may have sent drones.", stance="hedged")])
    save(store, "b", [make_claim(evidence="Iran denies it.", claimant="IRN", stance="denied")])
    update_events(store)
    assert [c.pairs for c in find_contradictions(store)] == [[("USA", "IRN")]]


def test_event_contradictions_equal_find_contradictions_of_that_event(multi_store):
    everything = find_contradictions(multi_store)
    for event in list_events(multi_store):
        assert event_contradictions(multi_store, event) == [c for c in everything if c.event.event_id == event.event_id]


def test_event_contradictions_include_a_broad_denial(store):
    save(store, "claim", [make_claim(evidence="Iran sent drones to Russia.")], published="2022-10-01")
    save(store, "denial", [make_claim(evidence="Iran sent no weapons at all.", claimant="IRN", stance="denied",
                                      weapon_class="arms")], published="2022-10-02")
    update_events(store)
    (uav,) = list_events(store, weapon="uav")
    assert [c.kind for c in event_contradictions(store, uav)] == ["broad-denial"]
