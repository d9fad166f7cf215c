"""The evaluation gate: every set it names exists, and per-type figures use the shared scorer's keys."""
from __future__ import annotations

import json
from pathlib import Path

from armstrace.evaluation import figures_by_type, load_gate

ROOT = Path(__file__).resolve().parents[1]


def _rec(doc: str, etype: str, actor: str, recipient: str | None, claimant: str = "author", **extra) -> dict:
    return {"doc_id": doc, "type": etype, "actor": actor, "recipient": recipient, "location": None,
            "weapon_class": None if etype == "sanction" else "uav", "weapons": [], "claimant": claimant,
            "stance": "asserted", "evidence": "x", **extra}


def test_gate_scores_the_real_pages_beside_our_own_sets():
    gate = load_gate(ROOT / "eval" / "gate.json")
    assert {"real", "dev", "own", "heldout"} <= set(gate["sets"])
    assert gate["sets"]["real"]["gold"].endswith("real/gold.jsonl")
    assert gate["sets"]["real"]["floors"]["event_f1"] > 0


def test_figures_by_type_split_the_set(tmp_path):
    gate = load_gate(ROOT / "eval" / "gate.json")
    gold = [_rec("d1", "transfer", "IRN", "RUS"), _rec("d1", "use", "RUS", "UKR"),
            _rec("d1", "sanction", "USA", "IRN"), _rec("d1", "use", "RUS", "GEO", optional=True)]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in gold), encoding="utf-8")
    pred = [_rec("d1", "transfer", "IRN", "RUS"), _rec("d1", "use", "UKR", "RUS"), _rec("d1", "use", "RUS", "GEO")]
    by_type = figures_by_type(gate["scorer"], str(path), pred)
    assert set(by_type) == {"transfer", "use", "sanction"}   # no gold training or production: not listed
    assert by_type["transfer"]["event"]["f1"] == 1.0
    # the reversed use is a false hit and a miss; the optional one costs nothing
    assert (by_type["use"]["event"]["tp"], by_type["use"]["event"]["fp"], by_type["use"]["event"]["fn"]) == (0, 1, 1)
    assert by_type["sanction"]["event"]["fn"] == 1
