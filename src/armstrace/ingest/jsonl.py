"""JSON lines -> articles: one object a line with `id`, `text` or `html`, optional `url`, `title`, `published`."""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Article
from .boilerplate import find_chrome
from .dates import normalise_date
from .files import Skipped
from .html import read_html
from .text import SNIFF_BYTES, Unreadable, looks_binary, normalise_newlines, nul_problem, wide_encoding

# Read a line that is over the limit in chunks of this size, to skip it without holding it.
_DRAIN_CHUNK = 1 << 20
_SHAPE = 'each line must be an object like {"id": "a1", "text": "..."}'
# A document id is a name, shown in every listing and message: a URL fits, a page of text does not.
MAX_ID_CHARS = 200
MAX_INT_ID = 10 ** MAX_ID_CHARS
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class _Refused(Exception):
    """Why a JSON object is not an article (raised inside, returned as a string at the edge)."""


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line, or (n, None) for a line over `max_bytes` (never held whole)."""
    n = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(_DRAIN_CHUNK)
            yield n, None
        else:
            yield n, raw


def _doc_id(value: Any) -> str:
    """The document id of a JSONL `id`, or raise _Refused saying why it is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        kind = "" if value is None else f" ({type(value).__name__} is not an id)"
        raise _Refused(f'no "id"{kind}: each line needs a non-empty string or integer "id"')
    if isinstance(value, int):
        if not -MAX_INT_ID < value < MAX_INT_ID:
            raise _Refused(f'"id" is an integer of more than {MAX_ID_CHARS} digits (use a string id)')
        return str(value)
    doc_id = value.strip()
    if not doc_id:
        raise _Refused('no "id" (it is blank): each line needs a non-empty string or integer "id"')
    if len(doc_id) > MAX_ID_CHARS:
        raise _Refused(f'"id" is {len(doc_id):,} characters long (at most {MAX_ID_CHARS})')
    if _CONTROL.search(doc_id):
        raise _Refused('"id" holds a control character (a NUL, newline or tab); remove it')
    _encodable("id", doc_id)
    return doc_id


def _encodable(key: str, value: str) -> None:
    """JSON may escape half a UTF-16 pair ("\\ud800"), which no UTF-8 text can hold: refuse the line."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _Refused(f'"{key}" holds a lone surrogate (\\u{ord(value[exc.start]):04x} at {exc.start}), '
                       "which is no character; fix the escape") from None


def _optional_str(obj: dict[str, Any], key: str) -> str | None:
    """A string field, stripped, None when absent or blank; a NUL in it refuses the line."""
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise _Refused(f'"{key}" must be a string, not {type(value).__name__}')
    if value and "\0" in value:
        raise _Refused(f'"{key}" holds a NUL character (\\u0000 at {value.index(chr(0))}); remove it')
    if value:
        _encodable(key, value)
    return value.strip() if value and value.strip() else None


def _published(obj: dict[str, Any]) -> tuple[str | None, str | None]:
    """(the date of a JSONL `published`, or None; why the value given is not a date, or None)."""
    value = obj.get("published")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        shown = json.dumps(value)[:40] if not isinstance(value, int) or abs(value) < MAX_INT_ID else "an integer"
        return None, f'"published" {shown} is a {type(value).__name__}, not a date string like "2023-07-10"'
    date = normalise_date(value)
    if date is None:
        return None, f'"published" {json.dumps(value[:40])} is not a date (write it like "2023-07-10")'
    return date, None


def _json_problem(exc: json.JSONDecodeError, line: str) -> str:
    hint = "; is it HTML? save it as .html" if line.lstrip().startswith("<") else ""
    message = exc.msg.removesuffix(" at")   # "Invalid control character at"
    return f"not valid JSON ({message} at column {exc.colno}{hint})"


def article_from_object(obj: dict[str, Any], *, path: Path, published: str | None) -> Article | str:
    """An Article from one JSON object, or the reason it is not one (see `read_jsonl` for a bad date)."""
    try:
        return _article(obj, path=path, published=published)
    except _Refused as exc:
        return str(exc)


def _article(obj: dict[str, Any], *, path: Path, published: str | None) -> Article:
    doc_id = _doc_id(obj.get("id"))
    text, html = _optional_str(obj, "text"), _optional_str(obj, "html")
    title, url = _optional_str(obj, "title"), _optional_str(obj, "url")
    if obj.get("text") is None and obj.get("html") is None:
        raise _Refused(f'neither "text" nor "html" ({_SHAPE})')
    dates = [_published(obj)[0]]
    if text is not None:
        body = normalise_newlines(obj["text"])
    elif html is not None:
        page = read_html(obj["html"])
        if isinstance(page, Unreadable):
            raise _Refused(page.reason)
        body, title = page.text, title or page.title
        dates.append(page.published)
    else:
        raise _Refused("empty document")
    dates.append(published)
    return Article(
        doc_id=doc_id, text=body, title=title, url=url,
        published=next((d for d in dates if d), None), source_path=str(path), source_format="jsonl",
        skip_spans=find_chrome(body, title=title),
    )


def _file_problem(head: bytes) -> str | None:
    """Why a whole file is not JSON lines, judged by its start: UTF-16/32, or binary."""
    wide = wide_encoding(head)
    if wide:
        return f"JSON lines must be UTF-8, and this file is {wide} (convert it: iconv -f {wide} -t UTF-8)"
    if b"\0" in head and (looks_binary(head) or not _utf8_start(head)):   # a stray NUL only spoils its line
        return nul_problem(head.index(b"\0"))
    return None


def _utf8_start(head: bytes) -> bool:
    """True if `head` is the start of UTF-8 text (a character cut at the end is fine)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def duplicate(doc_id: str, first: str) -> str:
    """Why a second document with one id is skipped: it would replace the first on every run."""
    return f"duplicate document id {doc_id!r} (also {first}); rename one of them"


def read_jsonl(path: Path, *, published: str | None, max_bytes: int,
               seen: dict[str, str] | None = None) -> Iterator[Article | Skipped]:
    """One Article per line of a JSONL file, read line by line; a bad line is Skipped and the rest go on.

    `max_bytes` limits each line (one article), not the file. `published` is
    the fallback date, already normalised. `seen` (document id -> where it was
    read) makes a second document with one id a Skipped naming both lines.
    """
    with open(path, "rb") as fh:
        problem = _file_problem(fh.read(SNIFF_BYTES))
        if problem:   # one line for the file, not one per line of noise
            yield Skipped(str(path), problem)
            return
        fh.seek(0)
        for n, raw in _lines(fh, max_bytes):
            where = f"{path} line {n}"
            if raw is None:
                yield Skipped(where, f"line is over the {max_bytes}-byte limit (raise it with --max-bytes)")
                continue
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                yield Skipped(where, "not UTF-8 (JSON lines must be UTF-8)")
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skipped(where, _json_problem(exc, line))
                continue
            except ValueError as exc:   # an integer of more than 4,300 digits (Python's int limit)
                yield Skipped(where, f"not valid JSON ({str(exc).split(';')[0]})")
                continue
            except RecursionError:
                yield Skipped(where, "not valid JSON (nested too deeply)")
                continue
            if not isinstance(obj, dict):
                yield Skipped(where, f"not a JSON object but {type(obj).__name__} ({_SHAPE})")
                continue
            result = article_from_object(obj, path=path, published=published)
            if isinstance(result, str):
                yield Skipped(where, result)
                continue
            if seen is not None and result.doc_id in seen:
                yield Skipped(where, duplicate(result.doc_id, seen[result.doc_id]))
                continue
            if seen is not None:
                seen[result.doc_id] = where
            bad_date = _published(obj)[1]
            if bad_date:   # the article goes in, without that date; the value is named
                yield Skipped(where, f"{bad_date}; stored without it")
            yield result
