"""Events across documents, contradictions and regimes: thin over `armstrace.analysis`.

GET routes read only: events are clustered by ingest (`ensure_events`), never
inside a request. Records not in an event yet (a database filled by
`Store.save_document` alone, or by an older armstrace) are counted in each
answer's `events_pending`; `armstrace ingest` or `ensure_events` clusters them.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ..analysis import (
    Event,
    count_events,
    event_contradictions,
    event_report,
    find_contradictions,
    flag_event,
    list_events,
    load_regimes,
    pending_updates,
)
from ..resolve import actor_label, weapon_label
from ..store import Store
from ..store.lookup import actor_id, weapon_value
from .deps import (
    ACTOR_HELP,
    WEAPON_HELP,
    IncludeRejectedParam,
    LimitParam,
    OffsetParam,
    StoreDep,
    TypeParam,
    records_json,
    text_param,
)

router = APIRouter(tags=["events"])

EventOrder = Annotated[Literal["first_reported", "independent", "contradictions", "last_reported"],
                       Query(description="first_reported (default), independent (most sources first), "
                                         "contradictions (contested first) or last_reported (latest first).")]


def _summary(event: Event) -> dict[str, Any]:
    """An event as listed: its stored fields (corroboration counts and claimants included) and regime flags."""
    return {**event.model_dump(mode="json"), **event_names(event), "summary": event.summary(),
            "flags": [flag.regime for flag in flag_event(event)]}


def event_names(event: Event) -> dict[str, Any]:
    """Names beside an event's ids: `actor_name`, `recipient_name`, `location_name`, `model_names`."""
    return {"actor_name": actor_label(event.actor), "recipient_name": actor_label(event.recipient),
            "location_name": actor_label(event.location),
            "model_names": [weapon_label(m) or m for m in event.models]}


def _names(store: Store, actor: str | None, weapon: str | None) -> dict[str, str | None]:
    """The actor and weapon filters with names resolved to ids (422 with suggestions when unknown)."""
    return {"actor": actor_id(store, actor) if actor else None,
            "weapon": weapon_value(store, weapon) if weapon else None}


@router.get("/api/events")
def events(
    store: StoreDep,
    type: TypeParam = None,
    actor: str | None = text_param(ACTOR_HELP),
    weapon: str | None = text_param(WEAPON_HELP),
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
    include_rejected: IncludeRejectedParam = False,
    sort: EventOrder = "first_reported",
) -> dict[str, Any]:
    """Events (one per real-world happening, joining claims across documents), by first report or `sort`.

    Each costs one stored row, whatever the size of the event."""
    filters: dict[str, Any] = {"type": type, **_names(store, actor, weapon), "include_rejected": include_rejected}
    page = list_events(store, **filters, limit=limit, offset=offset, sort=sort)
    return {"items": [_summary(e) for e in page], "total": count_events(store, **filters), "limit": limit,
            "offset": offset, "events_pending": pending_updates(store)}


@router.get("/api/events/{event_id}")
def event(
    event_id: str,
    store: StoreDep,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
    include_rejected: IncludeRejectedParam = False,
) -> dict[str, Any]:
    """One event: a page of its claims across sources (with reviews), corroboration, regime flags, contradictions.

    `claims` is a page (`{"items", "total", "limit", "offset"}`); the corroboration lists the first 50
    source groups, and each contradiction the first 50 claims of each side (`n_supporting`, `n_denying`).
    """
    report = event_report(store, event_id, limit=limit, offset=offset, include_rejected=include_rejected)
    claims = records_json(store, [m.record for m in report.claims])
    for item, membership in zip(claims, report.claims, strict=True):
        item["reason"] = membership.reason
        item["doc_published"] = membership.published
    ev = report.event
    return {
        "event": {**ev.model_dump(mode="json"), **event_names(ev), "summary": ev.summary()},
        "corroboration": report.corroboration.model_dump(mode="json"),
        "flags": [flag.model_dump(mode="json") for flag in report.flags],
        "claimed": [claim.model_dump(mode="json") for claim in report.claimed],
        "claims": {"items": claims, "total": report.claims_total, "limit": limit, "offset": offset},
        "contradictions": [c.model_dump(mode="json")
                           for c in event_contradictions(store, ev, include_rejected=include_rejected)],
        "regimes_version": report.regimes_version,
        "events_pending": pending_updates(store),
    }


@router.get("/api/contradictions")
def contradictions(
    store: StoreDep,
    type: TypeParam = None,
    actor: str | None = text_param(ACTOR_HELP),
    weapon: str | None = text_param(WEAPON_HELP),
    include_rejected: IncludeRejectedParam = False,
) -> dict[str, Any]:
    """Events some claimants assert or hedge and others deny, with both sides' claims."""
    found = find_contradictions(store, type=type, **_names(store, actor, weapon), include_rejected=include_rejected)
    items = [{**c.model_dump(mode="json"), **event_names(c.event), "summary": c.event.summary()} for c in found]
    return {"items": items, "total": len(items), "events_pending": pending_updates(store)}


@router.get("/api/regimes")
def regimes(store: StoreDep) -> dict[str, Any]:
    """Sanctions regimes and treaties, each with the stored events it would engage."""
    engaged: dict[str, list[dict[str, Any]]] = {}
    for ev in list_events(store):
        for flag in flag_event(ev):
            engaged.setdefault(flag.regime, []).append(
                {"event_id": ev.event_id, "summary": ev.summary(), "certainty": flag.certainty})
    items = [{**regime.model_dump(mode="json"), "events": engaged.get(regime.id, [])} for regime in load_regimes()]
    return {"items": items, "total": len(items), "events_pending": pending_updates(store)}
