"""Events across documents, contradictions and regimes: thin over `armstrace.analysis`.

Imported only when the analysis package exists (see `analysis_routes.py`).
Events are brought up to date before they are read: a database filled by an
older ingest, or by `Store.save_document` alone, has records in no event yet,
and the clustering of the pending blocks takes milliseconds.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ..analysis import (
    event_report,
    event_reports,
    find_contradictions,
    flag_event,
    list_events,
    load_regimes,
    pending_updates,
    update_events,
)
from ..store import Store
from .deps import MAX_LIMIT, StoreDep, records_json

router = APIRouter(tags=["events"])

TypeParam = Annotated[Literal["transfer", "use", "production", "training", "sanction"] | None,
                      Query(description="Event type.")]


def fresh(store: Store) -> Store:
    """The store, with every record assigned to an event."""
    if not store.readonly and pending_updates(store) > 0:
        update_events(store)
    return store


def _summary(report: Any) -> dict[str, Any]:
    corroboration = report.corroboration
    return {
        **report.event.model_dump(mode="json"),
        "summary": report.event.summary(),
        "n_independent": corroboration.n_independent,
        "asserting": corroboration.asserting, "hedging": corroboration.hedging, "denying": corroboration.denying,
        "flags": [flag.regime for flag in report.flags],
    }


@router.get("/api/events")
def events(
    store: StoreDep,
    type: TypeParam = None,
    actor: str | None = Query(None, description="Actor or recipient id."),
    weapon: str | None = Query(None, description="Model id or weapon class."),
    limit: int = Query(50, ge=0, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Events (one per real-world happening, joining claims across documents), by first report."""
    reports = event_reports(fresh(store), type=type, actor=actor or None, weapon=weapon or None)
    page = reports[offset:offset + limit]
    return {"items": [_summary(r) for r in page], "total": len(reports), "limit": limit, "offset": offset}


@router.get("/api/events/{event_id}")
def event(event_id: str, store: StoreDep) -> dict[str, Any]:
    """One event: its claims across sources (with reviews), corroboration, regime flags, contradictions."""
    report = event_report(fresh(store), event_id)
    claims = records_json(store, [m.record for m in report.claims])
    for item, membership in zip(claims, report.claims, strict=True):
        item["reason"] = membership.reason
        item["doc_published"] = membership.published
    ev = report.event
    contradictions = [c for c in find_contradictions(store, type=ev.type, actor=ev.actor)
                      if c.event.event_id == event_id]
    return {
        "event": {**ev.model_dump(mode="json"), "summary": ev.summary()},
        "corroboration": report.corroboration.model_dump(mode="json"),
        "flags": [flag.model_dump(mode="json") for flag in report.flags],
        "claimed": [claim.model_dump(mode="json") for claim in report.claimed],
        "claims": claims,
        "contradictions": [c.model_dump(mode="json") for c in contradictions],
        "regimes_version": report.regimes_version,
    }


@router.get("/api/contradictions")
def contradictions(
    store: StoreDep,
    type: TypeParam = None,
    actor: str | None = Query(None, description="Actor or recipient id."),
    weapon: str | None = Query(None, description="Model id or weapon class."),
) -> dict[str, Any]:
    """Events some claimants assert or hedge and others deny, with both sides' claims."""
    found = find_contradictions(fresh(store), type=type, actor=actor or None, weapon=weapon or None)
    items = [{**c.model_dump(mode="json"), "summary": c.event.summary()} for c in found]
    return {"items": items, "total": len(items)}


@router.get("/api/regimes")
def regimes(store: StoreDep) -> dict[str, Any]:
    """Sanctions regimes and treaties, each with the stored events it would engage."""
    engaged: dict[str, list[dict[str, Any]]] = {}
    for ev in list_events(fresh(store)):
        for flag in flag_event(ev):
            engaged.setdefault(flag.regime, []).append(
                {"event_id": ev.event_id, "summary": ev.summary(), "certainty": flag.certainty})
    items = [{**regime.model_dump(mode="json"), "events": engaged.get(regime.id, [])} for regime in load_regimes()]
    return {"items": items, "total": len(items)}
