"""`armstrace events`, `event`, `contradictions`, `timeline`, `weapon`: analysis across documents.

These commands only read: the database opens read-only, and records that
ingest has not clustered yet are reported on stderr, not clustered here.
Every table cell that comes from the database is a `rich.text.Text`, so
article text such as "[red]" or "[/]" prints as written, never as markup.
"""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel
from rich.table import Table
from rich.text import Text

from ..analysis import (
    Event,
    event_report,
    find_contradictions,
    flag_event,
    list_events,
    pending_updates,
    stored_corroboration,
    timeline,
    weapon_chain,
)
from ..resolve import AmbiguousName, actor_label
from ..store import Store, weapon_class_of
from ..store.lookup import actor_id, weapon_value
from .app import DbOption, app, err_console, out_console
from .records import IncludeRejectedOption, named


class Format(str, Enum):
    table = "table"
    json = "json"


class TimelineOrder(str, Enum):
    event = "event"
    published = "published"


FormatOption = typer.Option(Format.table, "--format", help="table or json.")
TypeOption = typer.Option(None, "--type", help="transfer, use, production, training or sanction.")
ActorOption = typer.Option(None, "--actor", help="Actor or recipient: an id or a name (IRN, Iran, Tehran, houthis).")
WeaponOption = typer.Option(None, "--weapon", help="A model, family or class, by id or name (shahed-136, Geran-2, "
                                                   "Shahed, uav, drones).")
ByOption = typer.Option(TimelineOrder.event, "--by",
                        help="event: events by when they happened; published: claims by report date.")


def _note_pending(store: Store) -> None:
    """Say on stderr when some records are in no event yet (the results leave them out)."""
    n = pending_updates(store)
    if n:
        err_console.print(f"note: {n} records or events in {store.path} wait for clustering and are left out "
                          "(ingest clusters them: run `armstrace ingest` on the new files)",
                          markup=False, highlight=False)


def _names(store: Store, actor: str | None, weapon: str | None) -> tuple[str | None, str | None]:
    """The --actor and --weapon names as ids (a usage error, exit 2, names the closest ones)."""
    return (actor_id(store, actor, "--actor") if actor else None,
            weapon_value(store, weapon, "--weapon") if weapon else None)


def _one_model(store: Store, text: str) -> str:
    """The one model `text` names ("Geran-2" -> shahed-136); a family or a class is a usage error naming them."""
    value = weapon_value(store, text, "MODEL")
    parts = value.split(",")
    if len(parts) > 1 or weapon_class_of(value) is not None:
        raise AmbiguousName(f"MODEL {text!r} names {'the class ' + value if len(parts) == 1 else ', '.join(parts)}; "
                            "give one model", parts)
    return value


def _print_json(value: Any) -> None:
    data: Any
    if isinstance(value, BaseModel):
        data = value.model_dump(mode="json")
    else:
        data = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _cut(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _cells(*values: str) -> list[Text]:
    """Table cells shown as written: database text is never read as Rich markup."""
    return [Text(value) for value in values]


def _parties(e: Event) -> str:
    """The event's parties by name: "Iran → Russia"."""
    target = e.location if e.type == "production" else e.recipient
    return " → ".join(actor_label(a) or a for a in (e.actor, target) if a)


def _stances(c: Event) -> str:
    parts = [f"+{','.join(c.asserting)}" if c.asserting else "", f"?{','.join(c.hedging)}" if c.hedging else "",
             f"-{','.join(c.denying)}" if c.denying else ""]
    return " ".join(p for p in parts if p)


@app.command()
def events(
    db: Path = DbOption,
    type: str | None = TypeOption,
    actor: str | None = ActorOption,
    weapon: str | None = WeaponOption,
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many events."),
    format: Format = FormatOption,
    include_rejected: bool = IncludeRejectedOption,
) -> None:
    """List events across documents: claims joined, independent sources, claimants
    (+ asserting, ? hedging, - denying) and the regimes they would engage.

    Example: armstrace events --db events.db --actor IRN --weapon uav
    """
    # Each event is one stored row (corroboration included): the cost is the page, not the events' sizes.
    with Store(db, readonly=True) as store:
        _note_pending(store)
        actor, weapon = _names(store, actor, weapon)
        found = list_events(store, type=type, actor=actor, weapon=weapon, limit=limit, include_rejected=include_rejected)
        if format is Format.json:
            _print_json([{"event": e.model_dump(mode="json"),
                          "corroboration": stored_corroboration(store, e).model_dump(mode="json"),
                          "flags": [f.regime for f in flag_event(e)]} for e in found])
    if format is Format.table:
        table = Table(title=Text(f"{len(found)} events in {db}"))
        for col in ("event", "what", "time", "claims", "docs", "indep.", "claimants", "regimes"):
            table.add_column(col, overflow="fold")
        for e in found:
            table.add_row(*_cells(e.event_id, f"{e.summary().rsplit(' ', 1)[0]}\n{_parties(e)}", e.time or "?",
                                  str(e.n_claims),
                                  str(e.n_documents), str(e.n_independent), _stances(e),
                                  ", ".join(f.regime.removeprefix("regime/") for f in flag_event(e))))
        out_console.print(table)
    if not found:
        err_console.print("no events match", markup=False)


@app.command()
def event(
    event_id: str = typer.Argument(..., help="An event id, as `armstrace events` shows it."),
    db: Path = DbOption,
    format: Format = FormatOption,
    limit: int | None = typer.Option(None, "--limit", min=0, help="Show at most this many claims (default: all)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many claims first."),
    include_rejected: bool = IncludeRejectedOption,
) -> None:
    """Show one event: every claim (or a page: --limit, --offset) with its evidence and why it was
    joined, the independent sources, and the regimes it would engage with reasons.

    Example: armstrace event ev-3a5953896ab1 --db events.db --limit 50
    """
    with Store(db, readonly=True) as store:
        _note_pending(store)
        report = event_report(store, event_id, limit=limit, offset=offset, groups_limit=-1,
                              include_rejected=include_rejected)
    if format is Format.json:
        _print_json(report)
        return

    def p(text: str) -> None:
        out_console.print(text, markup=False, highlight=False)

    e, c = report.event, report.corroboration
    p(f"{e.event_id}  {e.summary()}")
    p(f"{c.n_claims} claims in {c.n_documents} documents, {c.n_independent} independent; "
      f"reported {c.first_reported or '?'} to {c.last_reported or '?'}")
    p(f"asserting {', '.join(c.asserting) or '-'}; hedging {', '.join(c.hedging) or '-'}; "
      f"denying {', '.join(c.denying) or '-'}")
    for group in c.groups:
        if len(group.doc_ids) > 1:
            p(f"syndicated: {', '.join(group.doc_ids)} ({'; '.join(group.reasons)})")
    p(f"regimes it would engage (our reading, data {report.regimes_version}):")
    for flag in report.flags:
        p(f"  {flag.regime} [{flag.certainty}] {flag.name}")
        for match in flag.matches:
            p(f"    {match.paragraph}: {match.reason}")
    if not report.flags:
        p("  none")
    p("what claimants say it breaches:")
    for claim in report.claimed:
        p(f"  {claim.instrument}: {', '.join(claim.claimants)}" + ("" if claim.flagged else " (no matching flag)"))
    if not report.claimed:
        p("  nothing")
    shown = f"{offset + 1}-{offset + len(report.claims)} of " if len(report.claims) < report.claims_total else ""
    table = Table(title=f"claims ({shown}{report.claims_total})")
    for col in ("record", "document", "published", "claimant", "speaker", "stance", "evidence", "why joined"):
        table.add_column(col, overflow="fold")
    for member in report.claims:
        r = member.record
        table.add_row(*_cells(r.record_id, r.doc_id, member.published or "?", r.claimant, r.speaker or "",
                              r.stance, r.evidence, member.reason))
    out_console.print(table)


@app.command()
def contradictions(
    db: Path = DbOption,
    type: str | None = TypeOption,
    actor: str | None = ActorOption,
    weapon: str | None = WeaponOption,
    format: Format = FormatOption,
    include_rejected: bool = IncludeRejectedOption,
) -> None:
    """List events asserted or hedged by some claimants and denied by others, with both sides' evidence.

    Example: armstrace contradictions --db events.db --actor IRN
    """
    with Store(db, readonly=True) as store:
        _note_pending(store)
        actor, weapon = _names(store, actor, weapon)
        found = find_contradictions(store, type=type, actor=actor, weapon=weapon, include_rejected=include_rejected)
    if format is Format.json:
        _print_json(found)
    else:
        for c in found:
            table = Table(title=Text(f"{c.event.event_id} {c.event.summary()} ({c.kind}): {c.reason}"),
                          title_justify="left")
            for col in ("side", "claimant", "speaker", "stance", "document", "record", "evidence"):
                table.add_column(col, overflow="fold")
            for side, refs in (("for", c.supporting), ("against", c.denying)):
                for ref in refs:
                    table.add_row(*_cells(side, ref.claimant, ref.speaker or "", ref.stance,
                                          f"{ref.doc_id} ({ref.published or '?'})", ref.record_id, ref.evidence))
            out_console.print(table)
    if not found:
        err_console.print("no contradictions", markup=False)


@app.command("timeline")
def timeline_(
    db: Path = DbOption,
    by: TimelineOrder = ByOption,
    type: str | None = TypeOption,
    actor: str | None = ActorOption,
    weapon: str | None = WeaponOption,
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    format: Format = FormatOption,
    include_rejected: bool = IncludeRejectedOption,
) -> None:
    """Show events by event time (with its precision), or claims by publication date.

    Example: armstrace timeline --db events.db --actor IRN --by published
    """
    with Store(db, readonly=True) as store:
        _note_pending(store)
        actor, weapon = _names(store, actor, weapon)
        entries = timeline(store, by=by.value, type=type, actor=actor, weapon=weapon, since=since, until=until,
                           include_rejected=include_rejected)
    if format is Format.json:
        _print_json(entries)
        return
    table = Table(title=Text(f"{len(entries)} {'events' if by is TimelineOrder.event else 'claims'} in {db}"))
    if by is TimelineOrder.event:
        for col in ("when", "precision", "event", "what", "claims", "first reported"):
            table.add_column(col, overflow="fold")
        for t in entries:
            table.add_row(*_cells(t.when or "?", t.precision or "", t.event_id, t.summary, str(t.n_claims),
                                  t.first_reported or "?"))
    else:
        for col in ("published", "document", "claimant", "stance", "event", "evidence"):
            table.add_column(col, overflow="fold")
        for t in entries:
            table.add_row(*_cells(t.when or "?", t.doc_id or "", t.claimant or "", t.stance or "", t.event_id,
                                  _cut(t.evidence or "")))
    out_console.print(table)


@app.command()
def weapon(
    model: str = typer.Argument(..., help="A model id or name, e.g. shahed-136 or Geran-2."),
    db: Path = DbOption,
    format: Format = FormatOption,
    include_rejected: bool = IncludeRejectedOption,
) -> None:
    """Show a weapon model's chain across documents: producers, suppliers, recipients, users and targets.

    Example: armstrace weapon shahed-136 --db events.db
    """
    with Store(db, readonly=True) as store:
        _note_pending(store)
        chain = weapon_chain(store, _one_model(store, model), include_rejected=include_rejected)
    if format is Format.json:
        _print_json(chain)
        return
    table = Table(title=Text(f"{chain.model}: {chain.n_records} records in {chain.n_documents} documents"))
    for col in ("role", "actor", "records", "documents", "events", "stances"):
        table.add_column(col, overflow="fold")
    for role in ("producers", "suppliers", "recipients", "users", "targets", "trainers", "trainees"):
        for party in getattr(chain, role):
            stances = ", ".join(f"{k} {v}" for k, v in party.stances.items())
            table.add_row(*_cells(role, named(party.actor), str(party.n_records), str(party.n_documents),
                                  str(party.n_events), stances))
    out_console.print(table)
