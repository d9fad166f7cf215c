"""Word, OpenDocument and EPUB files are zips: long ones are read whole, oversized or damaged ones are one skipped line.

The damage is what flipping bytes of built files turned up (a corrupt deflate
stream, an encrypted part, a compression method zipfile lacks): each escaped
the readers as an exception and stopped the batch.
"""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import docx
import pytest
from ebooklib import epub
from odfdo import Document, Header, Paragraph

from armstrace.ingest import Skipped, read_documents, read_file
from armstrace.ingest.zipped import MAX_UNPACKED_RATIO
from armstrace.records import Article
from word_files import TITLE, write_long_docx

pytestmark = pytest.mark.issue(12)

CLAIM = "Germany delivered IRIS-T air defence systems to Ukraine in October 2022."


def _unpacked(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def test_docx_of_14000_paragraphs_is_read_whole_with_its_title_style(tmp_path):
    """python-docx looked up each paragraph's style by scanning all styles: 14,000 paragraphs took 17 s (benchmarks/word.py)."""
    path = tmp_path / "chronology.docx"
    texts = write_long_docx(path, 14_000)
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert (article.title, article.text) == (TITLE, "\n\n".join(texts) + "\n")


def _docx(path: Path, paragraphs: int) -> Path:
    write_long_docx(path, paragraphs)
    return path


def _odt(path: Path, paragraphs: int) -> Path:
    document = Document("text")
    document.body.append(Header(1, "Air defence for Ukraine"))
    for number in range(paragraphs):
        document.body.append(Paragraph(f"Entry {number}: {CLAIM}"))
    document.save(path)
    return path


def _epub(path: Path, paragraphs: int) -> Path:
    book = epub.EpubBook()
    book.set_identifier("armstrace-test")
    book.set_title("Air defence for Ukraine")
    book.set_language("en")
    chapter = epub.EpubHtml(title="Deliveries", file_name="c1.xhtml", lang="en")
    chapter.content = "<h1>Deliveries</h1>" + "".join(f"<p>Entry {n}: {CLAIM}</p>" for n in range(paragraphs))
    book.add_item(chapter)
    book.spine = [chapter]
    book.add_item(epub.EpubNcx())
    epub.write_epub(str(path), book)
    return path


BUILDERS = {"docx": _docx, "odt": _odt, "epub": _epub}
# The part each library reads first, damaged in the tests below.
MAIN_PART = {"docx": "[Content_Types].xml", "odt": "content.xml", "epub": "META-INF/container.xml"}


@pytest.mark.parametrize("kind", BUILDERS)
def test_file_unpacking_past_the_cap_is_one_skip_and_one_within_it_is_read(tmp_path, kind):
    """The cap was 50 times --max-bytes (1 GB unpacked at the default): a 150 MB document.xml took 1.3 GB of RSS."""
    path = BUILDERS[kind](tmp_path / f"long.{kind}", 3000)
    unpacked = _unpacked(path)
    over = unpacked // MAX_UNPACKED_RATIO - 1   # --max-bytes one byte short of letting it unpack
    assert path.stat().st_size < over   # the file itself is well under --max-bytes
    (item,) = read_file(path, max_bytes=over)
    assert isinstance(item, Skipped) and item.source == str(path)
    assert item.reason == (f"unpacks to {unpacked:,} bytes, over {MAX_UNPACKED_RATIO} times --max-bytes "
                           f"({MAX_UNPACKED_RATIO * over:,}); raise --max-bytes to read it")
    (article,) = read_file(path, max_bytes=-(-unpacked // MAX_UNPACKED_RATIO))
    assert isinstance(article, Article) and "Entry 2999" in article.text


def _patch_entry(data: bytes, name: str, *, flags: int = 0, method: int | None = None,
                 garble: bool = False) -> bytes:
    """`data` (a zip) with part `name`'s flag bits or-ed with `flags`, its method set, or its packed bytes garbled."""
    out = bytearray(data)
    encoded = name.encode("utf-8")
    central = out.find(b"PK\x01\x02")
    while central != -1:
        (name_length,) = struct.unpack_from("<H", out, central + 28)
        if out[central + 46: central + 46 + name_length] == encoded:
            break
        central = out.find(b"PK\x01\x02", central + 4)
    assert central != -1, name
    local = struct.unpack_from("<I", out, central + 42)[0]
    packed = struct.unpack_from("<I", out, central + 20)[0]
    for header, flag_at in ((central, 8), (local, 6)):
        struct.pack_into("<H", out, header + flag_at, struct.unpack_from("<H", out, header + flag_at)[0] | flags)
        if method is not None:
            struct.pack_into("<H", out, header + flag_at + 2, method)
    if garble:   # 0xFF opens a deflate block of the reserved type 3: zlib.error, not a CRC mismatch
        start = local + 30 + sum(struct.unpack_from("<HH", out, local + 26))
        out[start: start + packed] = b"\xff" * packed
    return bytes(out)


DAMAGE = {"deflate stream": ({"garble": True}, "error: Error -3 while decompressing data: invalid block type"),
          "compression method": ({"method": 99}, "NotImplementedError: That compression method is not supported"),
          "encrypted part": ({"flags": 0x1}, "is encrypted (save the file without a password first)")}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("kind", BUILDERS)
def test_damaged_zip_part_is_one_skip_naming_the_file_and_the_folder_goes_on(tmp_path, kind, damage):
    folder = tmp_path / "corpus"
    folder.mkdir()
    whole = BUILDERS[kind](tmp_path / f"whole.{kind}", 3).read_bytes()
    change, why = DAMAGE[damage]
    broken = folder / f"a-broken.{kind}"
    broken.write_bytes(_patch_entry(whole, MAIN_PART[kind], **change))
    BUILDERS[kind](folder / f"b-good.{kind}", 3)
    skipped, good = read_documents([folder])
    assert isinstance(skipped, Skipped) and skipped.source == str(broken) and why in skipped.reason, skipped
    assert isinstance(good, Article) and good.doc_id == "b-good"


def test_odt_with_a_part_odfdo_calls_a_zip_bomb_is_one_skip(tmp_path):
    """odfdo refuses a part inflating over 200 times its packed size with its own SecurityError."""
    path = _odt(tmp_path / "padded.odt", 3)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Thumbnails/blank.xml", b" " * 100_000)
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and item.source == str(path) and "SecurityError" in item.reason


def test_epub_whose_container_has_no_root_element_is_one_skip(tmp_path):
    """ebooklib asserts on a META-INF/container.xml that parses to no root (here a NUL in its XML declaration)."""
    whole = _epub(tmp_path / "whole.epub", 3)
    path = tmp_path / "nul.epub"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "META-INF/container.xml":
                part = part.replace(b'"', b'"\x00', 1)
            target.writestr(info, part)
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and item.source == str(path) and "AssertionError" in item.reason


def test_docx_whose_styles_name_an_unknown_type_is_still_read(tmp_path):
    """A malformed style is left out of the title lookup; the file is read."""
    whole = tmp_path / "whole.docx"
    document = docx.Document()
    document.add_heading("Air defence for Ukraine", level=1)
    document.add_paragraph(CLAIM)
    document.save(str(whole))
    path = tmp_path / "odd-styles.docx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "word/styles.xml":
                part = part.replace(b'w:type="table"', b'w:type="hologram"', 1)
            target.writestr(info, part)
    (article,) = read_file(path)
    assert isinstance(article, Article) and article.title == "Air defence for Ukraine" and CLAIM in article.text
