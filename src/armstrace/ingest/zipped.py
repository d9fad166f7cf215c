"""Zip containers (.docx, .odt, .epub): checked before a library unpacks them, and what a damaged one raises.

python-docx, odfdo and ebooklib unpack every part into memory and parse the
XML whole, so the unpacked size, not the file's, is what costs: a file just
under the cap below (78 MB of document.xml) took 817 MB of peak RSS and 70 s
(benchmarks/word.py --at-cap), and at the old cap of 50 times --max-bytes a
150 MB document.xml took 1.3 GB. The parts may take at most MAX_UNPACKED_RATIO
times --max-bytes unpacked (80 MB at the default 20 MB); prose XML is about
5-20 times its compressed size, so a real file hits --max-bytes or this cap
only when it holds a book's worth of text. The sizes checked are the zip's
declared ones, which zipfile enforces as it unpacks (a part that inflates past
its declared size fails its CRC check instead of filling memory).
"""
from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

import lxml.etree

from ..records import Article
from .boilerplate import find_chrome
from .files import Skipped
from .text import EMPTY

MAX_UNPACKED_RATIO = 4
# What unpacking a damaged zip raises besides BadZipFile, found by flipping bytes of built files:
# zlib.error (a corrupt deflate stream), NotImplementedError (a compression method or zip version zipfile
# cannot undo), EOFError (a part cut short), LxmlError (a part that is not XML).
ZIP_BROKEN = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, lxml.etree.LxmlError)
_ENCRYPTED = 0x1   # general purpose bit 0 of a zip entry: the part is encrypted


def zip_problem(path: Path, max_bytes: int) -> str | None:
    """Why a zip container is not to be unpacked (too big unpacked, an encrypted part), or None.

    Raises what ZIP_BROKEN names when the file is not a zip at all.
    """
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    size = sum(info.file_size for info in infos)
    if size > MAX_UNPACKED_RATIO * max_bytes:
        return (f"unpacks to {size:,} bytes, over {MAX_UNPACKED_RATIO} times --max-bytes "
                f"({MAX_UNPACKED_RATIO * max_bytes:,}); raise --max-bytes to read it")
    encrypted = next((info.filename for info in infos if info.flag_bits & _ENCRYPTED), None)
    if encrypted is not None:   # zipfile would raise RuntimeError asking for a password
        return f"its part {encrypted!r} is encrypted (save the file without a password first)"
    return None


# What a container's parser gives: (text, title), text "" when the file holds none; or a reason to skip it.
Parsed = tuple[str, str | None] | str


def read_container(path: Path, *, published: str | None, max_bytes: int, source_format: Literal["docx", "odt", "epub"], what: str,
                   broken: tuple[type[BaseException], ...], parse: Callable[[Path], Parsed]) -> Iterator[Article | Skipped]:
    """The article of a zip container, or why it cannot be read: too big unpacked, damaged (`broken`: what its
    library raises on a bad file, named as `what`), `parse`'s own reason, or empty. One shape for .docx,
    .odt and .epub."""
    source = str(path)
    try:
        parsed = zip_problem(path, max_bytes) or parse(path)
    except broken as exc:
        yield Skipped(source, f"not a readable {what} ({type(exc).__name__}: {exc})")
        return
    if isinstance(parsed, str):
        yield Skipped(source, parsed)
        return
    text, title = parsed
    if not text:
        yield Skipped(source, EMPTY)
        return
    yield Article(doc_id=path.stem, text=text, title=title, published=published, source_path=source,
                  source_format=source_format, skip_spans=find_chrome(text, title=title))
