"""Which files to read: supported formats, folder walks, and `Skipped`, the error value."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SourceFormat = Literal["txt", "html", "jsonl"]

# Suffix (lower case) -> the format it is read as.
FORMATS: dict[str, SourceFormat] = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".json-lines": "jsonl",
}
SUPPORTED = ", ".join(FORMATS)


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why: `corpus/a.jsonl line 12: not valid JSON (...)`."""

    source: str      # "corpus/a.jsonl line 12" or "corpus/b.html"
    reason: str      # one line: the problem and, where there is one, the fix

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def source_format(path: Path) -> SourceFormat | None:
    """The format a file is read as, from its extension (case-insensitive), or None if unsupported."""
    return FORMATS.get(path.suffix.lower())


def _walk(folder: Path) -> list[Path]:
    """Supported files under `folder`, recursively, sorted; hidden files and folders are left out."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and source_format(Path(name)) is not None:
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files to read from files and folders (recursive, sorted), and the explicit paths that cannot be read.

    Inside folders, files of other types are ignored silently; a path named
    explicitly that does not exist or has an unsupported extension is Skipped.
    A file reached twice is read once.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)

    for item in paths:
        path = Path(item)
        if path.is_dir():
            for found in _walk(path):
                add(found)
        elif path.is_file():
            if source_format(path) is None:
                kind = f"'{path.suffix}' files" if path.suffix else "files without an extension"
                skipped.append(Skipped(str(path), f"{kind} are not supported (use {SUPPORTED})"))
            else:
                add(path)
        elif path.exists():
            skipped.append(Skipped(str(path), "not a regular file or folder"))
        else:
            skipped.append(Skipped(str(path), "no such file or folder (check the path)"))
    return files, skipped
