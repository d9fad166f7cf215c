"""Article text is untrusted: payloads in it must show as text and never run."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from armstrace.api.tokens import ensure_first_token
from armstrace.records import Article, Record
from armstrace.store import Store

SCRIPT = "<script>window.__xss = 1</script>"
IMG = '<img src=x onerror="window.__xss = 2">'
SVG = "<svg onload=\"window.__xss = 3\"></svg>"
EVIDENCE = f"Iran sent drones {IMG} to Russia, {SCRIPT} officials said."
TEXT = f"{SVG} Headline {SCRIPT}\n{EVIDENCE}\nMore text {IMG} after."


def _save_payload_record(db) -> Record:
    start = TEXT.index(EVIDENCE)
    record = Record(doc_id="payload", type="transfer", actor="IRN", recipient="RUS", weapon_class="uav",
                    claimant="USA", speaker=IMG, place=SCRIPT, stance="asserted", evidence=EVIDENCE,
                    evidence_start=start, evidence_end=start + len(EVIDENCE), trigger=SVG,
                    rules=[SCRIPT], gazetteer_ids=[IMG], published="2023-01-01")
    article = Article(doc_id="payload", text=TEXT, title=f"Title {SCRIPT}{IMG}", url="javascript:window.__xss=4",
                      published="2023-01-01")
    with Store(db) as store:
        store.save_document(article, [record])
    return record


def _assert_inert(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#detail img, #records img, #detail script, #records script, #detail svg").count() == 0


def test_dashboard_shows_payloads_as_text_and_runs_none(page, api_server, screenshot):
    record = _save_payload_record(api_server.db)
    page.goto(api_server.url + "/")
    page.wait_for_selector("body[data-ready='true']", state="attached")
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    expect(page.locator("#detail .article mark")).to_have_text(EVIDENCE)
    ensure_first_token(api_server.db, IMG)  # the reviewer's name is the token's: a hostile name too
    page.locator("#detail button[name=right]").click()
    expect(page.locator("#audit-trail li")).to_have_count(1)
    screenshot("payloads")
    _assert_inert(page)
    detail = page.locator("#detail").inner_text()
    assert (f"Title {SCRIPT}{IMG}" in detail, IMG in page.locator("#detail [data-field=speaker]").inner_text(),
            page.locator("#detail a[href^=javascript]").count(), IMG in page.locator("#audit-trail").inner_text()) == (
        True, True, 0, True)


@pytest.mark.slow
def test_dashboard_ingested_article_with_payloads_runs_none(page, api_server, tmp_path):
    from armstrace.engines.local import ingest_paths

    path = tmp_path / "hostile.txt"
    path.write_text(f"Drones for Moscow {SCRIPT}\n\nIran has supplied Russia with Shahed-136 drones, "
                    f"the Pentagon said.\n{IMG}\n{SVG}\n", encoding="utf-8")
    ingest_paths([path], db=api_server.db, published="2023-01-10")
    page.goto(api_server.url + "/")
    page.wait_for_selector("body[data-ready='true']", state="attached")
    page.locator("#records li[data-record-id]").first.click()
    expect(page.locator("#detail .article mark")).to_be_visible()
    _assert_inert(page)
    article = page.locator("#detail .article").inner_text()
    assert (SCRIPT in article, IMG in article, SVG in article) == (True, True, True)
