"""`armstrace eval`: score the evaluation sets and fail below the pinned floors."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..evaluation import SetResult

from ..settings import Settings
from .app import ModelOption, app, err_console, out_console


@app.command("eval")
def eval_(
    gate: Path = typer.Option(Path("eval/gate.json"), "--gate", help="Sets, gold, docs and floors."),
    only: str | None = typer.Option(None, "--set", help="Score only this set (e.g. dev)."),
    model: str = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print figures as JSON."),
    pred_dir: Path | None = typer.Option(None, "--pred-dir", help="Keep each set's predictions here."),
) -> None:
    """Extract and score every evaluation set; exit 1 if any figure is below its floor.

    Example: armstrace eval --set dev
    """
    from ..evaluation import evaluate_set, load_gate   # spaCy: only when scoring (start-up stays light)

    spec = load_gate(gate)
    settings = Settings(model=model)
    results = []
    for name, set_spec in spec["sets"].items():
        if only and name != only:
            continue
        pred = None
        if pred_dir:
            pred_dir.mkdir(parents=True, exist_ok=True)
            pred = pred_dir / f"{name}.jsonl"
        results.append(evaluate_set(name, set_spec, spec["scorer"], settings, pred))
    if as_json:
        out_console.print_json(json.dumps({r.name: {"figures": r.figures, "by_type": r.by_type,
                                                    "failures": r.failures} for r in results}))
    else:
        for r in results:
            _print_set(r)
    failed = [f"{r.name}: {msg}" for r in results for msg in r.failures]
    for msg in failed:
        err_console.print(f"below floor: {msg}", markup=False)
    raise typer.Exit(1 if failed else 0)


def _print_set(r: SetResult) -> None:
    from ..evaluation import METRICS, SCALARS

    f = r.figures
    out_console.print(f"== {r.name} ({f['n_gold']} gold, {f['n_pred']} predicted)", markup=False)
    for m in METRICS:
        x = f[m]
        out_console.print(f"{m:10s} P={x['p']:.3f} R={x['r']:.3f} F1={x['f1']:.3f} "
                          f"(tp={x['tp']} fp={x['fp']} fn={x['fn']})", markup=False)
    for s in SCALARS:
        out_console.print(f"{s:15s} {f.get(s)}", markup=False)
    out_console.print(f"{'quantity_cov':15s} {f.get('quantity_coverage')}", markup=False)
    for etype, x in r.by_type.items():
        out_console.print(f"  {etype:11s} event F1={x['event']['f1']:.3f} claim F1={x['claim']['f1']:.3f} "
                          f"(events tp={x['event']['tp']} fp={x['event']['fp']} fn={x['event']['fn']})",
                          markup=False)
