"""Page chrome: menus, blurbs, related lists and comments are skipped; article sentences are kept."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from pydantic import ValidationError

from armstrace.ingest import find_chrome, read_file
from armstrace.ingest.boilerplate import (
    RULES_FILE,
    RULES_PACKAGE,
    ChromeRule,
    explain_chrome,
    load_chrome_rules,
)

REPO = Path(__file__).resolve().parents[2]
DEV_DOCS = REPO.parent / "shared" / "eval" / "dev" / "docs"
DEV_GOLD = DEV_DOCS.parent / "gold.jsonl"
MESSY_PAGE = REPO / "tests" / "articles" / "ingest_messy_page.txt"
needs_dev_docs = pytest.mark.skipif(not DEV_DOCS.is_dir(),
                                    reason=f"{DEV_DOCS} is missing (the shared eval set sits beside the checkout)")

ARTICLE = ("Russia has fired North Korean ballistic missiles at Ukraine, the White House said on Thursday, "
           "citing fragments found in Kharkiv.")


def dev_doc(stem: str) -> str:
    return next(DEV_DOCS.glob(f"{stem}*.txt")).read_text(encoding="utf-8")


def inside_chrome(text: str, spans: list[tuple[int, int]], needle: str) -> bool:
    start = text.index(needle)
    return any(a <= start and start + len(needle) <= b for a, b in spans)


def touches_chrome(text: str, spans: list[tuple[int, int]], needle: str) -> bool:
    start = text.index(needle)
    return any(a < start + len(needle) and start < b for a, b in spans)


def line_with(text: str, word: str) -> str:
    return next(line for line in text.split("\n") if word in line)


# --- the rules file


def test_boilerplate_rules_file_loads_and_validates():
    rules = load_chrome_rules()
    assert len(rules) >= 20
    assert {r.kind for r in rules} == {"line", "block-start", "tail-start"}


def test_boilerplate_rules_have_unique_ids_and_sources():
    text = resources.files(RULES_PACKAGE).joinpath(RULES_FILE).read_text(encoding="utf-8")
    entries = [ChromeRule.model_validate(json.loads(line)) for line in text.splitlines() if line.strip()]
    assert len({e.id for e in entries}) == len(entries)
    assert all(e.source.strip() for e in entries)


@pytest.mark.parametrize("entry", [
    {"id": "chrome/x", "kind": "line", "pattern": "^x$", "source": "s", "note": "extra field"},
    {"id": "chrome/x", "kind": "paragraph", "pattern": "^x$", "source": "s"},
    {"id": "chrome/x", "kind": "line", "pattern": "([unclosed", "source": "s"},
    {"id": "skip-link", "kind": "line", "pattern": "^x$", "source": "s"},
])
def test_boilerplate_rule_schema_rejects_bad_entries(entry):
    with pytest.raises(ValidationError):
        ChromeRule.model_validate(entry)


# --- the real dev pages


@needs_dev_docs
@pytest.mark.parametrize(("stem", "chrome"), [
    ("004", "Skip to main content"),
    ("004", "Join over 50,000 readers"),
    ("004", "$25.00 / month"),
    ("004", "Start your PRO membership today."),
    ("004", "Security Briefing"),
    ("000", "[display-posts"),
    ("000", "PassBlue Related Articles"),
    ("000", "You might be interested in these posts."),
    ("000", "SMALL STATES - Check out our new series"),
    ("000", "1 Comment"),
    ("000", "Clearly it is not working."),          # a reader's comment mentioning drones
    ("000", "Subscribe to PassBlue"),
])
def test_boilerplate_dev_page_chrome_is_skipped(stem, chrome):
    text = dev_doc(stem)
    assert inside_chrome(text, find_chrome(text), chrome)


@needs_dev_docs
@pytest.mark.parametrize(("stem", "word"), [
    ("000", "Shahed-136"),
    ("000", "Is Western Pressure on the UN"),         # the title
    ("000", "Until October 2020"),
    ("000", "Ababil-2"),
    ("003", "supplying arms to Russia"),
    ("003", "Tajikistan"),
    ("004", "Kashan Airfield"),
    ("004", "Iran trained Russians on using armed drones"),   # the title
    ("004", "A handout picture provided"),            # a photo caption with a claim
    ("004", "Why it matters:"),
    ("004", "Know more:"),
])
def test_boilerplate_dev_page_article_sentences_are_kept(stem, word):
    text = dev_doc(stem)
    assert not touches_chrome(text, find_chrome(text), line_with(text, word))


@needs_dev_docs
def test_boilerplate_keeps_every_gold_evidence_sentence():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in DEV_DOCS.glob("*.txt")}
    spans = {doc_id: find_chrome(text) for doc_id, text in texts.items()}
    lost = []
    for line in DEV_GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        text, evidence = texts[gold["doc_id"]], gold["evidence"]
        if evidence in text and touches_chrome(text, spans[gold["doc_id"]], evidence):
            lost.append(evidence[:80])
    assert lost == []


# --- a hand-written messy page


@pytest.mark.parametrize("chrome", [
    "Skip to content", "Log in | Register", "Politics", "Newsletters", "Get our Asia Security Letter",
    "delivered to your inbox every Friday.", "Sign up now", "Related Articles",
    "Kim Jong Un tours a munitions plant as orders from Moscow grow", "Explainer: how North Korea makes its shells",
    "Share this article", "Facebook | X | Email", "14 comments",
    "Russia has been sending drones to Pyongyang in return",     # a comment
    "Good piece, thanks.",
])
def test_boilerplate_messy_page_chrome_is_skipped(chrome):
    article = next(read_file(MESSY_PAGE))
    assert inside_chrome(article.text, article.skip_spans, chrome)


@pytest.mark.parametrize("word", [
    "Pyongyang's shells keep Russian guns firing",            # the headline
    "North Korea has shipped millions of artillery shells",
    "6,700 containers",
    "152mm shells",
    "groundless speculation",
    "in breach of UN Security Council resolutions",
])
def test_boilerplate_messy_page_article_sentences_are_kept(word):
    article = next(read_file(MESSY_PAGE))
    assert not touches_chrome(article.text, article.skip_spans, line_with(article.text, word))


# --- the generic rule and the kinds, on small texts


@pytest.mark.parametrize("text", [
    ARTICLE,
    "Iran denies drone deliveries\n\n" + ARTICLE,                           # a short title over prose
    "Drone factory\n\n" + ARTICLE + "\n\nSecond section\n\n" + ARTICLE,     # isolated headings
    "The officials said the missiles\nwere launched from Russian territory on December 30 and January 2.",
    "Russia has fired North Korean missiles at Ukraine, a senior official\nsaid on Thursday",
    "Kirby told reporters:\n" + ARTICLE,
    "• 800 Stinger anti-aircraft systems\n• 2,000 Javelin missiles\n\n" + ARTICLE,
    "",
])
def test_find_chrome_keeps_titles_headings_and_wrapped_sentences(text):
    assert find_chrome(text) == []


def test_find_chrome_skips_a_run_of_menu_items():
    text = "Home\nWorld\nEurope\nDefence\n\n" + ARTICLE
    assert [c.rule for c in explain_chrome(text)] == ["chrome/short-line"] * 4
    assert find_chrome(text) == [(0, len("Home\nWorld\nEurope\nDefence"))]


def test_find_chrome_never_skips_the_known_title():
    text = "Subscribe now\n\n" + ARTICLE
    assert find_chrome(text, title="Subscribe now") == []


def test_find_chrome_block_ends_at_a_long_prose_paragraph():
    text = ARTICLE + "\n\nRelated Articles\nIran sends drones to Russia\n\n" + ARTICLE
    spans = find_chrome(text)
    assert inside_chrome(text, spans, "Iran sends drones to Russia")
    assert not touches_chrome(text, spans, ARTICLE[:40]) and text.rindex(ARTICLE) >= spans[-1][1]


def test_find_chrome_block_ends_at_a_short_sentence():
    text = ARTICLE + "\n\nRelated: the drone war\nIran denied sending any drones to Russia.\n"
    spans = find_chrome(text)
    assert not touches_chrome(text, spans, "Iran denied sending any drones to Russia.")


def test_find_chrome_tail_runs_to_the_end():
    text = ARTICLE + "\n\nLeave a Reply\n\n" + ARTICLE
    assert find_chrome(text) == [(len(ARTICLE), len(text))]


def test_find_chrome_tail_after_one_short_sentence_is_skipped():
    text = "Iran supplied drones to Russia.\n\nComments\nUser1: Iran supplied missiles to Russia."
    assert find_chrome(text) == [(text.index("\n"), len(text))]


def test_find_chrome_tail_start_before_any_prose_is_ignored():
    text = "Comments\n\n" + ARTICLE
    assert not touches_chrome(text, find_chrome(text), ARTICLE)


def test_find_chrome_spans_cover_the_blank_lines_before_chrome_and_are_merged():
    text = ARTICLE + "\n\nSkip to main content\n\nSubscribe to our updates\n"
    assert find_chrome(text) == [(len(ARTICLE), len(text) - 1)]


def test_boilerplate_related_list_with_guillemet_bullets_is_skipped_whole():
    text = ("Iran denies arming the Houthis\n\nThe Houthis fired 18 drones at ships on Tuesday, the US Navy said.\n\n"
            "RELATED STORIES\n» Houthis hijack car carrier Galaxy Leader in southern Red Sea\n"
            "» Maersk pauses Red Sea transits after a container ship is hit by a missile\n"
            "» Iran sends warship into the Red Sea as tensions rise\n")
    skipped = "".join(text[a:b] for a, b in find_chrome(text))
    assert "Iran sends warship" in skipped and "Maersk pauses" in skipped
    assert "fired 18 drones" not in skipped
