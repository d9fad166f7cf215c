"""Records that are hard to export: quotes, commas, a line break, a form feed, no recipient."""
from __future__ import annotations

from armstrace.records import Quantity, Record

# Commas, quotes and a line break (CSV must quote them), and a form feed (XML 1.0 cannot hold it).
QUOTED = 'He said: "We sent them, all 6 of them,\nand more."\x0c'
QUOTED_URL = "https://example.org/news/kn-23?id=1&lang=en"
QUOTED_TITLE = "North Korea’s “KN-23” shipments, naïvely counted"   # curly quotes: Excel needs the BOM
QUOTED_TEXT = f"North Korea shipped KN-23 missiles to Russia. {QUOTED} Iran builds drones in Russia. Russia attacked."


def _record(**fields) -> Record:
    evidence = fields.pop("evidence")
    start = QUOTED_TEXT.index(evidence)
    values = {"doc_id": "quoted", "claimant": "author", "stance": "asserted", "evidence": evidence,
              "evidence_start": start, "evidence_end": start + len(evidence), "published": "2023-07-01",
              "extractor_version": "test/1", "data_version": "test/1"}
    return Record(**{**values, **fields})


QUOTED_RECORDS = [
    _record(type="transfer", actor="PRK", recipient="RUS", weapon_class="missile", weapons=["kn-23", "kn-24"],
            quantity=Quantity(min=6), violates=["UNSCR-1718"], evidence=QUOTED, speaker="he"),
    _record(type="production", actor="IRN", location="RUS", weapon_class="uav",
            evidence="Iran builds drones in Russia."),
    _record(type="use", actor="RUS", evidence="Russia attacked."),   # no recipient, no location: no edge
]
