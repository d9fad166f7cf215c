"""Files written as a careless or hostile user leaves them: exact bytes, no newline translation."""
from __future__ import annotations

from pathlib import Path


def write(path: Path, content: str | bytes) -> Path:
    """Write `content` at `path` (folders made as needed): bytes as given, text as UTF-8 without newline changes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path
