"""The kinds of bad input `stress/inputs.py` feeds to `armstrace ingest`, each with what must happen.

A kind builds its input in a folder and says: the exit code, how many stderr
lines name it (1 when skipped, 0 when it should go in), and a document it must
still store. Kept apart from the runner so that adding a kind is one entry.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = "Iran supplied Shahed-136 drones to Russia, the Pentagon said on Tuesday. Tehran denied it.\n"
GOOD = {
    "good-a.txt": ARTICLE,
    "good-b.jsonl": json.dumps({"id": "good-b", "text": ARTICLE.replace("Pentagon", "State Department")}) + "\n",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def escaped(text: str) -> str:
    """`text` as a one-line message shows it: control characters and undecodable bytes as \\xNN / \\uXXXX."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else
                        f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True)
class Kind:
    """One kind of bad input and what `armstrace ingest` must do with it."""

    name: str
    build: Callable[[Path], Path]     # makes the input in a folder, returns its path
    exit: int = 1                     # 0 all in, 1 something skipped
    lines: int = 1                    # "skipped ..." lines on stderr, each naming it
    where: str = ""                   # after the path in the message: " line 2"
    stored: str | None = None         # a document id it must still store
    named: bool = False               # named on the command line (else found in the folder)
    check: Callable[[Path], str | None] | None = None   # a further check on the database

    def shown(self, path: Path) -> str:
        return escaped(str(path)) + self.where

    def cleanup(self, path: Path) -> None:
        """Give back permissions taken away, so the temporary folder can be removed."""
        for p in (path, path.parent):
            if p.exists() and not p.is_symlink():
                p.chmod(0o755 if p.is_dir() else 0o644)


def _file(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path
    return build


def _jsonl(*lines: str | dict) -> Callable[[Path], Path]:
    body = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    return _file("wire.jsonl", body)


def _link(name: str, target: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        (folder / name).symlink_to(target)
        return folder / name
    return build


def _locked(build_inner: Callable[[Path], Path], folder_level: bool) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = build_inner(folder)
        target = path.parent if folder_level else path
        target.chmod(0)
        return target
    return build


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _undecodable_name(folder: Path) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), b"caf\xe9.txt")))
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _no_date(db: Path) -> str | None:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        row = conn.execute("SELECT published FROM documents WHERE doc_id = 'body-year'").fetchone()
    return None if row is not None and row[0] is None else f"body-year stored with published {row}"


GOOD_LINES = "".join(json.dumps({"id": f"w{n}", "text": ARTICLE}) + "\n" for n in range(30))
_TEXT = ARTICLE * 300   # ~28 KB: NULs can sit past the first 8 KB
_INNER = _file("sub/inner.txt", ARTICLE)
_BODY_YEAR = ("<html><head><title>Drones</title></head><body><article><p>Iran supplied drones to Russia in 2022, "
              "officials said. The deal was signed in March 2021 after long talks.</p></article></body></html>")

KINDS: list[Kind] = [
    # -- paths
    Kind("symlink loop in a folder", _link("loop.txt", "loop.txt")),
    Kind("symlink loop named", _link("loop.txt", "loop.txt"), named=True),
    Kind("dangling symlink in a folder", _link("gone.html", "nowhere.html")),
    Kind("symlinked folder looping to its parent", _link("up", ".."), exit=0, lines=0),
    Kind("unreadable file in a folder", _locked(_file("secret.txt", ARTICLE), folder_level=False)),
    Kind("unreadable sub-folder in a folder", _locked(_INNER, folder_level=True)),
    Kind("unreadable file named", _locked(_file("secret.txt", ARTICLE), folder_level=False), named=True),
    Kind("unreadable folder named", _locked(_INNER, folder_level=True), named=True),
    Kind("named path that does not exist", lambda folder: folder / "missing.txt", named=True),
    Kind("named file of an unsupported type", _file("report.pdf", b"%PDF-1.7\n"), named=True),
    Kind("pipe (FIFO) named .txt in a folder", _fifo),
    Kind("file name not valid UTF-8", _undecodable_name),
    Kind("file name with a newline and ESC", _file("two\nlines\x1b[31m.txt", ARTICLE)),
    # -- bytes
    Kind("binary file (PNG) named .txt", _file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4)),
    Kind("NUL byte at offset 10", _file("nul-early.txt", _TEXT[:10] + "\0" + _TEXT[10:])),
    Kind("NUL byte after the first 8 KB", _file("nul-late.txt", _TEXT[:20000] + "\0" + _TEXT[20000:])),
    Kind("NUL byte after 8 KB of HTML", _file("nul.html", f"<html><body><p>{_TEXT}</p><p>\0</p></body></html>")),
    Kind("control bytes, no NUL", _file("controls.txt", bytes(range(1, 32)) * 40)),
    Kind("encoding that cannot be detected", _file("noise.txt", bytes(range(128, 256)) * 50)),
    Kind("empty file", _file("empty.txt", b"")),
    Kind("whitespace only", _file("blank.html", " \n\t\n" * 100)),
    Kind("file over --max-bytes", _file("huge.txt", ARTICLE * 3000)),
    Kind("HTML without article text", _file("empty.html", "<html><head><title>x</title></head><body></body></html>")),
    Kind("HTML nested 100,000 deep", _file("deep.html", "<div>" * 100_000 + ARTICLE + "</div>" * 100_000)),
    # -- encodings that must go in
    Kind("UTF-16-LE without BOM", _file("u16le.txt", ARTICLE.encode("utf-16-le")), exit=0, lines=0, stored="u16le"),
    Kind("UTF-16-BE without BOM", _file("u16be.txt", ARTICLE.encode("utf-16-be")), exit=0, lines=0, stored="u16be"),
    Kind("UTF-32-LE without BOM", _file("u32le.txt", ARTICLE.encode("utf-32-le")), exit=0, lines=0, stored="u32le"),
    Kind("UTF-16 with BOM", _file("u16.txt", ARTICLE.encode("utf-16")), exit=0, lines=0, stored="u16"),
    Kind("cp1252 text", _file("latin.txt", ("Caf\u00e9 " + ARTICLE).encode("cp1252")), exit=0, lines=0,
         stored="latin"),
    Kind("HTML with a year in its body, no date", _file("body-year.html", _BODY_YEAR), exit=0, lines=0,
         stored="body-year", check=_no_date),
    # -- JSON lines
    Kind("JSONL line not JSON", _jsonl("{oops"), where=" line 1"),
    Kind("JSONL id an integer of 5,000 digits", _jsonl('{"id": ' + "9" * 5000 + ', "text": "x"}'), where=" line 1"),
    Kind("JSONL id an integer of 300 digits", _jsonl('{"id": ' + "9" * 300 + ', "text": "x"}'), where=" line 1"),
    Kind("JSONL id of 10,000 characters", _jsonl({"id": "x" * 10_000, "text": ARTICLE}), where=" line 1"),
    Kind("JSONL id with a NUL", _jsonl({"id": "a\u0000b", "text": ARTICLE}), where=" line 1"),
    Kind("JSONL id a float", _jsonl({"id": 1.5, "text": ARTICLE}), where=" line 1"),
    Kind("JSONL id missing", _jsonl({"text": ARTICLE}), where=" line 1"),
    Kind("JSONL text with \\u0000", _jsonl({"id": "n1", "text": ARTICLE + "\u0000"}), where=" line 1"),
    Kind("JSONL raw NUL byte in a line", _file("wire.jsonl", b'{"id": "r1", "text": "a\0b"}\n'), where=" line 1"),
    Kind("JSONL text not a string", _jsonl({"id": "t1", "text": 12}), where=" line 1"),
    Kind("JSONL line an array", _jsonl('["id", "text"]'), where=" line 1"),
    Kind("JSONL nested 100,000 deep", _jsonl("[" * 100_000 + "]" * 100_000), where=" line 1"),
    Kind("JSONL line not UTF-8", _file("wire.jsonl", b'{"id": "l1", "text": "caf\xe9"}\n'), where=" line 1"),
    Kind("JSONL line over --max-bytes", _jsonl({"id": "big", "text": ARTICLE * 3000}), where=" line 1"),
    Kind("JSONL file in UTF-16 (BOM)", _file("wire.jsonl", GOOD_LINES.encode("utf-16"))),
    Kind("JSONL file in UTF-16-LE, no BOM", _file("wire.jsonl", GOOD_LINES.encode("utf-16-le"))),
    Kind("gzip file named .jsonl", _file("wire.jsonl", gzip.compress(GOOD_LINES.encode()))),
    Kind("JSONL duplicate id", _jsonl({"id": "dup", "text": ARTICLE}, {"id": "dup", "text": ARTICLE + "x"}),
         where=" line 2", stored="dup"),
    Kind("JSONL published a number", _jsonl({"id": "p1", "text": ARTICLE, "published": 20230710}),
         where=" line 1", stored="p1"),
    Kind("JSONL published unparseable", _jsonl({"id": "p2", "text": ARTICLE, "published": "soonish"}),
         where=" line 1", stored="p2"),
]
