"""The frame registry: each frame module registers its readings under the frame names it serves.

A frame (rules/triggers.jsonl "frame") says how grammatical roles map to
event roles; `FRAMES` maps each name to its verbal, nominal and word
readings, with the plain readings of base.py as defaults.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ...rules import Rules
from ..clauses import Roles
from ..document import DocContext
from .base import NounClause, VerbClause, no_verb_roles, plain_noun_roles

VerbRoles = Callable[[VerbClause, Roles], None]
NounRoles = Callable[[NounClause, Roles], None]
WordRoles = Callable[[DocContext, Rules, Token, Roles], None]


@dataclass(frozen=True)
class Frame:
    """How one frame maps grammar to roles. `word_roles`, when set, reads the trigger word itself
    whatever its part of speech ('US-supplied'), and no clause is read."""

    name: str
    verb_roles: VerbRoles = no_verb_roles
    noun_roles: NounRoles = plain_noun_roles
    word_roles: WordRoles | None = None


FRAMES: dict[str, Frame] = {}


def _frame(name: str) -> Frame:
    return FRAMES.get(name) or Frame(name)


def verb_roles(*names: str) -> Callable[[VerbRoles], VerbRoles]:
    """Register the decorated function as the verbal reading of these frames."""
    def register(fn: VerbRoles) -> VerbRoles:
        for name in names:
            FRAMES[name] = replace(_frame(name), verb_roles=fn)
        return fn
    return register


def noun_roles(*names: str) -> Callable[[NounRoles], NounRoles]:
    """Register the decorated function as the nominal reading of these frames."""
    def register(fn: NounRoles) -> NounRoles:
        for name in names:
            FRAMES[name] = replace(_frame(name), noun_roles=fn)
        return fn
    return register


def word_roles(*names: str) -> Callable[[WordRoles], WordRoles]:
    """Register the decorated function as the reading of the trigger word itself, any part of speech."""
    def register(fn: WordRoles) -> WordRoles:
        for name in names:
            FRAMES[name] = replace(_frame(name), word_roles=fn)
        return fn
    return register
