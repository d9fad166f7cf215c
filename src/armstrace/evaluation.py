"""The evaluation gate: extract an evaluation set, score it, compare with pinned floors.

Scoring is done by the shared `score.py` (standard library only), run as a
subprocess so that armstrace is judged exactly as outside scorers judge it.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .engines.local import extract_paths
from .errors import UsageError
from .ingest import Skipped
from .settings import Settings

METRICS = ("event", "claim", "model", "violation")
TYPES = ("transfer", "use", "production", "training", "sanction")
SCALARS = ("stance_acc", "quantity_acc", "evidence_valid", "schema_errors")


@dataclass
class SetResult:
    """One evaluation set's figures and the floors it missed."""

    name: str
    figures: dict
    failures: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    by_type: dict[str, dict] = field(default_factory=dict)


def load_gate(path: str | Path) -> dict:
    """Read the gate file (sets, their gold and docs, floors)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: gate file not found (run from the repository root or pass --gate)")
    gate = json.loads(path.read_text(encoding="utf-8"))
    base = path.resolve().parent
    for spec in gate["sets"].values():
        for key in ("gold", "docs"):
            spec[key] = str((base / spec[key]).resolve())
    gate["scorer"] = str((base / gate["scorer"]).resolve())
    return gate


def _check(figures: dict, floors: dict) -> list[str]:
    failures = []
    for name, floor in floors.items():
        if name.endswith("_f1"):
            value = figures[name[:-3]]["f1"]
        elif name == "schema_errors":
            value = figures["schema_errors"]
            if value > floor:
                failures.append(f"schema_errors {value} > {floor}")
            continue
        else:
            value = figures.get(name)
        if value is None or value < floor:
            failures.append(f"{name} {value} < floor {floor}")
    return failures


def evaluate_set(name: str, spec: dict, scorer: str, settings: Settings | None = None,
                 pred_out: str | Path | None = None) -> SetResult:
    """Extract `spec['docs']`, score against `spec['gold']`, check `spec['floors']`."""
    for key in ("gold", "docs"):
        if not Path(spec[key]).exists():
            raise UsageError(f"evaluation set {name!r}: {spec[key]} not found")
    if not Path(scorer).is_file():
        raise UsageError(f"scorer {scorer} not found (is ../shared/eval present?)")
    skipped: list[Skipped] = []
    records = list(extract_paths([spec["docs"]], settings=settings, skipped=skipped))
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(pred_out) if pred_out else Path(tmp) / f"{name}.jsonl"
        with open(pred, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(rec.to_json(), ensure_ascii=False) + "\n" for rec in records)
        proc = subprocess.run([sys.executable, scorer, "--gold", spec["gold"], "--pred", str(pred),
                               "--docs", spec["docs"], "--json"], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise UsageError(f"scorer failed on set {name!r}: {proc.stderr.strip().splitlines()[-1:]}")
    figures = json.loads(proc.stdout)
    by_type = figures_by_type(scorer, spec["gold"], [rec.to_json() for rec in records])
    failures = _check(figures, spec.get("floors", {}))
    # A document that could not be extracted would only lower recall silently: it fails the gate.
    failures += [f"document skipped: {skip}" for skip in skipped]
    return SetResult(name, figures, failures, skipped, by_type)


def figures_by_type(scorer: str, gold_path: str, pred: list[dict]) -> dict[str, dict]:
    """Event, claim and model figures per event type, from the shared scorer's own functions.

    A set's overall F1 hides which kinds of event fail; the scorer's `score()`
    run on each type's gold and predictions gives the same keys and rules.
    """
    spec = importlib.util.spec_from_file_location("armstrace_shared_score", scorer)
    if spec is None or spec.loader is None:
        raise UsageError(f"scorer {scorer} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold, bad = module.load(gold_path)
    if bad:
        raise UsageError(f"{gold_path}: {len(bad)} invalid gold lines, first: line {bad[0][0]}: {bad[0][1]}")
    out = {}
    for etype in TYPES:
        gold_t = [r for r in gold if r["type"] == etype]
        if gold_t:
            out[etype] = module.score(gold_t, [r for r in pred if r.get("type") == etype])
    return out
