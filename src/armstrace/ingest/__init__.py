"""Files, web addresses and feeds -> `armstrace.records.Article`: plain text, HTML, JSON lines, PDF, Word
(.docx), Markdown, OpenDocument text, EPUB and RSS/Atom.

Reading is pure (no database) and never raises on bad input: a file or a JSONL
line that cannot be read comes out as a `Skipped` value, and the rest goes on.
Page chrome found in the text is recorded in `Article.skip_spans`.
"""
from __future__ import annotations

from .boilerplate import find_chrome
from .dates import normalise_date
from .files import Skipped, count_failures, find_files, skip_lines
from .readers import read_documents, read_file
from .sources import read_address_list, read_sources

__all__ = ["Skipped", "count_failures", "find_chrome", "find_files", "normalise_date", "read_address_list",
           "read_documents", "read_file", "read_sources", "skip_lines"]
