"""A database built through the real pipeline (read, parse, extract, store, cluster) with reviews and corrections.

Sixty short reports, each three sentences of public record about arms sent to
and used in the war in Ukraine, one of them a denial, so that events have
several claims and documents, some are contradicted, and a wide export runs to
many pages. Then the reviews an analyst leaves: verdicts, and corrections of
the actor, the stance, the weapons and the quantity.
"""
from __future__ import annotations

from pathlib import Path

from armstrace.engines.local import ingest_paths
from armstrace.store import Store
from armstrace.store.reviews import add_review

SENTENCES = [
    "Iran supplied Shahed-136 drones to Russia in 2022, the White House said.",
    "Iran denied that it had supplied drones to Russia for use in Ukraine.",
    "Iran's foreign minister said Iran had not sent any weapons to Russia for the war in Ukraine.",
    "Turkey sold Bayraktar TB2 drones to Poland in 2021.",
    "North Korea shipped artillery shells to Russia, South Korea's defence ministry said.",
    "The United States sent HIMARS launchers to Ukraine, the Pentagon said.",
    "Germany delivered IRIS-T air defence systems to Ukraine in October 2022.",
    "France supplied Caesar howitzers to Ukraine in 2022, the French defence ministry said.",
    "Russia launched Kalibr missiles at Kyiv in October 2022, Ukraine's air force said.",
    "The United Kingdom sent Challenger 2 tanks to Ukraine in 2023.",
    "Poland delivered MiG-29 fighter jets to Ukraine in 2023, the Polish president said.",
]
N_REPORTS = 60


def build(folder: Path, db: Path) -> Path:
    """Write the reports to `folder`, ingest them into `db` in one process, and review some records."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(N_REPORTS):
        picked = [SENTENCES[(i + k * 3) % len(SENTENCES)] for k in range(3)]
        (folder / f"report-{i:03d}.txt").write_text(" ".join(picked) + f"\n\nReport number {i}.\n", encoding="utf-8")
    summary = ingest_paths([folder], db=db, n_process=1)
    assert summary.added == N_REPORTS, summary.skipped
    with Store(db) as store:
        records = store.records(include_rejected=True)
        for i, rec in enumerate(records[::5]):
            kind = i % 5
            if kind == 0:
                add_review(store, rec.record_id, verdict="wrong", reviewer="ana")
            elif kind == 1:
                add_review(store, rec.record_id, verdict="right", reviewer="ben")
            elif kind == 2:
                add_review(store, rec.record_id, corrections={"actor": "BLR"}, reviewer="ana")
            elif kind == 3:
                add_review(store, rec.record_id, corrections={"stance": "denied"}, reviewer="ben")
            else:
                add_review(store, rec.record_id, corrections={"weapons": ["shahed-136"], "quantity": {"min": 5}},
                           reviewer="cy")
    return db
