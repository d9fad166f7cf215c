"""record_with_review: the one record-plus-review JSON shape (API and `armstrace records --json`)."""
from __future__ import annotations

from armstrace.store.reviews import names_of, add_review, record_with_review, reviews_for


def test_record_with_review_unreviewed_is_null(record):
    assert record_with_review(record(), None) == {**record().to_json(), **names_of(record().to_json()),
                                                  "review": None, "original": {}}


def test_record_with_review_carries_the_folded_state(store, article, record):
    store.save_document(article(), [record()])
    record_id = record().record_id
    add_review(store, record_id, verdict="wrong", corrections={"claimant": "GBR"}, reviewer="ana")
    item = record_with_review(record(), reviews_for(store, [record_id])[record_id])
    assert (item["id"], item["review"]["verdict"], item["review"]["corrections"], item["review"]["n_reviews"]) == (
        record_id, "wrong", {"claimant": "GBR"}, 1)
