"""Long Word files built in the test run: python-docx's own package with a generated document.xml.

`write_long_docx` writes a .docx of any number of paragraphs in seconds (adding
14,000 paragraphs through python-docx's API takes longer than reading them):
the first paragraph in the Title style, every 50th a Heading 2, the rest in the
default style, each a different sentence; it returns the paragraphs' text.
tests/ingest/test_zip_containers.py and benchmarks/word.py use it.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx

TITLE = "Arms deliveries to Ukraine, 2022-2023: a chronology"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SUPPLIERS = ("Germany", "France", "the United Kingdom", "Poland", "the United States", "Norway", "Canada")
_WEAPONS = ("IRIS-T launchers", "Caesar howitzers", "Storm Shadow missiles", "Leopard 2 tanks", "HIMARS launchers")


def paragraph_texts(count: int) -> list[str]:
    """The `count` paragraphs of a long document: its title, then numbered sentences and headings."""
    texts = [TITLE]
    for number in range(1, count):
        if number % 50 == 0:
            texts.append(f"Part {number // 50}: deliveries reported in week {number // 7 + 1}")
        else:
            supplier, weapon = _SUPPLIERS[number % len(_SUPPLIERS)], _WEAPONS[number % len(_WEAPONS)]
            texts.append(f"Entry {number}: {supplier} delivered {weapon} to Ukraine, officials said on day {number}.")
    return texts


def _paragraph_xml(index: int, text: str) -> str:
    style = "Title" if index == 0 else "Heading2" if index % 50 == 0 else None
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}<w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def write_long_docx(path: Path, paragraphs: int) -> list[str]:
    """Write a .docx of `paragraphs` paragraphs at `path`; return their texts in order."""
    texts = paragraph_texts(paragraphs)
    body = "".join(_paragraph_xml(index, text) for index, text in enumerate(texts))
    document_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}">'
                    f"<w:body>{body}<w:sectPr/></w:body></w:document>").encode("utf-8")
    template = io.BytesIO()
    docx.Document().save(template)   # the default template's styles, settings and content types
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = document_xml if info.filename == "word/document.xml" else source.read(info.filename)
            target.writestr(info.filename, part)
    return texts
