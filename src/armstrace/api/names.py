"""GET /api/resolve: what a typed name means, for a search box ("Iran" -> actor IRN, "drones" -> class uav)."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from ..resolve import resolve_any
from ..store.lookup import stored_actor_ids, stored_models
from .deps import MAX_FILTER_CHARS, NO_NUL, StoreDep

router = APIRouter(tags=["names"])


class Resolved(BaseModel):
    """One name resolved: which filter it goes in, and the value to give that filter."""

    kind: Literal["actor", "weapon"]
    value: str
    label: str


@router.get("/api/resolve", responses={422: {"description": "No actor or weapon has this name (`suggestions`), "
                                                         "or several do (`choices`)."}})
def resolve(store: StoreDep, q: str = Query(..., min_length=1, max_length=MAX_FILTER_CHARS, pattern=NO_NUL,
                                            description="A name: Iran, Tehran, Iranian, geran-2, Shahed, drones.")
            ) -> Resolved:
    """The actor or weapon `q` names: `kind` says which filter (`actor` or `weapon`) takes `value`.

    A 422 says "no actor or weapon called X; did you mean ..." with `suggestions`, or lists `choices`.
    """
    match = resolve_any(q, stored_actor_ids(store), stored_models(store))
    return Resolved(kind=match.kind, value=match.value, label=match.label)  # type: ignore[arg-type]
