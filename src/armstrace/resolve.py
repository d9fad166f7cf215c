"""Names to ids: "Iran", "Tehran", "Iranian" -> IRN; "geran-2" -> shahed-136; "drones" -> uav.

Records carry ids (`IRN`, `houthis`, `shahed-136`, class `uav`) so that they
join and filter exactly, but an analyst types names. This is the one resolver
the CLI options, the API's filter parameters and review corrections share, so
that a name means the same thing everywhere. It is built from the gazetteers:
state names, aliases, demonyms, capitals and metonyms, body names, the names
of state organs (a ministry names its state), weapon models and their
aliases, weapon classes and their generic words.

Three outcomes, never a silent empty result:
- one id (or, for a weapon family such as "Shahed", the set of its models);
- several equally good ids: `AmbiguousName`, listing the choices;
- none: `UnknownName`, with the closest names ("did you mean ...").

    resolve_actor("Tehran")          # "IRN"
    resolve_weapon("geran-2")        # WeaponMatch(models=("shahed-136",), weapon_class=None)
    resolve_weapon("drones").value   # "uav"
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import UsageError
from .gazetteer import load_gazetteers

AUTHOR = "author"
# A family prefix shorter than this matches too much ("s" is half the catalogue).
MIN_PREFIX = 3
MAX_CHOICES = 8
MAX_SUGGESTIONS = 3
_NOT_KEY = re.compile(r"[\s\-_.'’]+")


class UnknownName(UsageError):
    """No actor or weapon has this name; `suggestions` are the closest ones, as "Name (id)"."""

    def __init__(self, message: str, suggestions: list[str]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class AmbiguousName(UsageError):
    """Several actors or weapons have this name; `choices` lists them, as "Name (id)"."""

    def __init__(self, message: str, choices: list[str]) -> None:
        super().__init__(message)
        self.choices = choices


def name_key(text: str) -> str:
    """The lookup form of a name: case, spaces, dots, apostrophes, `-` and `_` ignored; a leading "the" dropped."""
    text = text.strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    return _NOT_KEY.sub("", text)


@dataclass
class _Index:
    """key -> ids for each tier, and id -> display name."""

    tiers: list[dict[str, set[str]]]
    words: dict[str, set[str]] = field(default_factory=dict)   # whole words of names -> ids
    names: dict[str, str] = field(default_factory=dict)

    def add(self, tier: int, name: str, ident: str) -> None:
        key = name_key(name)
        if key:
            self.tiers[tier].setdefault(key, set()).add(ident)
        if tier == 0:
            for word in re.findall(r"[^\W_]+", name.casefold()):
                self.words.setdefault(word, set()).add(ident)


@lru_cache(maxsize=1)
def _actors() -> _Index:
    """Tier 0: ids, states and bodies; tier 1: organs (a ministry stands for its state); tier 2: people."""
    gaz = load_gazetteers()
    index = _Index(tiers=[{}, {}, {}])
    for state in gaz.states:
        index.names[state.code] = state.name
        for name in (state.code, state.name, *state.aliases, *state.demonyms, *state.capitals, *state.metonyms):
            index.add(0, name, state.code)
    for body in gaz.bodies:
        index.names.setdefault(body.slug, body.names[0] if body.names else body.slug)
        for name in (body.slug, *body.names, *body.demonyms):
            index.add(0, name, body.slug)
    for organ in gaz.organs:
        for name in organ.names:
            index.add(1, name, organ.state)
    for person in gaz.people:
        for name in (person.name, *person.aliases):
            index.add(2, name, person.actor)
    return index


@dataclass(frozen=True)
class WeaponMatch:
    """What a weapon name selects: some models, or a weapon class (a class also matches the models of that id)."""

    models: tuple[str, ...] = ()
    weapon_class: str | None = None

    @property
    def value(self) -> str:
        """The `weapon` filter value: the class, or the model ids joined by commas (any of them matches)."""
        return self.weapon_class if self.weapon_class is not None else ",".join(self.models)


@lru_cache(maxsize=1)
def _weapons() -> tuple[_Index, dict[str, str]]:
    """Models by id, name and alias (tier 0); and generic words -> class ("drones" -> uav)."""
    gaz = load_gazetteers()
    index = _Index(tiers=[{}])
    for weapon in gaz.weapons:
        index.names[weapon.model] = weapon.name
        for name in (weapon.model, weapon.name, *weapon.aliases):
            index.add(0, name, weapon.model)
    classes: dict[str, str] = {}
    for term in gaz.class_terms:
        classes[name_key(term.weapon_class)] = term.weapon_class
        for word in term.terms:
            classes.setdefault(name_key(word), term.weapon_class)
    return index, classes


def _label(index: _Index, ident: str) -> str:
    name = index.names.get(ident)
    return f"{name} ({ident})" if name and name != ident else ident


def _choose(index: _Index, text: str, ids: set[str], what: str) -> str:
    if len(ids) == 1:
        return next(iter(ids))
    choices = [_label(index, i) for i in sorted(ids, key=lambda i: index.names.get(i, i))][:MAX_CHOICES]
    raise AmbiguousName(f"{what} {text!r} may be {', '.join(choices[:-1])} or {choices[-1]}; give one of them",
                        choices)


def _suggest(keys: Iterable[tuple[str, str]], text: str) -> list[str]:
    """The closest display names to `text` ((display, key) pairs), best first."""
    by_key: dict[str, str] = {}
    for display, key in keys:
        by_key.setdefault(key, display)
    close = difflib.get_close_matches(name_key(text), list(by_key), n=MAX_SUGGESTIONS * 3, cutoff=0.75)
    return list(dict.fromkeys(by_key[key] for key in close))[:MAX_SUGGESTIONS]


def unknown(text: str, suggestions: list[str], what: str = "actor or weapon") -> UnknownName:
    """The one "no X called Y; did you mean ..." error."""
    examples = {"actor": "Iran, IRN, Hamas", "weapon": "Shahed-136, drone, missile"}.get(
        what, "Iran, Hamas, Shahed-136, drone")
    hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else f" (names such as {examples} work)"
    return UnknownName(f"no {what} called {text!r}{hint}", suggestions)


def resolve_actor(text: str, known: Iterable[str] = ()) -> str:
    """The actor id `text` names: an id, a name, demonym, capital or alias, an organ or a leader of it.

    `known` are ids in use that no gazetteer lists (an unnamed group's slug in a
    database): such an id, in any case, is itself. UnknownName / AmbiguousName otherwise.
    """
    text = text.strip()
    if text.casefold() == AUTHOR:
        return AUTHOR
    index = _actors()
    key = name_key(text)
    for tier in index.tiers:
        if key in tier:
            return _choose(index, text, tier[key], "actor")
    for ident in known:
        if name_key(ident) == key:
            return ident
    if key.endswith("s") and key[:-1] in index.tiers[0]:          # "Iranians", "Houthis"
        return _choose(index, text, index.tiers[0][key[:-1]], "actor")
    words = re.findall(r"[^\W_]+", text.casefold())
    if words:
        sets = [index.words.get(word, set()) for word in words]
        shared = set.intersection(*sets)
        if shared:                                                  # "Korea" -> PRK or KOR
            return _choose(index, text, shared, "actor")
    pairs = [(_label(index, i), k) for tier in index.tiers[:1] for k, ids in tier.items() for i in ids]
    pairs += [(ident, name_key(ident)) for ident in known]
    raise unknown(text, _suggest(pairs, text), "actor")


def resolve_weapon(text: str, known: Iterable[str] = ()) -> WeaponMatch:
    """The models or class `text` names: a model id, name or alias, a class or a generic word, a family prefix.

    "geran-2" -> shahed-136; "drones" -> class uav; "Shahed" -> every Shahed model.
    `known` are model ids in use that the catalogue does not list.
    """
    index, classes = _weapons()
    key = name_key(text)
    if key in index.tiers[0]:
        return WeaponMatch(models=tuple(sorted(index.tiers[0][key])))
    for ident in known:
        if name_key(ident) == key:
            return WeaponMatch(models=(ident,))
    for candidate in (key, key[:-1] if key.endswith("s") else key, key[:-2] if key.endswith("es") else key):
        if candidate in classes:
            return WeaponMatch(weapon_class=classes[candidate])
    if len(key) >= MIN_PREFIX:
        # A family: names that go on with a number ("shahed" -> shahed136, not "shahedgaza" or "mightydragon").
        family = sorted({i for k, ids in index.tiers[0].items()
                         if k.startswith(key) and k[len(key):][:1].isdigit() for i in ids})
        if family:
            return WeaponMatch(models=tuple(family))
    pairs = [(_label(index, i), k) for k, ids in index.tiers[0].items() for i in ids]
    pairs += [(word, word) for word in classes]
    raise unknown(text, _suggest(pairs, text), "weapon")


def resolve_weapon_value(text: str, known: Iterable[str] = ()) -> str:
    """`resolve_weapon(text).value`, each comma-separated part resolved ("shahed-136,drone" -> "shahed-136,uav")."""
    parts = [part for part in text.split(",") if part.strip()]
    if len(parts) <= 1:
        return resolve_weapon(text, known).value
    return ",".join(dict.fromkeys(resolve_weapon(part, known).value for part in parts))


def actor_label(actor_id: str | None) -> str | None:
    """The display name of an actor id ("IRN" -> "Iran"); None when no gazetteer names it."""
    if actor_id is None:
        return None
    if actor_id == AUTHOR:
        return AUTHOR
    return _actors().names.get(actor_id)


def weapon_label(model: str) -> str | None:
    """The catalogue name of a model id ("shahed-136" -> "Shahed-136"); None when unknown."""
    return _weapons()[0].names.get(model)


@dataclass(frozen=True)
class NameMatch:
    """What a free-text name is: an actor id, or a weapon selection."""

    kind: str                      # "actor" or "weapon"
    value: str                     # the actor id, or the `weapon` filter value
    label: str                     # "Iran (IRN)", "Shahed-136 (shahed-136)", "class uav"


def resolve_any(text: str, actors: Iterable[str] = (), models: Iterable[str] = ()) -> NameMatch:
    """An actor if `text` names one, else a weapon; UnknownName "no actor or weapon called ..." if neither."""
    suggestions: list[str] = []
    try:
        ident = resolve_actor(text, actors)
        return NameMatch("actor", ident, _label(_actors(), ident))
    except UnknownName as exc:
        suggestions += exc.suggestions
    try:
        match = resolve_weapon(text, models)
    except UnknownName as exc:
        suggestions += exc.suggestions
        raise unknown(text, suggestions[:MAX_SUGGESTIONS]) from None
    if match.weapon_class is not None:
        return NameMatch("weapon", match.value, f"class {match.weapon_class}")
    return NameMatch("weapon", match.value, ", ".join(_label(_weapons()[0], m) for m in match.models))
