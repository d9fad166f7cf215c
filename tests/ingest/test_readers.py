"""Readers: files and folders -> Article or Skipped, on real files in tmp_path."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.ingest import Skipped, find_files, read_documents, read_file
from armstrace.records import Article
from files_on_disk import write

PROSE = ("Russia launched Iranian-made Shahed drones at Kyiv overnight, Ukraine's air force said on Monday. "
         "Officials said most of the drones were shot down over the capital.\n")

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Iran sends more drones to Russia | Test Gazette</title>
<meta property="article:published_time" content="2022-10-18T08:00:00Z">
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/defence">Defence news menu</a></li></ul></nav>
<article>
<h1>Iran sends more drones to Russia</h1>
<p>Iran has sent Russia a new batch of Shahed-136 drones, Ukrainian intelligence officials said on Tuesday,
adding that the shipment arrived by air at an airfield in Crimea earlier this month.</p>
<p>Tehran denies supplying weapons for use in Ukraine. The foreign ministry said the reports were baseless
and that Iran had not sent any drones to Russia since the war began.</p>
<p>Western governments say the transfers breach a United Nations Security Council resolution and have
imposed sanctions on Iranian companies that make parts for the drones.</p>
</article>
<footer><p>Footer text: all rights reserved by the Test Gazette company 2022.</p>
<p><a href="/privacy">Privacy policy and cookie settings page</a></p></footer>
</body></html>
"""




def only(items) -> Article | Skipped:
    items = list(items)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("name", ["kyiv_drones.txt", "kyiv_drones.text", "kyiv_drones.TXT"])
def test_read_file_txt_gives_article_named_after_the_file(tmp_path, name):
    path = write(tmp_path / name, PROSE)
    article = only(read_file(path))
    assert isinstance(article, Article)
    assert (article.doc_id, article.text, article.source_format) == ("kyiv_drones", PROSE, "txt")
    assert article.source_path == str(path)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_read_file_txt_normalises_newlines(tmp_path, newline):
    article = only(read_file(write(tmp_path / "a.txt", PROSE.replace("\n", newline) + "Second line." + newline)))
    assert article.text == PROSE + "Second line.\n"


def test_read_file_txt_strips_the_byte_order_mark(tmp_path):
    article = only(read_file(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + PROSE.encode())))
    assert article.text == PROSE


def test_read_file_cp1252_text_is_decoded(tmp_path):
    text = ("Le caf\u00e9 pr\u00e8s de la gare \u00e9tait plein quand les drones sont arriv\u00e9s. "
            "caf\u00e9 Kyiv drones \u2014 \u201cShahed\u201d drones hit the city, officials said.\n") * 4
    article = only(read_file(write(tmp_path / "latin.txt", text.encode("cp1252"))))
    assert isinstance(article, Article)
    assert article.text == text


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    bytes(range(1, 32)) * 40,
])
def test_read_file_binary_is_skipped(tmp_path, content):
    skipped = only(read_file(write(tmp_path / "image.txt", content)))
    assert skipped.source == str(tmp_path / "image.txt") and skipped.reason.startswith("binary file, not text")


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
def test_read_file_empty_is_skipped(tmp_path, content):
    skipped = only(read_file(write(tmp_path / "empty.txt", content)))
    assert skipped == Skipped(str(tmp_path / "empty.txt"), "empty document")


def test_read_file_unknown_encoding_is_skipped_with_the_fix(tmp_path):
    noise = bytes((7 * i * i + 131) % 128 + 128 for i in range(400))   # high bytes no encoding makes sense of
    skipped = only(read_file(write(tmp_path / "noise.txt", noise)))
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "not UTF-8 text and the encoding could not be detected (convert it to UTF-8)"


@pytest.mark.parametrize("name", ["big.txt", "big.html"])
def test_read_file_over_max_bytes_is_skipped_without_reading(tmp_path, name):
    # NUL bytes: had the file been read, it would have been reported as binary.
    path = write(tmp_path / name, b"\0" * 100)
    skipped = only(read_file(path, max_bytes=10))
    assert skipped == Skipped(str(path), "100 bytes is over the 10-byte limit (raise it with --max-bytes)")


def test_read_file_html_takes_title_and_meta_date(tmp_path):
    article = only(read_file(write(tmp_path / "page.html", HTML_PAGE)))
    assert isinstance(article, Article)
    assert (article.doc_id, article.source_format) == ("page", "html")
    assert article.title == "Iran sends more drones to Russia"
    assert article.published == "2022-10-18"


@pytest.mark.parametrize("chrome", ["Defence news menu", "all rights reserved", "cookie settings"])
def test_read_file_html_strips_nav_and_footer(tmp_path, chrome):
    article = only(read_file(write(tmp_path / "page.htm", HTML_PAGE)))
    assert "Shahed-136 drones" in article.text
    assert chrome not in article.text


def test_read_file_html_paragraphs_are_separated_by_blank_lines(tmp_path):
    article = only(read_file(write(tmp_path / "page.html", HTML_PAGE)))
    assert "earlier this month.\n\nTehran denies" in article.text


@pytest.mark.parametrize("html", [
    "<html><body><div><p>Russia fired Iranian drones at Kyiv on Monday, officials said.<p>Second <b>bold",
    "<p>Russia fired Iranian drones at Kyiv on Monday, officials said.</div></span><table><tr><td>",
])
def test_read_file_broken_html_still_gives_text(tmp_path, html):
    article = only(read_file(write(tmp_path / "broken.html", html)))
    assert isinstance(article, Article)
    assert "Russia fired Iranian drones at Kyiv on Monday, officials said." in article.text


@pytest.mark.parametrize(("html", "reason"), [
    ("<html><head><script>var a = 1;</script></head><body></body></html>", "no article text found in the HTML"),
    ("   \n  ", "empty document"),
])
def test_read_file_html_without_text_is_skipped(tmp_path, html, reason):
    path = write(tmp_path / "blank.html", html)
    assert only(read_file(path)) == Skipped(str(path), reason)


def test_read_file_html_in_a_declared_legacy_encoding_is_decoded(tmp_path):
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("Tehran denies", "T\u00e9h\u00e9ran denies")
    article = only(read_file(write(tmp_path / "legacy.html", page.encode("cp1252"))))
    assert "T\u00e9h\u00e9ran denies" in article.text


def jsonl(*objects: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects)


def test_read_jsonl_malformed_line_is_skipped_and_the_rest_goes_on(tmp_path):
    path = write(tmp_path / "wire.jsonl", jsonl(
        {"id": "w1", "text": PROSE}, '{"id": "w2", "text": "unterminated', {"id": "w3", "text": PROSE}))
    items = list(read_file(path))
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["w1", "w3"]
    skipped = [s for s in items if isinstance(s, Skipped)]
    assert len(skipped) == 1
    assert skipped[0].source == f"{path} line 2"
    assert str(skipped[0]).startswith(f"{path} line 2: not valid JSON (")


def test_read_jsonl_html_line_hints_at_the_html_format(tmp_path):
    path = write(tmp_path / "wire.jsonl", "<html><body>not json</body></html>\n")
    assert "is it HTML?" in only(read_file(path)).reason


@pytest.mark.parametrize(("line", "reason_part"), [
    ('["w1", "text"]', "not a JSON object"),
    ({"text": PROSE}, 'no "id"'),
    ({"id": "", "text": PROSE}, 'no "id"'),
    ({"id": None, "text": PROSE}, 'no "id"'),
    ({"id": True, "text": PROSE}, 'no "id"'),
    ({"id": "w1", "url": "https://example.org"}, 'neither "text" nor "html"'),
    ({"id": "w1", "text": 12}, '"text" must be a string'),
    ({"id": "w1", "text": "   "}, "empty document"),
    ({"id": "w1", "html": "<html><body></body></html>"}, "no article text found in the HTML"),
])
def test_read_jsonl_line_that_is_no_article_is_skipped_naming_the_line(tmp_path, line, reason_part):
    path = write(tmp_path / "wire.jsonl", jsonl({"id": "ok", "text": PROSE}, line))
    items = list(read_file(path))
    assert isinstance(items[0], Article)
    assert items[1].source == f"{path} line 2"
    assert reason_part in items[1].reason


def test_read_jsonl_reads_fields_and_ignores_unknown_ones(tmp_path):
    path = write(tmp_path / "wire.jsonl", jsonl({
        "id": 42, "text": PROSE, "url": "https://example.org/a", "title": "Drones over Kyiv",
        "published": "October 17, 2022", "lang": "en", "tags": ["drones"]}))
    article = only(read_file(path))
    assert (article.doc_id, article.url, article.title, article.published, article.source_format) == (
        "42", "https://example.org/a", "Drones over Kyiv", "2022-10-17", "jsonl")
    assert article.source_path == str(path)


def test_read_jsonl_html_field_is_extracted_with_its_date(tmp_path):
    article = only(read_file(write(tmp_path / "wire.jsonl", jsonl({"id": "h1", "html": HTML_PAGE}))))
    assert "Shahed-136 drones" in article.text and "Defence news menu" not in article.text
    assert (article.title, article.published) == ("Iran sends more drones to Russia", "2022-10-18")


def test_read_jsonl_blank_lines_are_ignored_but_counted(tmp_path):
    path = write(tmp_path / "wire.jsonl", "\n" + jsonl({"id": "a", "text": PROSE}) + "  \n" + "{bad\n")
    items = list(read_file(path))
    assert [type(i) for i in items] == [Article, Skipped]
    assert items[1].source == f"{path} line 4"


def test_read_jsonl_line_over_max_bytes_is_skipped_and_the_rest_goes_on(tmp_path):
    path = write(tmp_path / "wire.jsonl", jsonl({"id": "big", "text": "x " * 500}, {"id": "small", "text": "ok"}))
    items = list(read_file(path, max_bytes=200))
    assert items[0] == Skipped(f"{path} line 1", "line is over the 200-byte limit (raise it with --max-bytes)")
    assert isinstance(items[1], Article) and items[1].doc_id == "small"


def test_read_jsonl_line_that_is_not_utf8_is_skipped(tmp_path):
    path = write(tmp_path / "wire.jsonl", b'{"id": "a", "text": "caf\xe9"}\n' + jsonl({"id": "b", "text": "ok"}).encode())
    items = list(read_file(path))
    assert items[0] == Skipped(f"{path} line 1", "not UTF-8 (JSON lines must be UTF-8)")
    assert items[1].doc_id == "b"


@pytest.mark.parametrize(("name", "reason_part"), [
    ("sheet.xlsx", "'.xlsx' files are not supported"),
    ("missing.txt", "no such file"),
    ("folder", "a folder, not a file"),
])
def test_read_file_unreadable_path_is_skipped(tmp_path, name, reason_part):
    path = tmp_path / name
    if name.endswith(".xlsx"):
        write(path, b"PK\x03\x04")
    if name == "folder":
        write(path / "inside.txt", PROSE)
    skipped = only(read_file(path))
    assert isinstance(skipped, Skipped) and reason_part in skipped.reason


@pytest.mark.parametrize(("name", "reason_part"), [
    ("notes.xlsx", "'.xlsx' files are not supported (use .txt"),
    ("README", "files without an extension are not supported"),
    ("nowhere/gone.txt", "no such file or folder"),
])
def test_find_files_explicit_path_that_cannot_be_read_is_skipped(tmp_path, name, reason_part):
    path = tmp_path / name
    if "nowhere" not in name:
        write(path, "text")
    files, skipped = find_files([path])
    assert files == []
    assert skipped[0].source == str(path) and reason_part in skipped[0].reason


@pytest.mark.issue(12)
def test_find_files_walks_folders_recursively_sorted_naming_other_types_as_unsupported(tmp_path):
    for name in ["b.txt", "a.html", "sub/z.jsonl", "sub/deeper/c.htm", "sub/sheet.xlsx", "image.png",
                 ".hidden.txt", ".git/x.txt", "a.json-lines", "sub/notes.md", "sub/report.pdf", "sub/memo.docx"]:
        write(tmp_path / "corpus" / name, "text")
    files, skipped = find_files([tmp_path / "corpus"])
    assert [p.relative_to(tmp_path / "corpus").as_posix() for p in files] == [
        "a.html", "a.json-lines", "b.txt", "sub/deeper/c.htm", "sub/memo.docx", "sub/notes.md", "sub/report.pdf",
        "sub/z.jsonl"]
    assert [(Path(s.source).relative_to(tmp_path / "corpus").as_posix(), s.unsupported) for s in skipped] == [
        ("image.png", True), ("sub/sheet.xlsx", True)]


def test_find_files_keeps_the_order_of_the_paths_given_and_reads_a_file_once(tmp_path):
    second = write(tmp_path / "z" / "second.txt", "text")
    first = write(tmp_path / "a" / "first.txt", "text")
    files, _ = find_files([tmp_path / "z", first, second])
    assert files == [second, first]


def test_read_documents_streams_skips_and_articles_from_files_and_folders(tmp_path):
    write(tmp_path / "corpus" / "one.txt", PROSE)
    write(tmp_path / "corpus" / "two.txt", b"")
    write(tmp_path / "corpus" / "wire.jsonl", jsonl({"id": "w1", "text": PROSE}, "{oops"))
    items = list(read_documents([tmp_path / "corpus", tmp_path / "missing.html"]))
    assert [str(i) if isinstance(i, Skipped) else i.doc_id for i in items] == [
        f"{tmp_path / 'missing.html'}: no such file or folder (check the path)",
        "one",
        f"{tmp_path / 'corpus' / 'two.txt'}: empty document",
        "w1",
        (f"{tmp_path / 'corpus' / 'wire.jsonl'} line 2: not valid JSON (Expecting property name enclosed in "
         "double quotes at column 2)"),
    ]


@pytest.mark.parametrize(("file", "content", "fallback", "expected"), [
    ("a.txt", PROSE, "17 October 2022", "2022-10-17"),
    ("a.txt", PROSE, "not a date", None),
    ("a.txt", PROSE, None, None),
    ("a.html", HTML_PAGE, "2020-01-01", "2022-10-18"),
    ("a.jsonl", jsonl({"id": "a", "text": PROSE, "published": "2021-05-04"}), "2020-01-01", "2021-05-04"),
    ("a.jsonl", jsonl({"id": "a", "text": PROSE}), "2020-01-01", "2020-01-01"),
])
def test_read_documents_published_is_the_documents_date_else_the_fallback(tmp_path, file, content, fallback,
                                                                          expected):
    article = only(read_documents([write(tmp_path / file, content)], published=fallback))
    assert isinstance(article, Article)
    assert article.published == expected


def test_read_file_records_chrome_as_skip_spans(tmp_path):
    article = only(read_file(write(tmp_path / "page.txt", "Skip to main content\n\n" + PROSE)))
    assert article.skip_spans == [(0, len("Skip to main content"))]
    assert article.text.startswith("Skip to main content")      # the text itself is never changed


def test_skipped_prints_source_and_reason():
    assert str(Skipped("corpus/a.jsonl line 12", "not valid JSON (x)")) == "corpus/a.jsonl line 12: not valid JSON (x)"


def test_a_reader_raising_on_one_file_costs_that_file_one_line_and_the_next_files_are_read(tmp_path, monkeypatch):
    # A library bug on odd input (injected here: no real file is known to trigger one) must not stop a folder.
    from armstrace.ingest import readers
    from armstrace.ingest.files import Skipped as SkippedItem

    (tmp_path / "a.docx").write_bytes(b"not really a word file")
    (tmp_path / "b.txt").write_text("Iran supplied drones to Russia.\n", encoding="utf-8")

    def explode(*args, **kwargs):
        raise RuntimeError("unforeseen")
        yield  # (a generator, as the readers are)

    monkeypatch.setattr(readers, "read_docx", explode)
    items = list(readers.read_documents([tmp_path]))
    failures = [i for i in items if isinstance(i, SkippedItem) and not i.unsupported]
    assert len(failures) == 1 and "a.docx" in str(failures[0]) and "RuntimeError" in str(failures[0])
    assert [i.doc_id for i in items if not isinstance(i, SkippedItem)] == ["b"]
