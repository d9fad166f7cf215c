"""Issue 11: every bad input is one named Skipped and the rest is read; nothing bad reaches the text.

Real files in tmp_path; unreadable ones are read by a subprocess that obeys
permissions even as root (the `unprivileged` fixture).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import armstrace
from armstrace.ingest import Skipped, find_files, read_documents, read_file
from armstrace.records import Article
from files_on_disk import write

pytestmark = pytest.mark.issue(11)

PROSE = ("Russia launched Iranian-made Shahed drones at Kyiv overnight, Ukraine's air force said on Monday. "
         "Officials said most of the drones were shot down over the capital.\n")
SRC = str(Path(armstrace.__file__).resolve().parents[1])




def jsonl(*objects: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects)


def shown(items) -> list[str]:
    return [str(i) if isinstance(i, Skipped) else f"article {i.doc_id}" for i in items]


# -- paths: loops, links, permissions, names ------------------------------------


def test_symlink_loop_in_a_folder_is_named_and_the_rest_is_read(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "good.txt", PROSE)
    (corpus / "a.txt").symlink_to("b.txt")
    (corpus / "b.txt").symlink_to("a.txt")
    (corpus / "self.html").symlink_to("self.html")
    items = list(read_documents([corpus]))
    assert shown(items) == [
        f"{corpus / 'a.txt'}: symlink loop (the link leads back to itself; remove or fix it)",
        f"{corpus / 'b.txt'}: symlink loop (the link leads back to itself; remove or fix it)",
        f"{corpus / 'self.html'}: symlink loop (the link leads back to itself; remove or fix it)",
        "article good",
    ]


def test_symlink_loop_and_dangling_link_named_on_the_command_line_are_skipped(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    files, skipped = find_files([tmp_path / "loop.txt", tmp_path / "gone.txt"])
    assert files == []
    assert [s.reason.split(" (")[0] for s in skipped] == ["symlink loop", "broken symlink"]
    assert next(iter(read_file(tmp_path / "loop.txt"))).reason.startswith("symlink loop")


def test_pipe_in_a_folder_is_named_not_opened(tmp_path):
    write(tmp_path / "good.txt", PROSE)
    os.mkfifo(tmp_path / "pipe.txt")   # opening it would block the batch forever
    assert shown(read_documents([tmp_path])) == [
        f"{tmp_path / 'pipe.txt'}: not a regular file or folder (a pipe, socket or device)", "article good"]


def test_file_name_that_is_not_utf8_is_named_escaped(tmp_path):
    write(tmp_path / "good.txt", PROSE)
    bad = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    Path(os.fsdecode(bad)).write_text(PROSE, encoding="utf-8")
    lines = shown(read_documents([tmp_path]))
    assert lines[-1] == "article good"
    assert lines[0].endswith("caf\\udce9.txt: the file name is not valid UTF-8 or holds control characters "
                             "(rename it)")
    lines[0].encode("utf-8")   # printable: no lone surrogate left


def _read_unprivileged(unprivileged, paths: list[Path]) -> list[str]:
    code = ("import sys; from armstrace.ingest import read_documents, Skipped\n"
            "for i in read_documents(sys.argv[1:]):\n"
            "    print(i if isinstance(i, Skipped) else 'article ' + i.doc_id)\n")
    done = unprivileged([sys.executable, "-c", code, *map(str, paths)], env={**os.environ, "PYTHONPATH": SRC})
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_unreadable_sub_folder_is_named_not_silently_left_out(tmp_path, unprivileged):
    write(tmp_path / "corpus" / "good.txt", PROSE)
    write(tmp_path / "corpus" / "locked" / "inside.txt", PROSE)
    (tmp_path / "corpus" / "locked").chmod(0)
    try:
        lines = _read_unprivileged(unprivileged, [tmp_path / "corpus"])
    finally:
        (tmp_path / "corpus" / "locked").chmod(0o755)
    assert lines == [f"{tmp_path / 'corpus' / 'locked'}: permission denied (cannot list this folder; "
                     "check its permissions)", "article good"]


def test_unreadable_file_and_folder_named_are_skipped_and_the_rest_is_read(tmp_path, unprivileged):
    secret = write(tmp_path / "secret.txt", PROSE)
    locked = write(tmp_path / "locked" / "x.txt", PROSE).parent
    good = write(tmp_path / "good.txt", PROSE)
    secret.chmod(0)
    locked.chmod(0)
    try:
        lines = _read_unprivileged(unprivileged, [secret, locked, locked / "x.txt", good])
    finally:
        locked.chmod(0o755)
    assert lines == [
        f"{locked}: permission denied (cannot list this folder; check its permissions)",
        f"{locked / 'x.txt'}: permission denied (cannot read it; check its permissions)",
        f"{secret}: permission denied (cannot read it; check its permissions)",
        "article good",
    ]


# -- JSONL ids -----------------------------------------------------------------


@pytest.mark.parametrize(("raw_id", "reason_part"), [
    ("9" * 5000, "not valid JSON (Exceeds the limit (4300 digits) for integer string conversion"),
    ("9" * 300, 'is an integer of more than 200 digits'),
    (json.dumps("x" * 201), '"id" is 201 characters long (at most 200)'),
    (json.dumps("a\u0000b"), '"id" holds a control character'),
    (json.dumps("two\nlines"), '"id" holds a control character'),
    ("1.5", "float is not an id"),
    ("[1]", "list is not an id"),
    ('{"a": 1}', "dict is not an id"),
])
def test_absurd_jsonl_id_is_skipped_naming_the_file_and_line(tmp_path, raw_id, reason_part):
    path = write(tmp_path / "wire.jsonl", jsonl({"id": "ok", "text": PROSE}, '{"id": ' + raw_id + ', "text": "x"}',
                                                {"id": "ok2", "text": PROSE}))
    items = list(read_file(path))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    assert items[1].source == f"{path} line 2"
    assert reason_part in items[1].reason


def test_integer_jsonl_id_of_sane_length_is_still_an_id(tmp_path):
    path = write(tmp_path / "wire.jsonl", jsonl({"id": 12345678901234567890, "text": PROSE}))
    assert [a.doc_id for a in read_file(path)] == ["12345678901234567890"]


# -- NULs, wherever they are -----------------------------------------------------


@pytest.mark.parametrize("offset", [10, 8191, 8192, 20_000])
def test_nul_byte_anywhere_in_a_text_file_refuses_it_the_same_way(tmp_path, offset):
    data = (PROSE * 200).encode()
    data = data[:offset] + b"\0" + data[offset:]
    item = list(read_file(write(tmp_path / "a.txt", data)))
    assert item == [Skipped(str(tmp_path / "a.txt"), f"binary file, not text (NUL byte at offset {offset})")]


def test_nul_byte_after_8kb_in_html_is_refused(tmp_path):
    page = f"<html><body><p>{PROSE * 100}</p><p>Iran\0 denied it.</p></body></html>".encode()
    item, = read_file(write(tmp_path / "a.html", page))
    assert isinstance(item, Skipped) and "NUL byte at offset" in item.reason


@pytest.mark.parametrize("field", ["text", "title", "url", "html"])
def test_escaped_nul_in_a_jsonl_field_refuses_the_line(tmp_path, field):
    obj = {"id": "n1", "text": PROSE}
    obj[field] = (f"<html><body><p>{PROSE}</p></body></html>" if field == "html" else PROSE) + "\u0000tail"
    if field == "html":
        del obj["text"]
    item, = read_file(write(tmp_path / "wire.jsonl", jsonl(obj)))
    assert isinstance(item, Skipped) and item.source.endswith("line 1")
    assert f'"{field}" holds a NUL character' in item.reason


@pytest.mark.parametrize("field", ["id", "text", "title", "url"])
def test_lone_surrogate_in_a_jsonl_field_refuses_that_line_only(tmp_path, field):
    # valid JSON ("\\ud800" escapes half a UTF-16 pair), but no UTF-8 text can hold it
    good = [{"id": "g1", "text": PROSE}, {"id": "g2", "text": PROSE}]
    bad = {"id": "s1", "text": PROSE, field: ("x\ud800y" if field != "text" else PROSE + "\ud800")}
    lines = "".join(json.dumps(o) + "\n" for o in (good[0], bad, good[1]))
    items = list(read_file(write(tmp_path / "wire.jsonl", lines)))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["g1", "g2"]
    assert len(skipped) == 1 and skipped[0].source.endswith("line 2") and "lone surrogate" in skipped[0].reason


# -- encodings -----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [PROSE, "Россия получила беспилотники от Ирана, заявили чиновники.\n"])
def test_utf16_and_utf32_without_bom_are_decoded(tmp_path, encoding, text):
    article, = read_file(write(tmp_path / "a.txt", (text * 3).encode(encoding)))
    assert isinstance(article, Article), article
    assert article.text == text * 3


# -- publication dates -----------------------------------------------------------


@pytest.mark.parametrize(("published", "reason"), [
    (20230710, '"published" 20230710 is a int, not a date string like "2023-07-10"; stored without it'),
    (2023.5, '"published" 2023.5 is a float, not a date string like "2023-07-10"; stored without it'),
    ("whenever", '"published" "whenever" is not a date (write it like "2023-07-10"); stored without it'),
    (["2023-07-10"], '"published" ["2023-07-10"] is a list, not a date string like "2023-07-10"; stored without it'),
])
def test_bad_published_is_reported_and_the_article_goes_in_with_the_fallback(tmp_path, published, reason):
    path = write(tmp_path / "wire.jsonl", jsonl({"id": "d1", "text": PROSE, "published": published}))
    skipped, article = read_documents([path], published="2020-01-01")
    assert skipped == Skipped(f"{path} line 1", reason)
    assert isinstance(article, Article) and article.published == "2020-01-01"


def test_html_without_date_metadata_gets_no_date_from_a_year_in_its_body(tmp_path):
    page = ("<html><head><title>Drones</title></head><body><article><p>Iran supplied drones to Russia in 2022, "
            "officials said. The deal was signed in March 2021.</p></article></body></html>")
    article, = read_file(write(tmp_path / "a.html", page))
    assert article.published is None


@pytest.mark.parametrize(("text", "date"), [
    ("KYIV, June 5, 2023 (Reuters) - Iran supplied drones to Russia in 2022.", "2023-06-05"),
    ("WASHINGTON, Dec. 3, 2025 \u2014 The drones", "2025-12-03"),
    ("By A. Writer\n\nPublished: Monday, 5 June 2023\n\nIran supplied drones.", "2023-06-05"),
    ("Iran supplied drones to Russia in 2022.", None),
    ("2022\n\nIran supplied drones.", None),
    ("June 5, 2023, Iran supplied drones to Russia.", None),
])
def test_an_explicit_dateline_is_a_date_a_bare_year_is_not(text, date):
    from armstrace.ingest.dates import dateline_date

    assert dateline_date(text) == date


def test_duplicate_jsonl_id_names_both_lines(tmp_path):
    path = write(tmp_path / "wire.jsonl", jsonl({"id": "dup", "text": PROSE}, {"id": "x", "text": PROSE},
                                                {"id": "dup", "text": PROSE + "More."}))
    assert shown(read_documents([path])) == [
        "article dup", "article x",
        f"{path} line 3: duplicate document id 'dup' (also {path} line 1); rename one of them"]


@pytest.mark.parametrize(("encoding", "named"), [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"), ("utf-32-be", "UTF-32BE")])
def test_jsonl_file_in_utf16_or_utf32_is_one_skipped_line_not_one_per_line(tmp_path, encoding, named):
    lines = jsonl(*({"id": f"a{n}", "text": PROSE} for n in range(40)))
    path = write(tmp_path / "wire.jsonl", lines.encode(encoding))
    assert shown(read_file(path)) == [
        f"{path}: JSON lines must be UTF-8, and this file is {named} (convert it: iconv -f {named} -t UTF-8)"]


def test_binary_file_named_jsonl_is_one_skipped_line(tmp_path):
    import gzip

    path = write(tmp_path / "wire.jsonl", gzip.compress(jsonl(*({"id": n, "text": PROSE} for n in range(40))).encode()))
    assert shown(read_file(path)) == [f"{path}: binary file, not text (NUL byte at offset 3)"]


@pytest.mark.parametrize("name", ["a.txt", "wire.jsonl"])
def test_one_stray_nul_in_short_utf8_is_not_taken_for_utf16(tmp_path, name):
    path = write(tmp_path / name, b'{"id": "r1", "text": "a\0b"}\n')
    item, = read_file(path)
    assert isinstance(item, Skipped) and "UTF-16" not in item.reason


def test_raw_nul_in_one_jsonl_line_skips_that_line_only(tmp_path):
    good = jsonl({"id": "a", "text": PROSE}).encode()
    path = write(tmp_path / "wire.jsonl", good + b'{"id": "b", "text": "x\0y"}\n' + good.replace(b'"a"', b'"c"'))
    assert shown(read_file(path)) == [
        "article a", f"{path} line 2: not valid JSON (Invalid control character at column 23)", "article c"]
