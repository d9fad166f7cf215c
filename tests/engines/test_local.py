"""The local engine: one document's failure never costs the rest of the batch."""
from __future__ import annotations

from pathlib import Path

from armstrace.engines.local import ingest_paths
from armstrace.store import Store


def test_ingest_text_over_the_model_limit_is_skipped_alone(tmp_path: Path, db: Path):
    (tmp_path / "big.txt").write_text("Iran supplied drones to Russia. " * 40_000, encoding="utf-8")  # 1.28M chars
    (tmp_path / "ok.txt").write_text("Turkey sold Bayraktar TB2 drones to Poland.\n", encoding="utf-8")
    summary = ingest_paths([tmp_path], db=db)
    assert (summary.added, len(summary.skipped)) == (1, 1)
    assert "big.txt" in str(summary.skipped[0]) and "over the model's limit" in str(summary.skipped[0])
    with Store(db, readonly=True) as store:
        assert [d.doc_id for d in store.documents()] == ["ok"]


def test_ingest_force_re_extracts_unchanged_documents(tmp_path: Path, db: Path):
    (tmp_path / "a.txt").write_text("Iran supplied drones to Russia.\n", encoding="utf-8")
    ingest_paths([tmp_path], db=db)
    assert ingest_paths([tmp_path], db=db).unchanged == 1
    again = ingest_paths([tmp_path], db=db, force=True)
    assert (again.unchanged, again.records) == (0, 1)
