"""Corrections checked against the vocabularies before they are stored.

An analyst types "Ukraine" where the record holds `UKR`, "drones" where it
holds the class `uav`, "Geran-2" where it holds the model `shahed-136`: names
go through the resolver (`armstrace.resolve`, plus the ids the database
holds), so what is stored is the id every view filters and joins on. A value
that is in no vocabulary, or a value without a field, is refused with the
allowed values (`BadValue`, a 422 in the API), never stored nor dropped.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import BadValue
from ..records import EVENT_TYPES, STANCES, WEAPON_CLASSES, DatePrecision
from ..resolve import AmbiguousName, UnknownName, resolve_weapon
from .database import Store
from .lookup import actor_id, stored_models

ACTOR_FIELDS = ("actor", "recipient", "location", "claimant")
OPTIONAL_FIELDS = frozenset({"recipient", "location", "place", "weapon_class", "quantity", "speaker", "time",
                             "time_precision"})
PRECISIONS: tuple[str, ...] = DatePrecision.__args__   # type: ignore[attr-defined]
ACTOR_ALLOWED = ["a state, body or group: its id or name (UKR, Ukraine, Kyiv, Ukrainian, hamas), or author "
                 "for the claimant"]


def _enum(name: str, allowed: tuple[str, ...]) -> Callable[[Store, Any], Any]:
    def check(store: Store, value: Any) -> Any:
        text = str(value).strip().casefold().replace("_", "-")
        if text not in allowed:
            raise BadValue(f"corrections.{name}: {value!r} is not one of {', '.join(allowed)}", list(allowed))
        return text
    return check


def _actor(name: str) -> Callable[[Store, Any], Any]:
    def check(store: Store, value: Any) -> Any:
        if not isinstance(value, str):
            raise BadValue(f"corrections.{name}: give a name or id as text (got {value!r})", ACTOR_ALLOWED)
        try:
            return actor_id(store, value, f"corrections.{name}")
        except (UnknownName, AmbiguousName) as exc:
            options = getattr(exc, "suggestions", None) or getattr(exc, "choices", None) or []
            raise BadValue(f"{exc} (allowed: {ACTOR_ALLOWED[0]})", [*options, *ACTOR_ALLOWED]) from None
    return check


def _weapon_class(store: Store, value: Any) -> Any:
    try:
        match = resolve_weapon(str(value))
    except UnknownName:
        match = None
    if match is None or match.weapon_class is None:
        raise BadValue(f"corrections.weapon_class: {value!r} is not a weapon class (one of {', '.join(WEAPON_CLASSES)})",
                       list(WEAPON_CLASSES))
    return match.weapon_class


def _weapons(store: Store, value: Any) -> Any:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise BadValue(f"corrections.weapons: give a list of model names or ids (got {value!r})", ["shahed-136"])
    models: list[str] = []
    for text in values:
        try:
            match = resolve_weapon(text, stored_models(store))
        except UnknownName as exc:
            raise BadValue(f"corrections.weapons: {exc}", exc.suggestions) from None
        if match.weapon_class is not None or len(match.models) != 1:
            named = match.weapon_class or ", ".join(match.models)
            raise BadValue(f"corrections.weapons: {text!r} names {named}, not one model "
                           "(a class goes in weapon_class)", list(match.models))
        models.append(match.models[0])
    return list(dict.fromkeys(models))


CHECKS: dict[str, Callable[[Store, Any], Any]] = {
    "type": _enum("type", EVENT_TYPES),
    "stance": _enum("stance", STANCES),
    "time_precision": _enum("time_precision", PRECISIONS),
    "weapon_class": _weapon_class,
    "weapons": _weapons,
    **{name: _actor(name) for name in ACTOR_FIELDS},
}


def vocabulary_checked(store: Store, corrections: Mapping[str, Any], correctable: tuple[str, ...]) -> dict[str, Any]:
    """The corrections with names turned into ids; BadValue for a value outside its vocabulary or without a field.

    `null` clears an optional field; an empty text is no value (refused: say null to clear).
    """
    checked: dict[str, Any] = {}
    for name, value in corrections.items():
        if not name.strip():
            raise BadValue(f"corrections: a value ({value!r}) without a field; choose one of "
                           f"{', '.join(correctable)}", list(correctable))
        if name not in correctable:
            raise BadValue(f"corrections: cannot correct {name} (correctable fields: {', '.join(correctable)})",
                           list(correctable))
        if value is None or (isinstance(value, str) and not value.strip()):
            if value is None and name in OPTIONAL_FIELDS:
                checked[name] = None
                continue
            hint = "null clears it" if name in OPTIONAL_FIELDS else "it cannot be empty"
            raise BadValue(f"corrections.{name}: no value given ({hint})", [])
        check = CHECKS.get(name)
        checked[name] = check(store, value) if check is not None else value
    return checked
