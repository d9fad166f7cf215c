"""Exceptions the library raises; the CLI and API translate them at the edge.

Every message is one line: the file, the place, the problem and, where there
is one, the fix.
"""
from __future__ import annotations


class ArmstraceError(Exception):
    """Base class of every error armstrace raises on purpose."""


class BadInput(ArmstraceError):
    """A document that cannot be read as an article (binary, empty, malformed)."""


class BadData(ArmstraceError):
    """A gazetteer or rule file that does not match its schema."""


class ModelNotInstalled(ArmstraceError):
    """The configured spaCy model is not installed in this environment."""


class SchemaTooNew(ArmstraceError):
    """The database was written by a newer armstrace than this one."""


class UsageError(ArmstraceError):
    """The caller asked for something that cannot be done (bad option, missing file)."""


class EngineUnavailable(ArmstraceError):
    """An engine cannot run here: Ray not installed, its cluster unreachable, or its workers failing."""


class NotFound(ArmstraceError):
    """A document or record id that is not in the database."""


class BadValue(BadInput):
    """A value outside its vocabulary (a stance, a class, an actor name): `allowed` says what would do."""

    def __init__(self, message: str, allowed: list[str]) -> None:
        super().__init__(message)
        self.allowed = allowed
