"""One module per frame of rules/triggers.jsonl, each registered under the frame's name.

Importing this package registers every frame in `FRAMES`; `extract.arguments.fill_roles`
reads the trigger's clause once and hands it to its frame. Adding a frame is one module
here and its name in `rules.Frame`; tests/extract/test_structure.py checks that every
frame in the data has one.
"""
from __future__ import annotations

from . import arrive, ban, come_from, equip, give, halted, market, origin, produce, receive, sanction, seize, supplier, train, use
from .base import NounClause, VerbClause
from .registry import FRAMES, Frame

__all__ = ["FRAMES", "Frame", "NounClause", "VerbClause", "arrive", "ban", "come_from", "equip", "give", "halted", "market",
           "origin",
           "produce", "receive", "sanction", "seize", "supplier", "train", "use"]
