"""Names for the ids records carry: actors, claimants and weapon models, from the gazetteers.

Records hold ids (`IRN`, `houthis`, `shahed-136`) so that they join and filter
exactly; a spreadsheet reader wants names beside them. An id no gazetteer
lists (an unnamed group's slug) has no name: the column is left empty rather
than repeating the id as if it were one.
"""
from __future__ import annotations

from functools import lru_cache

from ..gazetteer import load_gazetteers

AUTHOR = "author"


@lru_cache(maxsize=1)
def actor_directory() -> dict[str, tuple[str, str]]:
    """Actor id -> (name, kind), from the state and body gazetteers."""
    gaz = load_gazetteers()
    directory = {state.code: (state.name, "state") for state in gaz.states}
    for body in gaz.bodies:
        directory.setdefault(body.slug, (body.names[0] if body.names else body.slug, body.kind))
    return directory


@lru_cache(maxsize=1)
def weapon_directory() -> dict[str, str]:
    """Weapon model id -> its catalogue name ("shahed-136" -> "Shahed-136")."""
    return {weapon.model: weapon.name for weapon in load_gazetteers().weapons}


def actor_name(actor_id: str | None) -> str | None:
    """The gazetteer name of an actor id; "author" for the article's own voice; None when unknown."""
    if actor_id is None:
        return None
    if actor_id == AUTHOR:
        return AUTHOR
    found = actor_directory().get(actor_id)
    return found[0] if found else None


def actor_kind(actor_id: str) -> str:
    """state, international, armed-group, alliance, or other (an id no gazetteer lists)."""
    found = actor_directory().get(actor_id)
    return found[1] if found else "other"


def weapon_names(models: list[str]) -> list[str]:
    """The catalogue names of model ids, in order; an unknown id keeps its id."""
    directory = weapon_directory()
    return [directory.get(model, model) for model in models]
