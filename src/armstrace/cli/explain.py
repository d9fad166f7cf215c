"""`armstrace explain`: why a record exists: its sentence, parse, rules and gazetteer entries."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..gazetteer import load_gazetteers
from ..store import Store
from .app import DbOption, ModelOption, app, out_console


@app.command()
def explain(
    record_id: str = typer.Argument(..., help="A record id, as `armstrace records` shows it."),
    db: Path = DbOption,
    model: str = ModelOption,
) -> None:
    """Show the evidence sentence, the parse around the trigger, and the rules and gazetteer entries behind a record.

    Example: armstrace explain 3f2a9c0d1e4b5a67 --db armstrace.db
    """
    with Store(db, readonly=True) as store:
        rec = store.get_record(record_id)
        article = store.get_document(rec.doc_id)
    p = out_console.print
    p(f"[bold]{rec.record_id}[/] {rec.type} {rec.actor} -> {rec.recipient or rec.location or '-'} "
      f"({rec.weapon_class or 'no class'}{': ' + ', '.join(rec.weapons) if rec.weapons else ''})")
    p(f"claimant {rec.claimant} (speaker {escape(rec.speaker or '-')}), stance {rec.stance}, "
      f"confidence {rec.confidence}")
    page = f" page {rec.page}" if rec.page is not None else ""
    p(f"document {escape(rec.doc_id)}{page} chars {rec.evidence_start}-{rec.evidence_end}"
      f" (published {article.published or 'unknown'})")
    p("[bold]evidence[/]")
    out_console.print(rec.evidence, markup=False, highlight=False)
    from ..nlp import load_pipeline   # spaCy only here: the rest of the CLI starts without it

    nlp = load_pipeline(model)
    doc = nlp(rec.evidence)
    trigger = next((t for t in doc if t.text == rec.trigger), None)
    p(f"[bold]parse[/] (trigger {escape(rec.trigger or '-')})")
    for tok in doc:
        mark = "*" if trigger is not None and tok.i == trigger.i else " "
        near = trigger is not None and (tok.i == trigger.i or tok.head.i == trigger.i or
                                        (trigger.i in {a.i for a in tok.ancestors} and abs(tok.i - trigger.i) < 12))
        if trigger is not None and not near:
            continue
        out_console.print(f" {mark} {tok.text:<18} {tok.dep_:<10} <- {tok.head.text}", markup=False, highlight=False)
    p("[bold]rules[/]")
    for rule in rec.rules:
        out_console.print(f"  {rule}", markup=False)
    gaz = load_gazetteers()
    entries = {e.id: e for group in (gaz.states, gaz.organs, gaz.people, gaz.bodies, gaz.weapons,
                                     gaz.class_terms, gaz.instruments) for e in group}
    p("[bold]gazetteer entries[/]")
    for gid in rec.gazetteer_ids:
        entry = entries.get(gid)
        out_console.print(f"  {gid}  (source: {entry.source if entry else 'not in current data'})",
                          markup=False, highlight=False)
    p(f"extractor {rec.extractor_version}, data {rec.data_version}")
