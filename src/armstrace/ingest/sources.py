"""What `armstrace ingest` is given -> articles: files and folders, web addresses, feeds (local or on the web).

Arguments are told apart by their form: `http://` and `https://` are fetched,
a file named `.rss`, `.atom` or `.xml` is read as a feed, anything else goes to
the file readers (`readers.read_documents`). Every source that fails is one
`Skipped`, and the rest goes on.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from .. import settings
from ..records import Article
from .dates import normalise_date
from .feeds import FEED_SUFFIXES
from .fetch import FetchOptions, is_address, unique
from .files import Skipped, os_problem
from .guard import guarded
from .pdf import PageProgress
from .readers import read_documents
from .web import WebReader


def _is_feed_file(source: str) -> bool:
    path = Path(source)
    return path.suffix.lower() in FEED_SUFFIXES and path.is_file()


def read_sources(sources: Iterable[str | Path], *, published: str | None = None,
                 max_bytes: int = settings.DEFAULT_MAX_BYTES, timeout: float = settings.DEFAULT_TIMEOUT_S,
                 retries: int = settings.DEFAULT_RETRIES,
                 progress: PageProgress | None = None) -> Iterator[Article | Skipped]:
    """Articles from files, folders, web addresses and feeds; one Skipped per thing that cannot be read.

    Args:
        published: fallback date for documents that carry none.
        max_bytes: size limit of a file, a JSONL line or a download.
        timeout, retries: for each web request (see `fetch.FetchOptions`).
        progress: told of PDF pages as they are read (`readers.read_documents`).
    """
    addresses: list[str] = []
    feed_files: list[Path] = []
    paths: list[str | Path] = []
    for source in sources:
        text = str(source)
        if isinstance(source, str) and is_address(text):
            addresses.append(text)
        elif _is_feed_file(text):
            feed_files.append(Path(text))
        else:
            paths.append(source)
    if paths:
        yield from read_documents(paths, published=published, max_bytes=max_bytes, progress=progress)
    if not addresses and not feed_files:
        return
    options = FetchOptions(timeout=timeout, max_bytes=max_bytes, retries=retries)
    with WebReader(options, published=normalise_date(published) if published else None,
                   trusted=addresses) as reader:   # the hosts named here may be local (see `addresses`)
        for path in feed_files:
            yield from guarded(str(path), partial(reader.read_feed_file, path))
        for address in unique(addresses):
            yield from guarded(address, partial(reader.read_address, address))


def read_address_list(path: Path) -> tuple[list[str], list[Skipped]]:
    """The addresses in a file (one a line; blank lines and `#` comments ignored), and the lines that are not."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_problem(exc) if isinstance(exc, OSError) else "not UTF-8 text"
        return [], [Skipped(str(path), reason)]
    addresses: list[str] = []
    bad: list[Skipped] = []
    for number, line in enumerate(text.splitlines(), start=1):
        # A whole-line comment, or one after the address (" #": an address has no spaces, its "#" is a fragment).
        entry = "" if line.lstrip().startswith("#") else line.split(" #", 1)[0].strip()
        if not entry:
            continue
        if is_address(entry):
            addresses.append(entry)
        else:
            bad.append(Skipped(f"{path} line {number}", f"{entry[:80]!r} is not a web address (http:// or https://)"))
    return addresses, bad
