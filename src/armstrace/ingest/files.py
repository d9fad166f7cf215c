"""Which files to read: supported formats, folder walks, and `Skipped`, the error value."""
from __future__ import annotations

import errno
import os
import re
import stat as _stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SourceFormat = Literal["txt", "html", "jsonl", "pdf", "docx", "md", "odt", "epub"]

# Suffix (lower case) -> the format it is read as.
FORMATS: dict[str, SourceFormat] = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".json-lines": "jsonl",
    ".pdf": "pdf",
    ".docx": "docx",
    ".md": "md", ".markdown": "md",
    ".odt": "odt",
    ".epub": "epub",
}
SUPPORTED = ", ".join(FORMATS)
NOT_REGULAR = "not a regular file or folder (a pipe, socket or device)"
# Control characters in a file name would break the one-line message (or drive the terminal): escaped.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why: `corpus/a.jsonl line 12: not valid JSON (...)`."""

    source: str      # "corpus/a.jsonl line 12" or "corpus/b.html"
    reason: str      # one line: the problem and, where there is one, the fix
    # A file of a type armstrace does not read, met inside a folder: named in the summary, but not a
    # failure (the exit code stays 0), as a folder holding a spreadsheet beside its reports is normal.
    unsupported: bool = False

    def __str__(self) -> str:
        return f"{one_line(self.source)}: {one_line(self.reason)}"


def one_line(text: str) -> str:
    """`text` with control characters (newlines, ESC, NUL) written as \\xNN: safe on one terminal line."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else
                        f"\\u{ord(m.group()):04x}", text)


def source_format(path: Path) -> SourceFormat | None:
    """The format a file is read as, from its extension (case-insensitive), or None if unsupported."""
    return FORMATS.get(path.suffix.lower())


def unsupported_reason(path: Path) -> str:
    """Why a file of this type is not read, with the types that are."""
    kind = f"'{path.suffix}' files" if path.suffix else "files without an extension"
    return f"{kind} are not supported (use {SUPPORTED})"


def skip_lines(skipped: Iterable[Skipped]) -> list[str]:
    """What a command prints about skipped inputs: one line per failure, one line naming every unsupported file.

    `skipped 3 unsupported files: corpus/a.xlsx, corpus/b.pptx, corpus/c.zip`
    """
    failures = [f"skipped {skip}" for skip in skipped if not skip.unsupported]
    unsupported = [one_line(skip.source) for skip in skipped if skip.unsupported]
    if unsupported:
        noun = "file" if len(unsupported) == 1 else "files"
        failures.append(f"skipped {len(unsupported)} unsupported {noun}: {', '.join(unsupported)}")
    return failures


def count_failures(skipped: Iterable[Skipped]) -> int:
    """Inputs that could not be read (the unsupported files of a folder are not failures)."""
    return sum(1 for skip in skipped if not skip.unsupported)


def os_problem(exc: OSError, what: str = "read it") -> str:
    """One line for an OSError met on a path: a symlink loop, no permission, an I/O error..."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (the link leads back to itself; remove or fix it)"
    if exc.errno == errno.EACCES or exc.errno == errno.EPERM:
        return f"permission denied (cannot {what}; check its permissions)"
    return f"cannot {what} ({exc.strerror or type(exc).__name__})"


def probe(path: Path) -> tuple[os.stat_result | None, str | None]:
    """(stat of the path, following links; None and why when it cannot be read or named in UTF-8)."""
    if _CONTROL.search(path.name):   # undecodable bytes (surrogates) or control characters in the name
        return None, "the file name is not valid UTF-8 or holds control characters (rename it)"
    try:
        return os.stat(path), None
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return None, f"broken symlink (its target {os.readlink(path)!r} does not exist)"
        if exc.errno == errno.ENOENT:
            return None, "no such file or folder (check the path)"
        return None, os_problem(exc)
    except ValueError:   # a NUL in the name
        return None, "not a valid path"


def _walk(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """Supported files under `folder`, recursively, sorted, and the sub-folders and files that are not read.

    Hidden files and folders are left out; symlinked folders are not followed
    (no loops). A symlinked file that loops or dangles is Skipped, named; a
    file of an unsupported type is Skipped as `unsupported`, named too.
    """
    found: list[Path] = []
    skipped: list[Skipped] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(Skipped(str(exc.filename or folder), os_problem(exc, "list this folder")))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if source_format(path) is None:
                skipped.append(Skipped(str(path), unsupported_reason(path), unsupported=True))
            else:
                stat, problem = probe(path)
                if problem is not None:
                    skipped.append(Skipped(str(path), problem))
                elif stat is not None and _stat.S_ISREG(stat.st_mode):
                    found.append(path)
                else:
                    skipped.append(Skipped(str(path), NOT_REGULAR))
    found.sort(key=lambda p: p.relative_to(folder).parts)
    return found, skipped


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Files to read from files and folders (recursive, sorted), and the explicit paths that cannot be read.

    Inside folders, files of other types are Skipped as `unsupported` (named,
    not failures); a path named explicitly that does not exist or has an
    unsupported extension is Skipped, and so is anything, named or found, that
    cannot be read: a folder without permission, a symlink loop, a dangling
    link. A file reached twice is read once.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = Path(os.path.realpath(path))   # never raises; loops were skipped by _probe
        if key not in seen:
            seen.add(key)
            files.append(path)

    for item in paths:
        path = Path(item)
        stat, problem = probe(path)
        if stat is None:
            skipped.append(Skipped(str(path), problem or "cannot read it"))
        elif _stat.S_ISDIR(stat.st_mode):
            inside, bad = _walk(path)
            skipped.extend(bad)
            for found in inside:
                add(found)
        elif _stat.S_ISREG(stat.st_mode):
            if source_format(path) is None:
                skipped.append(Skipped(str(path), unsupported_reason(path)))
            else:
                add(path)
        else:
            skipped.append(Skipped(str(path), NOT_REGULAR))
    return files, skipped
