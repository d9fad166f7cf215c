"""Pages -> stored text: page chrome out by the rules in data/rules/pages.jsonl, hyphens undone, offsets in range."""
from __future__ import annotations

import pytest

from armstrace.ingest.pages import PAGE_BREAK, clean_page, join_pages, load_page_rules
from armstrace.records import Article

pytestmark = pytest.mark.issue(12)

HEADER = "UN Panel of Experts on Yemen - Final report"
BODY = ("Iran supplied drones to Russia.", "Germany delivered Leopard 2 tanks to Ukraine.",
        "France delivered Caesar howitzers to Ukraine.", "Russia delivered S-400 systems to Turkey.",
        "The United States sent HIMARS launchers to Ukraine.")


def _page(number: int, *body: str, total: int = 5) -> list[str]:
    return clean_page("\n".join([HEADER, *body, f"Page {number} of {total}"]))


def test_page_rules_file_loads_and_every_rule_has_an_id_and_a_source():
    rules = load_page_rules()
    assert {r.kind for r in rules} == {"edge-line", "repeated-edge"}
    assert all(r.id.startswith("page/") and r.source for r in rules)


def test_running_header_and_page_numbers_are_left_out_of_the_stored_text():
    pages = [_page(n, sentence) for n, sentence in enumerate(BODY, start=1)]
    paged = join_pages(pages)
    assert (HEADER in paged.text, "Page 3 of 5" in paged.text) == (False, False)
    assert paged.text == PAGE_BREAK.join(f"{sentence}\n" for sentence in BODY)


@pytest.mark.parametrize("number_line", ["12", "- 12 -", "Page 12", "p. 12", "12/40", "xiv"])
def test_a_page_number_alone_at_a_page_edge_is_chrome(number_line):
    pages = [clean_page(f"Germany delivered Leopard 2 tanks to Ukraine.\n{number_line}"),
             clean_page("France delivered Caesar howitzers to Ukraine.")]
    assert join_pages(pages).text == ("Germany delivered Leopard 2 tanks to Ukraine.\n" + PAGE_BREAK
                                      + "France delivered Caesar howitzers to Ukraine.\n")


def test_a_number_in_the_middle_of_a_page_is_text():
    lines = clean_page("The table lists\nthe deliveries:\n1,000\ncontainers were counted\nby the end\nof October.")
    assert "1,000" in join_pages([lines]).text


def test_page_starts_point_at_each_pages_text():
    pages = [_page(n, sentence) for n, sentence in enumerate(BODY, start=1)]
    paged = join_pages(pages)
    assert [paged.text[start:].split("\n")[0] for start in paged.page_starts] == list(BODY)
    article = Article(doc_id="r", text=paged.text, page_starts=paged.page_starts)
    assert [article.page_at(paged.text.index(sentence) + 5) for sentence in BODY] == [1, 2, 3, 4, 5]


def test_a_word_hyphenated_at_a_line_end_is_joined_and_offsets_stay_in_the_text():
    pages = [clean_page("North Korea delivered ammu-\nnition to Russia in 2023."), clean_page("Next page.")]
    paged = join_pages(pages)
    assert "delivered ammunition to Russia" in paged.text and "ammu-" not in paged.text
    assert paged.page_starts == [0, paged.text.index("Next page.")]
    assert all(0 <= start < len(paged.text) for start in paged.page_starts)


@pytest.mark.parametrize(("broken", "kept"), [("Shahed-\n136 drones", "Shahed-\n136 drones"),
                                              ("F-\n16 jets", "F-\n16 jets"),
                                              ("Russia-\nUkraine war", "Russia-\nUkraine war")])
def test_a_hyphen_inside_a_name_stays(broken, kept):
    assert kept in join_pages([clean_page(f"Iran sent {broken} to them.")]).text


def test_a_long_body_line_repeated_at_page_ends_is_not_taken_for_a_footer():
    body = ("Deliveries were reported by governments and by independent researchers who traced the serial "
            "numbers on recovered weapons.")   # 17 words: longer than any running header the rule takes
    pages = [clean_page(f"{BODY[n % len(BODY)]}\n{body}") for n in range(6)]
    assert join_pages(pages).text.count(body) == 6


def test_ligatures_and_control_characters_from_broken_font_maps_are_cleaned():
    assert clean_page("The of\ufb01cials con\ufb01rmed\x01 it.\r\nNext") == ["The officials confirmed it.", "Next"]
