"""The API over a database filled by the real pipeline (ingest_paths, the spaCy model)."""
from __future__ import annotations

import pytest

from armstrace.engines.local import ingest_paths

ARTICLE = (
    "Iran supplies drones to Russia\n\n"
    "Iran has supplied Russia with hundreds of Shahed-136 drones, the Pentagon said on Tuesday.\n"
)


@pytest.mark.slow
def test_api_serves_records_from_an_ingested_article(api_server, tmp_path):
    path = tmp_path / "pentagon.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    summary = ingest_paths([path], db=api_server.db, published="2023-01-10")
    _, body = api_server.get("/api/records", actor="IRN", type="transfer")
    _, doc = api_server.get("/api/documents/pentagon")
    item = body["items"][0]
    assert (summary.added, item["recipient"], item["review"],
            doc["text"][item["evidence_start"]:item["evidence_end"]] == item["evidence"]) == (
        1, "RUS", None, True)
