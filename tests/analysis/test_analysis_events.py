"""Events in the database: migration, memberships, incremental updates, replacement."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_claim, save

from armstrace.analysis import event_claims, list_events, pending_updates, update_events
from armstrace.analysis.access import query
from armstrace.store import Store


def memberships(store: Store) -> dict[str, str]:
    return {row["record_id"]: row["event_id"] for row in query(store, "SELECT * FROM event_claims")}


def groups(store: Store) -> set[frozenset[str]]:
    """The events as sets of record ids (the grouping, whatever the ids)."""
    by_event: dict[str, set[str]] = {}
    for record_id, event_id in memberships(store).items():
        by_event.setdefault(event_id, set()).add(record_id)
    return {frozenset(members) for members in by_event.values()}


DOCS = {
    "a": ([make_claim(evidence="Iran supplied Shahed-136 drones to Russia in August 2022.", weapons=["shahed-136"],
                      time="2022-08")], "2022-10-17"),
    "b": ([make_claim(evidence="Kyiv says Iran sent the drones.", claimant="UKR")], "2022-10-20"),
    "c": ([make_claim(evidence="Iran denies it.", claimant="IRN", stance="denied")], "2022-10-21"),
    "d": ([make_claim(evidence="North Korea sent shells.", actor="PRK", weapon_class="artillery",
                      claimant="KOR", time="2023")], "2023-11-02"),
}


def test_events_migration_creates_tables(store):
    tables = {row[0] for row in query(store, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events", "event_claims", "document_signatures"} <= tables


def test_update_events_puts_every_record_in_one_event(store):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    assert (len(memberships(store)), pending_updates(store)) == (4, 0)


def test_update_events_incremental_equals_all_at_once(tmp_path: Path):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "all.db") as every:
        for doc_id, (claims, published) in reversed(DOCS.items()):
            save(one, doc_id, claims, published=published)
            update_events(one, [doc_id])
        for doc_id, (claims, published) in DOCS.items():
            save(every, doc_id, claims, published=published)
        update_events(every)
        assert groups(one) == groups(every)


def test_update_events_new_id_when_the_anchor_claim_is_gone(store):
    save(store, "a", [make_claim(evidence="Iran sent drones.")], published="2022-10-01")
    save(store, "b", [make_claim(evidence="Kyiv says Iran sent drones.", claimant="UKR")], published="2022-10-20")
    update_events(store)
    (before,) = list_events(store)
    save(store, "a", [make_claim(evidence="Iran sent tanks.", weapon_class="armor")], published="2022-10-01")
    update_events(store)
    (after,) = [e for e in list_events(store) if e.weapon_class == "uav"]
    assert (after.n_claims, after.event_id != before.event_id) == (1, True)


def test_update_events_touches_only_blocks_of_new_documents(store):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    save(store, "e", [make_claim(evidence="More shells.", actor="PRK", weapon_class="artillery", claimant="UKR")])
    assert update_events(store, ["e"]).blocks == 1


def test_update_events_replaced_document_drops_old_memberships(store):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    old = set(memberships(store))
    save(store, "b", [make_claim(evidence="Turkey sold drones to Poland.", actor="TUR", recipient="POL")])
    update_events(store, ["b"])
    after = memberships(store)
    assert (len(old - set(after)), len(after), pending_updates(store)) == (1, 4, 0)


def test_update_events_event_loses_claim_count_after_replacement(store):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    save(store, "c", [make_claim(evidence="Nothing about Iran.", actor="TUR", recipient="POL")])
    update_events(store, ["c"])
    (iran,) = list_events(store, actor="IRN")
    assert iran.n_claims == 2


def test_update_events_stores_reason_per_claim(store):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    (iran,) = list_events(store, actor="IRN")
    reasons = [m.reason for m in event_claims(store, iran.event_id)]
    assert reasons[0].startswith("opens transfer IRN->RUS uav") and all(
        r.startswith("same transfer IRN->RUS uav") for r in reasons[1:])


def test_update_events_event_fields_summarise_members(store):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    (iran,) = list_events(store, actor="IRN")
    assert (iran.models, iran.time, iran.time_precision, iran.n_documents, iran.first_published,
            iran.last_published) == (["shahed-136"], "2022-08", "month", 3, "2022-10-17", "2022-10-21")


@pytest.mark.parametrize("weapon", ["shahed-136", "Shahed 136", "SHAHED_136", "uav", "UAV"])
def test_list_events_filters_by_model_or_class(store, weapon):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    assert [e.actor for e in list_events(store, weapon=weapon)] == ["IRN"]


@pytest.mark.parametrize("weapon", ["Shahed_136", "UAV", "Artillery", "small_arms"])
def test_list_events_weapon_selects_the_events_of_the_records_it_selects(store, weapon):
    for doc_id, (claims, published) in DOCS.items():
        save(store, doc_id, claims, published=published)
    update_events(store)
    of_records = {memberships(store)[r.record_id] for r in store.records(weapon=weapon)}
    assert {e.event_id for e in list_events(store, weapon=weapon)} == of_records
