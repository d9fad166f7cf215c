"""The event as read from one sentence, before it becomes records (one per claimant).

Kept apart from the reading itself so that every stage (sentence reading,
document-level completion, record making) shares one shape without
importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..gazetteer import Conflict
from ..records import Quantity
from .document import Speaker

if TYPE_CHECKING:
    from .candidates import Candidate


@dataclass
class Event:
    """One event as read from one sentence, before it becomes records (one per claimant)."""

    type: str
    actor: str | None            # None only until fill_from_partners() runs
    recipient: str | None
    location: str | None
    place: str | None
    weapon_class: str | None
    weapons: list[str]
    quantity: Quantity | None
    speaker: Speaker
    stance: str
    time: str | None
    time_precision: str | None
    violates: list[str]
    sent: Span
    trigger: str
    rules: list[str] = field(default_factory=list)
    gazetteer_ids: list[str] = field(default_factory=list)
    confidence: float = 0.6
    candidates: list[Candidate] = field(default_factory=list)   # agents to choose from at the document's end
    candidate_only: bool = False     # kept only because a candidate may fill the agent
    headline: bool = False           # read from a headline above the body (a copy made later keeps it)


def adversary(conflicts: list[Conflict], actor: str | None) -> str | None:
    """The one adversary `actor` has in the conflicts data, or None if none or several."""
    found: set[str] = set()
    for conflict in conflicts:
        for i, side in enumerate(conflict.sides):
            if actor in side:
                found.update(conflict.sides[1 - i])
    return found.pop() if len(found) == 1 else None


def is_state(actor: str | None) -> bool:
    """A state is a three-letter upper-case code; groups, bodies and firms are slugs."""
    return actor is not None and len(actor) == 3 and actor.isupper()
