"""Record filters given as names: "Iran", "geran-2", "drones" -> the ids the records hold.

`armstrace.resolve` knows the gazetteers; this adds what only the database
knows, the ids of actors and models no gazetteer lists (an unnamed group's
slug), so that every id a record holds can still be asked for by itself.
The CLI options and the API's filter parameters both go through
`resolve_filter`, so a name finds the same records everywhere.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..resolve import AmbiguousName, UnknownName, resolve_actor, resolve_weapon_value
from .database import Store
from .queries import RecordFilter

ACTOR_FIELDS = ("actor", "recipient", "claimant")


def stored_actor_ids(store: Store) -> list[str]:
    """Every actor, recipient and claimant id in the records."""
    return [str(row[0]) for row in store._query(
        "SELECT actor FROM records UNION SELECT recipient FROM records WHERE recipient IS NOT NULL "
        "UNION SELECT claimant FROM records")]


def stored_models(store: Store) -> list[str]:
    """Every weapon model id the records name."""
    return [str(row[0]) for row in store._query("SELECT DISTINCT model FROM record_weapons")]


def actor_id(store: Store | None, text: str, field: str = "actor") -> str:
    """The actor id `text` names (gazetteer first, then the ids stored); errors name the `field`."""
    try:
        return resolve_actor(text)
    except UnknownName:
        if store is None:
            raise
        try:
            return resolve_actor(text, stored_actor_ids(store))
        except UnknownName as exc:
            raise UnknownName(f"{field}: {exc}", exc.suggestions) from None
    except AmbiguousName as exc:
        raise AmbiguousName(f"{field}: {exc}", exc.choices) from None


def weapon_value(store: Store | None, text: str, field: str = "weapon") -> str:
    """The `weapon` filter value `text` names: models joined by commas, or a class."""
    try:
        return resolve_weapon_value(text)
    except UnknownName:
        if store is None:
            raise
        try:
            return resolve_weapon_value(text, stored_models(store))
        except UnknownName as exc:
            raise UnknownName(f"{field}: {exc}", exc.suggestions) from None


def resolve_filter(store: Store | None, flt: RecordFilter) -> RecordFilter:
    """`flt` with its actor, recipient, claimant and weapon names replaced by ids.

    UnknownName ("no actor called X; did you mean ...") or AmbiguousName
    (the choices) when a name is not one actor or weapon: never an empty
    answer that looks like "no records".
    """
    changes: dict[str, Any] = {}
    for name in ACTOR_FIELDS:
        value = getattr(flt, name)
        if value is not None:
            changes[name] = actor_id(store, value, name)
    if flt.weapon is not None:
        changes["weapon"] = weapon_value(store, flt.weapon)
    return replace(flt, **changes) if changes else flt
