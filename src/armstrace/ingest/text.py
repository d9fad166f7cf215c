"""Bytes -> text: UTF-8 first, a declared or detected encoding second, binaries refused."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

BINARY = "binary file, not text"
UNDETECTED = "not UTF-8 text and the encoding could not be detected (convert it to UTF-8)"
EMPTY = "empty document"

# How much of the start of a file decides "binary": the same 8 KB as git and grep.
SNIFF_BYTES = 8192
# Share of control bytes above which a file is not text: real text has ~0.
MAX_CONTROL_SHARE = 0.10
# charset-normalizer's "chaos" (0 = clean, 1 = noise): above this the guess is not trusted.
MAX_CHAOS = 0.2

# Bytes found in text: printable ASCII, everything >= 0x80 (encodings decide), and \a\b\t\n\f\r ESC.
_TEXT_BYTES = bytes({7, 8, 9, 10, 12, 13, 27} | set(range(0x20, 0x100)) - {0x7F})
_TEXT_CHARS = re.compile(r"[^\x00-\x06\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Unreadable:
    """Why some bytes are not an article (becomes a `Skipped` with the file name)."""

    reason: str


def normalise_newlines(text: str) -> str:
    """\\r\\n and \\r -> \\n, and no byte-order mark: the text as stored, that offsets refer to."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB, or more than 10% control bytes there."""
    head = data[:SNIFF_BYTES]
    if b"\0" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))
    return controls > MAX_CONTROL_SHARE * len(head)


def _mostly_control(text: str) -> bool:
    head = text[:SNIFF_BYTES]
    if not head:
        return False
    kept = len(_TEXT_CHARS.findall(head))
    return (len(head) - kept) > MAX_CONTROL_SHARE * len(head)


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str | Unreadable:
    """Decode a document: UTF-8 (BOM stripped), a UTF-16/32 BOM, the `declared` encoding, then a detected one.

    Returns the text with newlines normalised, or why it cannot be read
    (binary, encoding unknown, empty).
    """
    text: str | None = None
    if data.startswith(_UTF32_BOMS):
        text = _try_decode(data, "utf-32")
    elif data.startswith(_UTF16_BOMS):
        text = _try_decode(data, "utf-16")
    if text is None:
        if looks_binary(data):
            return Unreadable(BINARY)
        text = _try_decode(data, "utf-8-sig")
    if text is None and declared:
        text = _try_decode(data, declared)
    if text is None:
        best = charset_normalizer.from_bytes(data).best()
        if best is None or best.chaos > MAX_CHAOS:
            return Unreadable(UNDETECTED)
        text = _try_decode(data, best.encoding)
        if text is None:
            return Unreadable(UNDETECTED)
    if _mostly_control(text):
        return Unreadable(BINARY)
    text = normalise_newlines(text)
    if not text.strip():
        return Unreadable(EMPTY)
    return text
