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
# (code unit width, {byte position of the zeros: encoding}) for text without a byte-order mark.
_WIDE: tuple[tuple[int, dict[int, str]], ...] = (
    (4, {3: "utf-32-le", 0: "utf-32-be"}), (2, {1: "utf-16-le", 0: "utf-16-be"}))


@dataclass(frozen=True)
class Unreadable:
    """Why some bytes are not an article (becomes a `Skipped` with the file name)."""

    reason: str


def normalise_newlines(text: str) -> str:
    """\\r\\n and \\r -> \\n, and no byte-order mark: the text as stored, that offsets refer to."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def nul_problem(offset: int) -> str:
    """The reason for a document with a NUL: binary or corrupt, wherever the NUL is (never stored)."""
    return f"{BINARY} (NUL byte at offset {offset})"


def looks_binary(data: bytes) -> bool:
    """More than 10% control bytes in the first 8 KB (NUL bytes anywhere are refused before this)."""
    head = data[:SNIFF_BYTES]
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


def _zero_parity(head: bytes, width: int) -> int | None:
    """Which byte of each code unit holds the zeros, if the NULs fall in the pattern of UTF-16/32 text.

    UTF-32 without a byte-order mark: the top byte of every unit is zero (position 3
    little-endian, 0 big-endian). UTF-16: the high byte of every ASCII-range
    character (spaces, digits, Latin letters) is zero, at position 1 (LE) or 0 (BE),
    and the other byte almost never is. Binary data has zeros at both.
    """
    units = len(head) // width
    if units < 2:
        return None
    zeros = [head[i:units * width:width].count(0) for i in range(width)]
    if width == 4:   # and the next byte is at most 0x10: code points end at U+10FFFF
        if zeros[3] == units and zeros[0] < units // 2 and max(head[2:units * 4:4]) <= 0x10:
            return 3
        if zeros[0] == units and zeros[3] < units // 2 and max(head[1:units * 4:4]) <= 0x10:
            return 0
        return None
    high, low = (1, 0) if zeros[1] >= zeros[0] else (0, 1)
    # At least 4 zeros and one unit in 20 (spaces alone give more in any script that uses them):
    # a stray NUL in UTF-8 text is not a pattern.
    return high if zeros[high] >= max(4, units // 20) and zeros[low] * 8 <= zeros[high] else None


def wide_encoding(head: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when `head` starts with their byte-order mark, or has their NULs and decodes so."""
    if head.startswith(_UTF32_BOMS):
        return "UTF-32"
    if head.startswith(_UTF16_BOMS):
        return "UTF-16"
    head = head[:SNIFF_BYTES - SNIFF_BYTES % 4]
    if b"\0" not in head:
        return None
    for width, encodings in _WIDE:
        parity = _zero_parity(head, width)
        encoding = encodings.get(parity) if parity is not None else None
        if encoding is None:
            continue
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        if "\0" not in text and not _mostly_control(text):
            return encoding.upper().replace("-LE", "LE").replace("-BE", "BE")   # as iconv names it
    return None


def _unmarked_wide(data: bytes) -> str | None:
    """Text of UTF-32 or UTF-16 without a byte-order mark (NUL bytes in a pattern), else None."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 4]
    for width, encodings in _WIDE:
        if len(data) % width:
            continue
        parity = _zero_parity(head, width)
        encoding = encodings.get(parity) if parity is not None else None
        text = _try_decode(data, encoding) if encoding else None
        if text is not None and "\0" not in text and not _mostly_control(text):
            return text
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str | Unreadable:
    """Decode a document: UTF-8 (BOM stripped), a UTF-16/32 BOM, the `declared` encoding, then a detected one.

    UTF-16/32 without a BOM is recognised by its pattern of NUL bytes; any other
    NUL byte, wherever it is, makes the document binary (refused, never stored).
    Returns the text with newlines normalised, or why it cannot be read
    (binary, encoding unknown, empty).
    """
    text: str | None = None
    if data.startswith(_UTF32_BOMS):
        text = _try_decode(data, "utf-32")
    elif data.startswith(_UTF16_BOMS):
        text = _try_decode(data, "utf-16")
    if text is None and b"\0" in data:
        text = _unmarked_wide(data)
        if text is None:
            return Unreadable(nul_problem(data.index(b"\0")))
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
    if "\0" in text:   # a UTF-16/32 file with a BOM and a U+0000 in it
        return Unreadable(nul_problem(text.index("\0")))
    text = normalise_newlines(text)
    if not text.strip():
        return Unreadable(EMPTY)
    return text
