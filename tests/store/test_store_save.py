"""Store.save_document: added / unchanged / replaced, lossless round trips, rollback on failure."""
from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from armstrace.errors import BadInput, NotFound, UsageError
from armstrace.records import Article, Quantity, Record
from armstrace.store import Store


def _stored(store: Store, doc_id: str = "doc-1") -> tuple[Article, list[Record]]:
    return store.get_document(doc_id), store.records(doc_id=doc_id)


def test_save_document_new_is_added(store, article, record):
    assert store.save_document(article(), [record()]) == "added"


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"title": "Drones", "url": "https://example.org/a", "published": "2024-03-01",
         "source_path": "corpus/a.html", "source_format": "html", "skip_spans": [(0, 4), (60, 79)]},
        {"text": "Ünïcode — “quotes” and emoji 🚀 survive.", "source_format": "jsonl"},
    ],
    ids=["minimal", "full", "unicode"],
)
def test_save_document_round_trips_article(store, article, fields):
    original = article(**fields)
    store.save_document(original, [])
    assert store.get_document("doc-1") == original


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"recipient": None, "weapon_class": None, "weapons": []},
        {"quantity": Quantity(min=8, max=8), "time": "2024-03", "time_precision": "month"},
        {"quantity": Quantity(min=None, max=None)},
        {"quantity": Quantity(min=1160, max=None)},
        {"location": "UKR", "place": "Kyiv", "speaker": "John Kirby", "trigger": "sent",
         "violates": ["conflict/russia-ukraine"], "rules": ["trigger/send", "cue/said"],
         "gazetteer_ids": ["weapon/shahed-136", "country/IRN"], "confidence": 0.1 + 0.2,
         "published": "2024-03-01", "weapons": ["shahed-136", "Geran-2"]},
        {"stance": "denied", "claimant": "IRN", "evidence": "Tehran denied it — “nonsense”.",
         "evidence_start": 62, "evidence_end": 78},
    ],
    ids=["default", "nulls", "quantity", "empty-quantity", "open-quantity", "full", "unicode"],
)
def test_save_document_round_trips_record(store, article, record, fields):
    original = record(**fields)
    store.save_document(article(), [original])
    assert store.records() == [original]
    assert store.get_record(original.record_id) == original


def test_save_document_same_again_is_unchanged(store, article, record):
    store.save_document(article(), [record()])
    assert store.save_document(article(), [record()]) == "unchanged"


def test_save_document_unchanged_writes_nothing(db, store, article, record):
    store.save_document(article(), [record()])
    # PRAGMA data_version, read twice on one other connection, moves iff someone committed between.
    watcher = sqlite3.connect(db)
    try:
        before = (watcher.execute("PRAGMA data_version").fetchone()[0], store.stats(), store.documents())
        store.save_document(article(), [record(), record(evidence_start=1)])
        after = (watcher.execute("PRAGMA data_version").fetchone()[0], store.stats(), store.documents())
    finally:
        watcher.close()
    assert after == before


@pytest.mark.parametrize("change", [{"text": "Russia has received drones."}, {"published": "2024-05-01"}])
def test_save_document_changed_content_is_replaced(store, article, record, change):
    store.save_document(article(), [record()])
    assert store.save_document(article(**change), []) == "replaced"


def test_save_document_replaced_swaps_document_and_records(store, article, record):
    old = record(weapons=["shahed-136"])
    new = record(type="use", actor="RUS", recipient=None, weapons=["geran-2"], evidence="Russia launched",
                 evidence_start=0, evidence_end=15)
    store.save_document(article(), [old])
    store.save_document(article(text="Russia launched Geran-2 drones."), [new])
    assert _stored(store) == (article(text="Russia launched Geran-2 drones."), [new])
    assert store.count_records(weapon="shahed-136") == 0


def test_save_document_replaced_drops_old_weapon_rows(store, article, record):
    # Same record id (weapons are not part of it): only the cascade clears the old weapon rows.
    store.save_document(article(), [record(weapons=["shahed-136"])])
    store.save_document(article(text="changed"), [record(weapons=["geran-2"])])
    assert (store.count_records(weapon="shahed-136"), store.count_records(weapon="geran-2")) == (0, 1)


def test_save_document_force_replaces_unchanged(store, article, record):
    store.save_document(article(), [record(confidence=0.4)])
    assert store.save_document(article(), [record(confidence=0.9)], force=True) == "replaced"
    assert store.records() == [record(confidence=0.9)]


def _broken_records(make_record: Any) -> dict[str, list[Record]]:
    """Records the database refuses, each built past pydantic with model_construct."""
    good = make_record(evidence="replacement", evidence_start=5, evidence_end=16)
    return {
        "evidence-null": [good, Record.model_construct(**{**make_record().__dict__, "evidence": None})],
        "stance-check": [good, Record.model_construct(**{**make_record().__dict__, "stance": "rumoured"})],
        "type-check": [good, Record.model_construct(**{**make_record().__dict__, "type": "gift"})],
    }


@pytest.mark.parametrize("case", ["evidence-null", "stance-check", "type-check"])
def test_save_document_failure_keeps_previous_version(store, article, record, case):
    store.save_document(article(title="v1"), [record()])
    before = (_stored(store), store.stats(), store.documents())
    with pytest.raises(BadInput, match=r"doc-1 record .*: cannot be stored"):
        store.save_document(article(text="changed", title="v2"), _broken_records(record)[case])
    assert (_stored(store), store.stats(), store.documents()) == before


@pytest.mark.parametrize("case", ["evidence-null", "stance-check", "type-check"])
def test_save_document_failure_on_new_document_stores_nothing(store, article, record, case):
    with pytest.raises(BadInput):
        store.save_document(article(), _broken_records(record)[case])
    assert (store.document_hash("doc-1"), store.count_records()) == (None, 0)


def test_save_document_store_usable_after_failure(store, article, record):
    with pytest.raises(BadInput):
        store.save_document(article(), _broken_records(record)["stance-check"])
    assert store.save_document(article(), [record()]) == "added"


def test_save_document_duplicate_record_id_keeps_first(store, article, record):
    first = record(confidence=0.8, rules=["trigger/send"])
    second = record(confidence=0.3, rules=["trigger/deliver"])  # same id: same claim, same sentence
    assert first.record_id == second.record_id
    store.save_document(article(), [first, second])
    assert store.records() == [first]


def test_save_document_record_of_other_document_is_usage_error(store, article, record):
    with pytest.raises(UsageError, match="belongs to document 'doc-2'"):
        store.save_document(article(), [record(doc_id="doc-2")])


def test_document_hash_is_the_content_hash(store, article):
    store.save_document(article(), [])
    assert store.document_hash("doc-1") == article().content_hash


def test_document_hash_of_missing_document_is_none(store):
    assert store.document_hash("nope") is None


def test_get_document_missing_is_not_found(store):
    with pytest.raises(NotFound, match="'nope'"):
        store.get_document("nope")


def test_get_record_missing_is_not_found(store):
    with pytest.raises(NotFound, match="'0123456789abcdef'"):
        store.get_record("0123456789abcdef")


def test_documents_summarise_with_record_counts(store, article, record):
    store.save_document(article("doc-b", title="B", url="https://b", published="2024-01-02",
                                source_path="b.txt"), [record("doc-b"), record("doc-b", evidence_start=3)])
    store.save_document(article("doc-a"), [])
    summary = [(d.doc_id, d.title, d.url, d.published, d.source_path, d.n_records) for d in store.documents()]
    assert summary == [("doc-a", None, None, None, None, 0), ("doc-b", "B", "https://b", "2024-01-02", "b.txt", 2)]


@pytest.mark.parametrize(("limit", "offset", "expected"), [(2, 0, ["d0", "d1"]), (2, 2, ["d2"]), (None, 1, ["d1", "d2"])])
def test_documents_pages(store, article, limit, offset, expected):
    for doc_id in ("d2", "d0", "d1"):
        store.save_document(article(doc_id), [])
    assert [d.doc_id for d in store.documents(limit=limit, offset=offset)] == expected


def test_stats_count_by_type_and_stance(store, article, record):
    store.save_document(article(), [record(), record(type="use", evidence_start=1),
                                    record(stance="denied", evidence_start=2)])
    stats = store.stats()
    assert (stats["documents"], stats["records"], stats["by_type"], stats["by_stance"]) == (
        1, 3, {"transfer": 2, "use": 1}, {"asserted": 2, "denied": 1})


def test_meta_keeps_versions_of_last_write(store, article, record):
    store.save_document(article("a"), [record("a", extractor_version="x/1", data_version="d/1")])
    store.save_document(article("b"), [record("b", extractor_version="x/2", data_version="d/2")])
    meta = store.meta()
    assert (meta["extractor_version"], meta["data_version"], "created_at" in meta) == ("x/2", "d/2", True)
