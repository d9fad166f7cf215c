"""JSON lines -> articles: one object a line with `id`, `text` or `html`, optional `url`, `title`, `published`."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Article
from .boilerplate import find_chrome
from .dates import normalise_date
from .files import Skipped
from .html import read_html
from .text import Unreadable, normalise_newlines

# Read a line that is over the limit in chunks of this size, to skip it without holding it.
_DRAIN_CHUNK = 1 << 20
_SHAPE = 'each line must be an object like {"id": "a1", "text": "..."}'


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


def _doc_id(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _optional_str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _json_problem(exc: json.JSONDecodeError, line: str) -> str:
    hint = "; is it HTML? save it as .html" if line.lstrip().startswith("<") else ""
    return f"not valid JSON ({exc.msg} at column {exc.colno}{hint})"


def article_from_object(obj: dict[str, Any], *, path: Path, published: str | None) -> Article | str:
    """An Article from one JSON object, or the reason it is not one."""
    doc_id = _doc_id(obj.get("id"))
    if doc_id is None:
        return 'no "id" (each line needs a non-empty string or integer "id")'
    text, html = obj.get("text"), obj.get("html")
    if text is not None and not isinstance(text, str):
        return f'"text" must be a string, not {type(text).__name__}'
    if html is not None and not isinstance(html, str):
        return f'"html" must be a string, not {type(html).__name__}'
    if text is None and html is None:
        return f'neither "text" nor "html" ({_SHAPE})'
    title = _optional_str(obj.get("title"))
    dates = [normalise_date(obj["published"]) if isinstance(obj.get("published"), str) else None]
    if text is not None and text.strip():
        body = normalise_newlines(text)
    elif html is not None and html.strip():
        page = read_html(html)
        if isinstance(page, Unreadable):
            return page.reason
        body, title = page.text, title or page.title
        dates.append(page.published)
    else:
        return "empty document"
    dates.append(published)
    return Article(
        doc_id=doc_id, text=body, title=title, url=_optional_str(obj.get("url")),
        published=next((d for d in dates if d), None), source_path=str(path), source_format="jsonl",
        skip_spans=find_chrome(body, title=title),
    )


def read_jsonl(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Article | Skipped]:
    """One Article per line of a JSONL file, read line by line; a bad line is Skipped and the rest go on.

    `max_bytes` limits each line (one article), not the file. `published` is
    the fallback date, already normalised.
    """
    with open(path, "rb") as fh:
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
            except RecursionError:
                yield Skipped(where, "not valid JSON (nested too deeply)")
                continue
            if not isinstance(obj, dict):
                yield Skipped(where, f"not a JSON object but {type(obj).__name__} ({_SHAPE})")
                continue
            result = article_from_object(obj, path=path, published=published)
            yield Skipped(where, result) if isinstance(result, str) else result
