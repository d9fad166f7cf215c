"""Files -> articles: text, HTML, JSON lines, PDF, Word, Markdown, ODT and EPUB; a `Skipped` per bad file or line."""
from __future__ import annotations

import os
from functools import partial
from stat import S_ISDIR, S_ISREG
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import settings
from ..records import Article
from .boilerplate import find_chrome
from .dates import normalise_date
from .docx import read_docx
from .epub import read_epub
from .files import NOT_REGULAR, Skipped, find_files, os_problem, probe, source_format
from .guard import guarded
from .html import declared_encoding, read_html
from .jsonl import duplicate, read_jsonl
from .markdown import read_markdown
from .odt import read_odt
from .pdf import PageProgress, read_pdf
from .text import Unreadable, decode_bytes


def _read_bytes(path: Path, max_bytes: int) -> bytes | Skipped:
    """The file's bytes, after checking its size on disk (an oversized file is never read)."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return Skipped(str(path), f"{size} bytes is over the {max_bytes}-byte limit (raise it with --max-bytes)")
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        return Skipped(str(path), os_problem(exc))


def _read_txt(path: Path, *, published: str | None, max_bytes: int,
              markdown: bool = False) -> Iterator[Article | Skipped]:
    data = _read_bytes(path, max_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    text = decode_bytes(data)
    if isinstance(text, Unreadable):
        yield Skipped(str(path), text.reason)
        return
    if markdown:
        yield from read_markdown(path, text, published=published)
        return
    yield Article(doc_id=path.stem, text=text, published=published, source_path=str(path),
                  source_format="txt", skip_spans=find_chrome(text))


def _read_html(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Article | Skipped]:
    data = _read_bytes(path, max_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    html = decode_bytes(data, declared=declared_encoding(data))
    if isinstance(html, Unreadable):
        yield Skipped(str(path), html.reason)
        return
    page = read_html(html)
    if isinstance(page, Unreadable):
        yield Skipped(str(path), page.reason)
        return
    yield Article(doc_id=path.stem, text=page.text, title=page.title, published=page.published or published,
                  source_path=str(path), source_format="html", skip_spans=find_chrome(page.text, title=page.title))


def _read_binary(path: Path, kind: str, *, published: str | None, max_bytes: int,
                 progress: PageProgress | None) -> Iterator[Article | Skipped]:
    """A PDF, Word, OpenDocument or EPUB file, after checking its size on disk (the libraries read it whole)."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        yield Skipped(str(path), os_problem(exc))
        return
    if size > max_bytes:
        yield Skipped(str(path), f"{size} bytes is over the {max_bytes}-byte limit (raise it with --max-bytes)")
    elif kind == "pdf":
        yield from read_pdf(path, published=published, progress=progress)
    else:
        reader = {"docx": read_docx, "odt": read_odt, "epub": read_epub}[kind]
        yield from reader(path, published=published, max_bytes=max_bytes)


def _read(path: Path, published: str | None, max_bytes: int,
          seen: dict[str, str] | None = None, progress: PageProgress | None = None) -> Iterator[Article | Skipped]:
    """read_file with `published` already normalised; `seen` as read_jsonl takes it."""
    kind = source_format(path)
    stat, problem = probe(path)
    if stat is None:
        yield Skipped(str(path), problem or "cannot read it")
    elif S_ISDIR(stat.st_mode):
        yield Skipped(str(path), "a folder, not a file (pass it to read_documents to read what is inside)")
    elif kind is None:
        _, skipped = find_files([path])
        yield from skipped
    elif not S_ISREG(stat.st_mode):
        yield Skipped(str(path), NOT_REGULAR)
    elif kind in ("txt", "md"):
        yield from _read_txt(path, published=published, max_bytes=max_bytes, markdown=kind == "md")
    elif kind in ("pdf", "docx", "odt", "epub"):
        yield from _read_binary(path, kind, published=published, max_bytes=max_bytes, progress=progress)
    elif kind == "html":
        yield from _read_html(path, published=published, max_bytes=max_bytes)
    else:
        try:
            yield from read_jsonl(path, published=published, max_bytes=max_bytes, seen=seen)
        except OSError as exc:
            yield Skipped(str(path), os_problem(exc))


def _no_nul(items: Iterator[Article | Skipped]) -> Iterator[Article | Skipped]:
    """Articles that hold a NUL anywhere are refused, whatever their format: text never holds NULs."""
    for item in items:
        if isinstance(item, Article):
            field = next((name for name in ("doc_id", "text", "title", "url") if "\0" in (getattr(item, name) or "")),
                         None)
            if field is not None:
                yield Skipped(item.source_path or item.doc_id, f"its {field} holds a NUL character; remove it")
                continue
        yield item


def read_file(path: Path, *, published: str | None = None, max_bytes: int = settings.DEFAULT_MAX_BYTES,
              progress: PageProgress | None = None) -> Iterator[Article | Skipped]:
    """Articles from one file (a JSONL file gives many), or a Skipped for each part that cannot be read.

    Args:
        published: fallback date (any form dateparser reads) for documents that carry none.
        max_bytes: size limit of a file, or of one JSONL line.
        progress: called ("pages", n) when a PDF of n pages opens and ("page", 1) as each is read.
    """
    yield from _no_nul(_read(Path(path), normalise_date(published) if published else None, max_bytes,
                             progress=progress))


def _read_checked(path: Path, fallback: str | None, max_bytes: int, seen: dict[str, str],
                  progress: PageProgress | None) -> Iterator[Article | Skipped]:
    return _no_nul(_read(path, fallback, max_bytes, seen, progress))


def read_documents(paths: Iterable[str | Path], *, published: str | None = None,
                   max_bytes: int = settings.DEFAULT_MAX_BYTES,
                   progress: PageProgress | None = None) -> Iterator[Article | Skipped]:
    """Articles from files and folders, streamed; bad paths, files and lines come out as Skipped.

    `progress` as `read_file` takes it (pages of PDFs)."""
    fallback = normalise_date(published) if published else None
    files, skipped = find_files(paths)
    yield from skipped
    # Document ids come from file names and JSONL ids; two documents with one id would replace
    # each other on every run, so the second is skipped and both places (file, or file and line) named.
    seen: dict[str, str] = {}
    for path in files:
        # (a reader raising on input it did not foresee costs its file one line, not the files after it)
        for item in guarded(str(path), partial(_read_checked, path, fallback, max_bytes, seen, progress)):
            if isinstance(item, Article) and item.source_format != "jsonl":   # JSONL lines: read_jsonl checked
                where = item.source_path or str(path)
                if item.doc_id in seen:
                    yield Skipped(where, duplicate(item.doc_id, seen[item.doc_id]))
                    continue
                seen[item.doc_id] = where
            yield item
