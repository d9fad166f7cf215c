"""Write tokens: who may record reviews, and under which name.

A token is 32 random bytes (URL-safe text) given to one named reviewer. The
server keeps only its SHA-256, with the name, in `<database>.tokens` beside
the database (mode 0600): the token itself is printed once, when issued, and
cannot be read back from the file. `armstrace serve` issues the first one on
its first start (named for the user running it); `armstrace serve --add-token
NAME` issues more.

A review is recorded under the name of the token that sent it, never under
a name typed into the request. A server bound to loopback without
`--require-token` also accepts writes with no token: they come from this
machine, and are recorded under the first token's name (the owner's).

    issue_token(db, "ana")            # -> the token, to hand to ana; replaces ana's previous one
    ensure_first_token(db, "me")      # -> a token on first start, None when the file exists
    reviewer_for(db, "Bearer ...")    # -> "ana"; Unauthorized for an unknown token
"""
from __future__ import annotations

import contextlib
import getpass
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from ..errors import ArmstraceError, UsageError

MAX_NAME_CHARS = 100


class Unauthorized(ArmstraceError):
    """A write without a token where one is required, or with a token this server did not issue."""


def tokens_path(db: str | Path) -> Path:
    """Where the tokens of the database at `db` live: beside it, `<name>.tokens`."""
    db = Path(db)
    return db.with_name(db.name + ".tokens")


def default_owner() -> str:
    """The name of the first token: the user running the server."""
    try:
        return getpass.getuser() or "owner"
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "owner"


def check_name(name: str) -> str:
    """A reviewer name as stored: trimmed, 1-100 characters, no control characters; UsageError if not."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise UsageError(f"token name {name[:MAX_NAME_CHARS]!r}: give 1 to {MAX_NAME_CHARS} printable characters")
    return name


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def load_entries(db: str | Path) -> list[dict[str, str]]:
    """The stored entries ({"name", "sha256", "created"}), oldest first; [] when there is no file."""
    path = tokens_path(db)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path.name}: cannot read the token file ({exc})") from None
    entries = data.get("tokens", []) if isinstance(data, dict) else []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)
            and isinstance(e.get("sha256"), str)]


def _write_entries(db: str | Path, entries: list[dict[str, str]]) -> None:
    """Replace the token file atomically; it is created with mode 0600 and never exists wider."""
    path = tokens_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"tokens": entries}, out, indent=1)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.chmod(path, 0o600)


def issue_token(db: str | Path, name: str) -> str:
    """A new token for `name` (replacing any earlier token of that name); only its hash is stored."""
    name = check_name(name)
    token = secrets.token_urlsafe(32)
    entries = [entry for entry in load_entries(db) if entry["name"] != name]
    entries.append({"name": name, "sha256": _digest(token),
                    "created": datetime.now(UTC).isoformat(timespec="seconds")})
    _write_entries(db, entries)
    return token


def ensure_first_token(db: str | Path, name: str | None = None) -> str | None:
    """On first start, issue the owner's token and return it (to print once); None when tokens exist."""
    if tokens_path(db).exists():
        return None
    return issue_token(db, name or default_owner())


def owner(db: str | Path) -> str:
    """The name writes without a token are recorded under (loopback only): the first token's."""
    entries = load_entries(db)
    return entries[0]["name"] if entries else default_owner()


def reviewer_for(db: str | Path, authorization: str | None, *, required: bool) -> str:
    """The name a write is recorded under, from its Authorization header; Unauthorized if it may not write."""
    if not authorization:
        if required:
            raise Unauthorized("this server requires a write token: send `Authorization: Bearer TOKEN` "
                               "(`armstrace serve --add-token NAME` issues one)")
        return owner(db)
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("Authorization: use `Bearer TOKEN`")
    digest = _digest(token)
    name = None
    for entry in load_entries(db):  # compare every entry, in constant time each
        if hmac.compare_digest(entry["sha256"], digest):
            name = entry["name"]
    if name is None:
        raise Unauthorized("unknown token (issue one with `armstrace serve --add-token NAME`)")
    return name
