"""Corrections checked against the vocabularies before they are stored.

An analyst types "Ukraine" where the record holds `UKR`, "drones" where it
holds the class `uav`, "Geran-2" where it holds the model `shahed-136`: names
go through the resolver (`armstrace.resolve`, plus the ids the database
holds), so what is stored is the id every view filters and joins on. A value
that is in no vocabulary, or a value without a field, is refused with the
allowed values (`BadValue`, a 422 in the API), never stored nor dropped.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import BadValue
from ..gazetteer import load_gazetteers
from ..periods import period_of, precision_of
from ..records import EVENT_TYPES, STANCES, WEAPON_CLASSES, DatePrecision
from ..resolve import AmbiguousName, UnknownName, resolve_weapon
from .database import Store
from .lookup import actor_id, stored_models

ACTOR_FIELDS = ("actor", "recipient", "location", "claimant")
REGIMES_PACKAGE = "armstrace.data.regimes"   # as analysis/regimes.py (store reads only the instrument codes)
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


TIME_ALLOWED = ["YYYY", "YYYY-MM", "YYYY-MM-DD (a real date: 2023, 2023-05, 2023-05-08)"]
QUANTITY_ALLOWED = ['{"min": N, "max": M} with 0 <= N <= M (either may be null: "at least 6" is {"min": 6})']


def _time(store: Store, value: Any) -> Any:
    """A date or period as records hold it, read by the parser every view uses (`periods.period_of`)."""
    if not isinstance(value, str) or period_of(value.strip()) is None:
        raise BadValue(f"corrections.time: {value!r} is not a date (use {', '.join(TIME_ALLOWED)})", TIME_ALLOWED)
    return value.strip()


def _count(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadValue(f"corrections.quantity.{name}: {value!r} is not a count (a whole number, 0 or more)",
                       QUANTITY_ALLOWED)
    return value


def _quantity(store: Store, value: Any) -> Any:
    if not isinstance(value, Mapping) or not value or set(value) - {"min", "max"}:
        raise BadValue(f"corrections.quantity: {value!r} is not a range (give {QUANTITY_ALLOWED[0]})",
                       QUANTITY_ALLOWED)
    low, high = _count("min", value.get("min")), _count("max", value.get("max"))
    if low is not None and high is not None and low > high:
        raise BadValue(f"corrections.quantity: min {low} is more than max {high}", QUANTITY_ALLOWED)
    return {"min": low, "max": high}


@lru_cache(maxsize=1)
def instrument_codes() -> dict[str, str]:
    """Every instrument code a record may say is breached, by its lookup form ("unscr-2231" -> "UNSCR-2231"):
    the instruments gazetteer's codes, ids and names, and the instruments the regimes data lists."""
    codes: dict[str, str] = {}
    for line in resources.files(REGIMES_PACKAGE).joinpath("regimes.jsonl").read_text(encoding="utf-8").splitlines():
        for code in json.loads(line)["instruments"] if line.strip() else []:
            codes[code.casefold()] = code
    for instrument in load_gazetteers().instruments:
        for text in (instrument.code, instrument.id, instrument.id.removeprefix("instrument/"), *instrument.patterns):
            codes[text.casefold()] = instrument.code
    return codes


def _violates(store: Store, value: Any) -> Any:
    values = [value] if isinstance(value, str) else value
    codes = instrument_codes()
    allowed = sorted(set(codes.values()))
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise BadValue(f"corrections.violates: give a list of instrument codes (got {value!r})", allowed)
    unknown = [v for v in values if v.strip().casefold() not in codes]
    if unknown:
        raise BadValue(f"corrections.violates: {', '.join(map(repr, unknown))} is no instrument we know "
                       f"(one of {', '.join(allowed)})", allowed)
    return list(dict.fromkeys(codes[v.strip().casefold()] for v in values))


def _text(name: str) -> Callable[[Store, Any], Any]:
    def check(store: Store, value: Any) -> Any:
        if not isinstance(value, str):
            raise BadValue(f"corrections.{name}: give text (got {value!r})", ["a name as written, e.g. Kyiv"])
        return value.strip()
    return check


CHECKS: dict[str, Callable[[Store, Any], Any]] = {
    "time": _time,
    "quantity": _quantity,
    "violates": _violates,
    "place": _text("place"),
    "speaker": _text("speaker"),
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


def consistent_time(current: Mapping[str, Any], checked: dict[str, Any]) -> dict[str, Any]:
    """`checked` with the time's precision made to agree with the time: a corrected time alone brings its
    precision ("2024" -> year); a precision that does not fit the time (day for "2024") is refused.

    `current` is the record as earlier reviews leave it.
    """
    if "time" not in checked and "time_precision" not in checked:
        return checked
    time = checked.get("time", current.get("time"))
    shape = precision_of(time)
    if "time_precision" not in checked:
        return {**checked, "time_precision": shape}
    if checked["time_precision"] != shape:
        allowed = [shape] if shape else ["null (the record has no time)"]
        raise BadValue(f"corrections.time_precision: {checked['time_precision']!r} does not fit the time {time!r} "
                       f"(use {allowed[0]}, or correct the time too)", allowed)
    return checked
