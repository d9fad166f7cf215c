"""Store.records / count_records: every filter, paging, order, and refused filter values."""
from __future__ import annotations

from typing import Any

import pytest

from armstrace.errors import UsageError
from armstrace.store import RecordFilter, Store, weapon_class_of, weapon_key

# (doc_id, published), and records by name: (doc_id, fields). Evidence names the record.
DOCS = [("doc-a", "2024-03-01"), ("doc-b", "2023-06-15"), ("doc-c", None)]
RECORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "irn-rus-drones": ("doc-a", {"time": "2024-02-10", "time_precision": "day"}),
    "rus-ukr-use": ("doc-a", {"type": "use", "actor": "RUS", "recipient": None, "location": "UKR",
                              "weapons": ["Geran-2"], "stance": "hedged", "claimant": "UKR"}),
    "prk-rus-shells": ("doc-b", {"actor": "PRK", "recipient": "RUS", "weapon_class": "artillery",
                                 "weapons": [], "claimant": "KOR", "time": "2023-09",
                                 "time_precision": "month"}),
    "irn-houthis-missiles": ("doc-b", {"recipient": "houthis", "weapon_class": "missile",
                                       "weapons": ["burkan-3"], "stance": "denied", "claimant": "IRN",
                                       "time": "2023", "time_precision": "year"}),
    "usa-ukr-50%-of-S_300": ("doc-c", {"actor": "USA", "recipient": "UKR", "weapon_class": "air-defense",
                                       "weapons": ["s-300"], "claimant": "USA"}),
    "sanction on 50 firms": ("doc-c", {"type": "sanction", "actor": "USA", "recipient": "IRN",
                                       "weapon_class": None, "weapons": []}),
}


@pytest.fixture
def filled(store: Store, article, record) -> Store:
    """The store with DOCS and RECORDS in it."""
    for doc_id, published in DOCS:
        records = [
            record(doc_id, evidence=name, evidence_start=i * 10, evidence_end=i * 10 + len(name), **fields)
            for i, (name, (doc, fields)) in enumerate(RECORDS.items()) if doc == doc_id
        ]
        store.save_document(article(doc_id, published=published), records)
    return store


FILTERS: list[tuple[dict[str, Any], list[str]]] = [
    ({}, list(RECORDS)),
    ({"type": "use"}, ["rus-ukr-use"]),
    ({"type": "production"}, []),
    ({"actor": "RUS"}, ["irn-rus-drones", "rus-ukr-use", "prk-rus-shells"]),
    ({"actor": "rus"}, ["irn-rus-drones", "rus-ukr-use", "prk-rus-shells"]),
    ({"actor": "HOUTHIS"}, ["irn-houthis-missiles"]),
    ({"actor": "IRN"}, ["irn-rus-drones", "irn-houthis-missiles", "sanction on 50 firms"]),
    ({"recipient": "RUS"}, ["irn-rus-drones", "prk-rus-shells"]),
    ({"weapon": "shahed-136"}, ["irn-rus-drones"]),
    ({"weapon": "shahed136"}, ["irn-rus-drones"]),
    ({"weapon": "Shahed 136"}, ["irn-rus-drones"]),
    ({"weapon": "geran2"}, ["rus-ukr-use"]),
    ({"weapon": "S300"}, ["usa-ukr-50%-of-S_300"]),
    ({"weapon": "uav"}, ["irn-rus-drones", "rus-ukr-use"]),
    ({"weapon": "air-defense"}, ["usa-ukr-50%-of-S_300"]),
    ({"weapon": "airdefense"}, ["usa-ukr-50%-of-S_300"]),
    ({"weapon": "Artillery"}, ["prk-rus-shells"]),
    ({"weapon": "shahed"}, []),
    ({"claimant": "usa"}, ["irn-rus-drones", "usa-ukr-50%-of-S_300", "sanction on 50 firms"]),
    ({"stance": "denied"}, ["irn-houthis-missiles"]),
    ({"stance": "hedged"}, ["rus-ukr-use"]),
    ({"doc_id": "doc-b"}, ["prk-rus-shells", "irn-houthis-missiles"]),
    ({"text": "50"}, ["usa-ukr-50%-of-S_300", "sanction on 50 firms"]),
    ({"text": "50%"}, ["usa-ukr-50%-of-S_300"]),
    ({"text": "%"}, ["usa-ukr-50%-of-S_300"]),
    ({"text": "S_3"}, ["usa-ukr-50%-of-S_300"]),
    ({"text": "_"}, ["usa-ukr-50%-of-S_300"]),
    ({"text": "n_5"}, []),  # "_" is not a wildcard: "on 50" does not match
    ({"text": "\\"}, []),
    ({"text": "DRONES"}, ["irn-rus-drones"]),
    # Time: the record's own time, else the document's published date (doc-a 2024-03-01);
    # doc-c has neither, so a date filter leaves its records out.
    ({"since": "2024-01-01"}, ["irn-rus-drones", "rus-ukr-use"]),
    ({"since": "2024-03-01"}, ["rus-ukr-use"]),
    ({"until": "2023-12-31"}, ["prk-rus-shells", "irn-houthis-missiles"]),
    ({"since": "2023-09-20", "until": "2023-09-30"}, ["prk-rus-shells", "irn-houthis-missiles"]),
    ({"since": "2023-07", "until": "2023-07"}, ["irn-houthis-missiles"]),  # "2023" overlaps
    ({"until": "2024-02"}, ["irn-rus-drones", "prk-rus-shells", "irn-houthis-missiles"]),
    ({"until": "2024"}, ["irn-rus-drones", "rus-ukr-use", "prk-rus-shells", "irn-houthis-missiles"]),
    ({"actor": "IRN", "stance": "asserted", "weapon": "uav"}, ["irn-rus-drones"]),
]


@pytest.mark.parametrize(("filters", "expected"), FILTERS, ids=[repr(f) for f, _ in FILTERS])
def test_records_filter_selects(filled, filters, expected):
    assert [r.evidence for r in filled.records(**filters)] == expected


@pytest.mark.parametrize(("filters", "expected"), FILTERS, ids=[repr(f) for f, _ in FILTERS])
def test_count_records_matches_records(filled, filters, expected):
    assert filled.count_records(**filters) == len(expected)


@pytest.mark.parametrize(("filters", "expected"), FILTERS, ids=[repr(f) for f, _ in FILTERS])
def test_records_take_a_record_filter(filled, filters, expected):
    flt = RecordFilter(**filters)
    assert ([r.evidence for r in filled.records(flt)], filled.count_records(flt)) == (expected, len(expected))


def test_records_filter_and_keywords_at_once_is_usage_error(filled):
    with pytest.raises(UsageError, match="not both"):
        filled.records(RecordFilter(actor="IRN"), stance="denied")


@pytest.mark.parametrize(("name", "weapon_class"), [("UAV", "uav"), ("small_arms", "small-arms"),
                                                     ("Air Defense", "air-defense"), ("shahed-136", None)])
def test_weapon_class_of_ignores_case_spaces_hyphens_underscores(name, weapon_class):
    assert weapon_class_of(name) == weapon_class


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [
        (2, 0, ["irn-rus-drones", "rus-ukr-use"]),
        (2, 2, ["prk-rus-shells", "irn-houthis-missiles"]),
        (None, 5, ["sanction on 50 firms"]),
        (0, 0, []),
        (10, 99, []),
    ],
)
def test_records_limit_offset_pages(filled, limit, offset, expected):
    assert [r.evidence for r in filled.records(limit=limit, offset=offset)] == expected


def test_records_ordered_by_doc_start_type(store, article, record):
    records = [record("b", evidence_start=0), record("a", evidence_start=9),
               record("a", type="use", evidence_start=2), record("a", type="sanction", evidence_start=2)]
    store.save_document(article("b"), records[:1])
    store.save_document(article("a"), records[1:])
    assert store.records() == [records[3], records[2], records[1], records[0]]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"type": "gift"}, "unknown event type"),
        ({"stance": "rumoured"}, "unknown stance"),
        ({"since": "March 2024"}, "not a date"),
        ({"until": "2024-3-1"}, "not a date"),
        ({"limit": -1}, "limit -1"),
        ({"offset": -1}, "offset -1"),
    ],
)
def test_records_bad_filter_is_usage_error(filled, filters, message):
    with pytest.raises(UsageError, match=message):
        filled.records(**filters)


@pytest.mark.parametrize(
    ("name", "key"), [("Shahed-136", "shahed136"), ("shahed 136", "shahed136"), ("S-300PMU_2", "s300pmu2")]
)
def test_weapon_key_ignores_case_hyphens_spaces(name, key):
    assert weapon_key(name) == key
