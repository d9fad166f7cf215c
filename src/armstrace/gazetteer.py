"""Gazetteers and rules: the curated data behind extraction, with their schemas.

The data lives in `armstrace/data/gazetteers/*.jsonl` and
`armstrace/data/rules/*.jsonl`, one entry per line, each with a stable `id`
and a `source`. Every file has a pydantic schema with `extra="forbid"`, so a
typo in a field name fails loudly instead of silently dropping a name.
Files are read with `importlib.resources`, never relative to the cwd.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import BadData
from .records import WeaponClass


class Entry(BaseModel):
    """What every data-file line has: a stable `id` and the `source` it comes from."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source: str


class State(Entry):
    """A state: `{"id": "state/IRN", "code": "IRN", "name": "Iran", ...}`."""

    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    aliases: list[str] = Field(default_factory=list)      # "Islamic Republic of Iran", "Persia"
    demonyms: list[str] = Field(default_factory=list)     # "Iranian"; also "Iranian-made" is derived
    capitals: list[str] = Field(default_factory=list)     # "Tehran"
    metonyms: list[str] = Field(default_factory=list)     # "the Islamic Republic", "the Kremlin"
    historical: bool = False                              # SUN, YUG, ...


OrganKind = Literal["government", "ministry", "military", "intelligence", "legislature",
                    "agency", "company", "media", "diplomatic"]


class Organ(Entry):
    """Something that belongs to a state: a ministry, a force, a state firm, state media."""

    state: str = Field(pattern=r"^[A-Z]{3}$")
    kind: OrganKind
    names: list[str]


class Person(Entry):
    """A leader or official who speaks for a state or a body, past or present."""

    name: str
    aliases: list[str] = Field(default_factory=list)      # "Sullivan", "Zelenskyy"
    actor: str                                            # "USA", or a body slug such as "un"
    role: str                                             # "National Security Advisor"
    period: str | None = None                             # "2021-2025"


BodyKind = Literal["international", "armed-group", "alliance"]


class Body(Entry):
    """An international body or a non-state armed group, with its slug actor id."""

    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    kind: BodyKind
    names: list[str]
    demonyms: list[str] = Field(default_factory=list)     # "Houthi"
    base: str | None = None                               # ISO3 where it is based, if any


class Weapon(Entry):
    """One weapon model: `{"id": "weapon/shahed-136", "model": "shahed-136", ...}`."""

    model: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    aliases: list[str] = Field(default_factory=list)      # "Geran-2"
    weapon_class: WeaponClass
    producer: str | None = None                           # ISO3 of the state that makes it


class ClassTerm(Entry):
    """Generic words for a weapon class: "drone", "kamikaze drone" -> uav."""

    weapon_class: WeaponClass
    terms: list[str]                                      # lemmas or phrases, lower case


class Instrument(Entry):
    """A legal instrument a claimant may say an event breaches."""

    code: str                                             # "UNSCR-2231"
    name: str
    patterns: list[str]                                   # "Resolution 2231", "UNSCR 2231"


class Conflict(Entry):
    """Two sides at war: when a text names only one side of an attack, the other is the target."""

    sides: list[list[str]] = Field(min_length=2, max_length=2)
    start: str
    end: str | None = None


E = TypeVar("E", bound=Entry)


def read_data_file(package: str, name: str, schema: type[E]) -> list[E]:
    """Every entry of the JSONL data file `name` in `package`, validated by `schema`; BadData names the line."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    entries: list[E] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = schema.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise BadData(f"{package}/{name} line {n}: {first}") from exc
        if entry.id in seen:
            raise BadData(f"{package}/{name} line {n}: duplicate id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
    return entries


GAZETTEER_PACKAGE = "armstrace.data.gazetteers"


@dataclass(frozen=True)
class Gazetteers:
    """Every gazetteer, loaded and validated."""

    states: list[State]
    organs: list[Organ]
    people: list[Person]
    bodies: list[Body]
    weapons: list[Weapon]
    class_terms: list[ClassTerm]
    instruments: list[Instrument]
    conflicts: list[Conflict]
    version: str


def data_version() -> str:
    """A short hash of every data file: records keep it, so a change of data shows."""
    h = hashlib.sha256()
    for package in (GAZETTEER_PACKAGE, "armstrace.data.rules"):
        for item in sorted(resources.files(package).iterdir(), key=lambda p: p.name):
            if item.name.endswith(".jsonl"):
                h.update(item.name.encode())
                h.update(item.read_bytes())
    return h.hexdigest()[:12]


@lru_cache(maxsize=1)
def load_gazetteers() -> Gazetteers:
    """Load and validate every gazetteer file (cached: they are read once per process)."""
    return Gazetteers(
        states=read_data_file(GAZETTEER_PACKAGE, "states.jsonl", State),
        organs=read_data_file(GAZETTEER_PACKAGE, "organs.jsonl", Organ),
        people=read_data_file(GAZETTEER_PACKAGE, "people.jsonl", Person),
        bodies=read_data_file(GAZETTEER_PACKAGE, "bodies.jsonl", Body),
        weapons=read_data_file(GAZETTEER_PACKAGE, "weapons.jsonl", Weapon),
        class_terms=read_data_file(GAZETTEER_PACKAGE, "class_terms.jsonl", ClassTerm),
        instruments=read_data_file(GAZETTEER_PACKAGE, "instruments.jsonl", Instrument),
        conflicts=read_data_file(GAZETTEER_PACKAGE, "conflicts.jsonl", Conflict),
        version=data_version(),
    )
