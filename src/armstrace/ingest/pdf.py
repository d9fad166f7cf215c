"""PDF files -> articles with pypdf: text page by page, the PDF's objects let go of as each page is read.

Why pypdf and not pdfplumber (measured on the report pages of
tests/report_pdfs.py, benchmarks/pdf.py): pypdf gives text in the order the
page draws it, which keeps each column of a two-column page whole, while
pdfplumber's `extract_text` orders lines by height and interleaves the two
columns line by line (a sentence of the left column continued by one of the
right); footnotes, tables and hyphenated line ends came out the same; and pypdf
read 600-700 pages/s against pdfplumber's 70 on one core. Both are pure Python.

Memory stays bounded on long reports: the file is read once (it is under
--max-bytes), each page's text is kept as lines, and pypdf's cache of parsed
objects is cleared after every page, so fonts and content streams of read
pages do not pile up (peak RSS of a 1,000-page report 43 MB, not 49).
"""
from __future__ import annotations

import logging
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdf
from pypdf.errors import DependencyError, PyPdfError

from ..records import Article
from .boilerplate import find_chrome
from .files import Skipped
from .pages import clean_page, join_pages

# (event, n): "pages" adds n pages to read, "page" reports n read (the ingest progress bar counts them).
PageProgress = Callable[[str, int], None]

# What pypdf raises on malformed files besides its own errors (seen on truncated and hand-edited PDFs);
# NotImplementedError: a stream filter or an encryption handler pypdf lacks (/Adobe.PubSec, certificates);
# DependencyError (not a PyPdfError): a package an AES-encrypted or Brotli-compressed PDF needs is missing.
_BROKEN = (PyPdfError, DependencyError, NotImplementedError, ValueError, TypeError, KeyError, IndexError,
           AttributeError, AssertionError, RecursionError, OverflowError, zlib.error, struct.error)
# A file name given as the document title by the program that made the PDF ("Microsoft Word - a.docx").
_FILE_NAME_TITLE = re.compile(r"\.(docx?|pdf|indd|rtf|odt|tex|txt)$|^microsoft word - ", re.IGNORECASE)


def _quiet() -> None:
    # pypdf logs every repaired cross-reference table as a warning on stderr; a broken file is
    # reported once, as a Skipped line, and a repaired one needs no message.
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def _title(reader: pypdf.PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except _BROKEN:
        return None
    if not isinstance(title, str) or not title.strip() or _FILE_NAME_TITLE.search(title.strip()):
        return None
    return " ".join(" ".join(clean_page(title)).split()) or None   # no control characters, no NUL


def _missing_package(exc: DependencyError) -> str:
    """What a PDF needs that is not installed, and the command that installs it."""
    need = str(exc)
    if "cryptography" in need and "install" not in need:
        need += "; install it with: pip install 'pypdf[crypto]'"
    return f"needs a package that is not installed ({need})"


def _open(path: Path) -> pypdf.PdfReader | str:
    """The reader of a PDF, or why it cannot be read."""
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return "encrypted PDF with a password (decrypt it first, e.g. qpdf --decrypt)"
        len(reader.pages)   # parses the page tree: a broken one fails here, not halfway
    except DependencyError as exc:
        return _missing_package(exc)
    except _BROKEN as exc:
        return f"not a readable PDF ({type(exc).__name__}: {exc})"
    return reader


def _pages(reader: pypdf.PdfReader, source: str, progress: PageProgress | None,
           problems: list[Skipped]) -> Iterator[list[str]]:
    """Each page's lines, in order; a page whose text cannot be extracted is empty and named in `problems`."""
    total = len(reader.pages)
    if progress:
        progress("pages", total)
    for index in range(total):
        try:
            text = reader.pages[index].extract_text()
        except _BROKEN as exc:
            problems.append(Skipped(f"{source} page {index + 1}",
                                    f"text could not be extracted ({type(exc).__name__}: {exc}); the page is left empty"))
            text = ""
        reader.resolved_objects.clear()   # parsed objects are re-read on demand; read pages' are not needed
        if reader.flattened_pages is not None:
            reader.flattened_pages[index] = None   # type: ignore[call-overload]
        if progress:
            progress("page", 1)
        yield clean_page(text)


def read_pdf(path: Path, *, published: str | None,
             progress: PageProgress | None = None) -> Iterator[Article | Skipped]:
    """The article of a PDF (pages separated by form feeds, `page_starts` set), or why it cannot be read.

    A page whose text cannot be extracted is a Skipped of its own ("a.pdf page 7")
    beside the article, which keeps the rest; a PDF without any text (a scan)
    is Skipped whole.
    """
    _quiet()
    source = str(path)
    reader = _open(path)
    if isinstance(reader, str):
        yield Skipped(source, reader)
        return
    problems: list[Skipped] = []
    try:
        pages = list(_pages(reader, source, progress, problems))
    except _BROKEN as exc:   # the page tree itself broke mid-way
        yield Skipped(source, f"not a readable PDF ({type(exc).__name__}: {exc})")
        return
    title = _title(reader)
    del reader
    yield from problems
    paged = join_pages(pages)
    if not paged.text.strip():
        yield Skipped(source, "no text in the PDF (a scan? run OCR on it first, e.g. ocrmypdf)")
        return
    yield Article(doc_id=path.stem, text=paged.text, title=title, published=published, source_path=source,
                  source_format="pdf", skip_spans=find_chrome(paged.text, title=title, short_lines=False),
                  page_starts=paged.page_starts)
