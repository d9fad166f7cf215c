"""Syndicated copies count once; claimants by stance; report dates (gold records of the multi fixtures)."""
from __future__ import annotations

from conftest import make_claim, save

from armstrace.analysis import corroboration, list_events, update_events
from armstrace.analysis.syndication import copy_reason, signature_of

STORY = ("Iran supplied Shahed-136 drones to Russia in August 2022, US officials said. The officials said "
         "Russian personnel had trained in Iran before the first shipment left. Since September Russia has "
         "launched the drones at Ukrainian cities and power stations, Ukrainian officials say. The drones are "
         "cheap to build and fly low, which makes them hard to pick up on radar.")


def iran_uav(store):
    (event,) = [e for e in list_events(store, actor="IRN", weapon="uav") if e.type == "transfer"]
    return event


def test_syndication_copy_with_new_header_and_footer_is_a_copy():
    copy = "Valley Courier - International news\n" + STORY + "\nThis story first appeared in the Harbour Times."
    assert copy_reason(signature_of(STORY), signature_of(copy), set(), set()) is not None


def test_syndication_different_reports_are_independent():
    other = ("Ukraine's defence intelligence agency said Iran had supplied Shahed-136 drones to Russia. "
             "Iran's foreign ministry denied that Iran had supplied drones to Russia.")
    assert copy_reason(signature_of(STORY), signature_of(other), set(), set()) is None


def test_syndication_shared_claim_sentences_make_a_copy():
    shared = {"iran supplied drones", "russia launched them"}
    assert copy_reason(signature_of("one page"), signature_of("another page"), shared, shared) is not None


def test_corroboration_counts_syndicated_copies_once(multi_store):
    report = corroboration(multi_store, iran_uav(multi_store).event_id)
    assert (report.n_documents, report.n_independent) == (3, 2)


def test_corroboration_groups_the_copy_with_its_original(multi_store):
    report = corroboration(multi_store, iran_uav(multi_store).event_id)
    assert [g.doc_ids for g in report.groups if len(g.doc_ids) > 1] == [
        ["harbour-times-iran-drones", "valley-courier-iran-drones"]]


def test_corroboration_lists_claimants_by_stance(multi_store):
    report = corroboration(multi_store, iran_uav(multi_store).event_id)
    assert (report.asserting, report.hedging, report.denying) == (["UKR", "USA"], [], ["IRN"])


def test_corroboration_first_and_last_report_dates(multi_store):
    report = corroboration(multi_store, iran_uav(multi_store).event_id)
    assert (report.first_reported, report.last_reported) == ("2022-10-17", "2022-10-20")


def test_corroboration_independent_sides(multi_store):
    report = corroboration(multi_store, iran_uav(multi_store).event_id)
    assert (report.independent_asserting, report.independent_denying) == (2, 1)


def test_corroboration_two_outlets_with_one_claim_each_are_independent(store):
    save(store, "x", [make_claim(evidence="Iran supplied drones to Russia, Washington said.")], published="2022-10-01")
    save(store, "y", [make_claim(evidence="Tehran sent drones to Moscow, Kyiv said.", claimant="UKR")],
         published="2022-10-02")
    update_events(store)
    assert corroboration(store, iran_uav(store).event_id).n_independent == 2
