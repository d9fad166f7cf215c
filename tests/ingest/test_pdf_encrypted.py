"""Encrypted PDFs and PDFs that need what pypdf lacks: read when they open without a password, else one skipped line."""
from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pypdf
import pytest
from fpdf import FPDF
from pypdf.generic import NameObject

import armstrace
from armstrace.ingest import Skipped, read_documents, read_file
from armstrace.records import Article
from report_pdfs import TITLE, write_report

pytestmark = pytest.mark.issue(12)

SRC = str(Path(armstrace.__file__).resolve().parents[1])
LEOPARD = "Germany delivered Leopard 2 tanks to Ukraine in March 2023."
CAESAR = "France delivered Caesar howitzers to Ukraine in 2022."


def _aes_copy(plain: Path, path: Path) -> Path:
    """`plain` encrypted with AES-256, opening without a password (as reports are locked against editing)."""
    writer = pypdf.PdfWriter(clone_from=plain)
    writer.encrypt(user_password="", owner_password="publisher", algorithm="AES-256")
    writer.write(path)
    return path


def _two_page_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.set_font("Helvetica", size=11)
    for line in (LEOPARD, CAESAR):
        pdf.add_page()
        pdf.cell(0, 10, line)
    pdf.output(str(path))
    return path


def test_aes_256_pdf_without_a_user_password_is_read_beside_a_plain_one(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder / "b-plain.pdf", pages=2)
    _aes_copy(write_report(tmp_path / "source.pdf", pages=3), folder / "a-locked.pdf")
    locked, plain = read_documents([folder])
    assert isinstance(locked, Article) and isinstance(plain, Article), (locked, plain)
    assert (locked.doc_id, len(locked.page_starts), plain.doc_id, len(plain.page_starts)) == (
        "a-locked", 3, "b-plain", 2)
    assert " ".join(locked.text.split()).startswith(TITLE)


@pytest.mark.slow
def test_aes_pdf_without_cryptography_is_one_skipped_line_and_the_batch_goes_on(tmp_path):
    """cryptography missing (an install without the [crypto] extra): pypdf's DependencyError is a skip, not exit 3."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder / "b-plain.pdf", pages=2)
    locked = _aes_copy(write_report(tmp_path / "source.pdf", pages=2), folder / "a-locked.pdf")
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text("import sys\nsys.modules['cryptography'] = None\n", encoding="utf-8")
    db = tmp_path / "reports.db"
    done = subprocess.run([sys.executable, "-m", "armstrace", "ingest", str(folder), "--db", str(db)],
                          capture_output=True, text=True, check=False, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([str(hide), SRC])})
    assert done.returncode == 1, done.stderr
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped")]
    assert skipped == [f"skipped {locked}: needs a package that is not installed (cryptography>=3.1 is required "
                       "for AES algorithm; install it with: pip install 'pypdf[crypto]')"]
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT doc_id FROM documents").fetchall() == [("b-plain",)]


def test_pdf_with_a_certificate_security_handler_is_one_skip_naming_the_file(tmp_path):
    """pypdf reads only the Standard (password) handler; /Adobe.PubSec raised NotImplementedError out of the batch."""
    aes = _aes_copy(write_report(tmp_path / "source.pdf", pages=1), tmp_path / "aes.pdf").read_bytes()
    path = tmp_path / "certificate.pdf"
    path.write_bytes(aes.replace(b"/Filter /Standard", b"/Filter /Adobe.PubSec"))
    (item,) = read_file(path)
    assert isinstance(item, Skipped) and item.source == str(path)
    assert item.reason == "not a readable PDF (NotImplementedError: only Standard PDF encryption handler is available)"


@pytest.mark.parametrize(("stream_filter", "why"), [
    ("/Foo", "NotImplementedError: Unsupported filter /Foo"),
    ("/BrotliDecode", "DependencyError: brotli is required for BrotliDecode"),
])
def test_page_with_a_stream_filter_pypdf_cannot_undo_is_left_empty_and_named(tmp_path, stream_filter, why):
    if stream_filter == "/BrotliDecode" and importlib.util.find_spec("brotli") is not None:
        pytest.skip("brotli (not a dependency) is installed here: pypdf decodes the page")
    writer = pypdf.PdfWriter(clone_from=_two_page_pdf(tmp_path / "plain.pdf"))
    writer.pages[1]["/Contents"].get_object()[NameObject("/Filter")] = NameObject(stream_filter)
    path = tmp_path / "filtered.pdf"
    writer.write(path)
    problem, article = read_file(path)
    assert isinstance(problem, Skipped) and problem.source == f"{path} page 2" and why in problem.reason
    assert isinstance(article, Article) and article.text.split("\f")[0].strip() == LEOPARD
