"""Export fixtures: the `world` database plus records that are hard to export, and one review."""
from __future__ import annotations

from pathlib import Path

import pytest
from export_world import QUOTED_RECORDS, QUOTED_TEXT, QUOTED_TITLE, QUOTED_URL

from armstrace.analysis import update_events
from armstrace.records import Article, Record
from armstrace.store import Store
from armstrace.store.reviews import add_review


@pytest.fixture
def export_db(world: dict, db: Path) -> Path:
    """`world` (5 records) plus the 3 QUOTED_RECORDS, joined into events; the first world record reviewed wrong."""
    with Store(db) as store:
        store.save_document(Article(doc_id="quoted", text=QUOTED_TEXT, published="2023-07-01", url=QUOTED_URL,
                                    title=QUOTED_TITLE), QUOTED_RECORDS)
        update_events(store)
        add_review(store, world["iran-russia"][0].record_id, verdict="wrong", corrections={"claimant": "GBR"},
                   reviewer="ana")
    return db


@pytest.fixture
def all_records(export_db: Path) -> dict[str, Record]:
    """Every stored record of `export_db` by id."""
    with Store(export_db, readonly=True) as store:
        return {rec.record_id: rec for rec in store.records(include_rejected=True)}
