"""The dashboard in a real browser: network, filters, evidence in its article, review."""
from __future__ import annotations

import pytest
from http_raw import send
from playwright.sync_api import expect

from armstrace.api import create_app
from armstrace.api.tokens import ensure_first_token, issue_token


def _click_node(page, actor: str) -> None:
    pos = page.evaluate(
        """(id) => { const g = window.armstraceGraph; const n = g.getElementById(id);
                     const box = g.container().getBoundingClientRect(); const p = n.renderedPosition();
                     return {x: box.left + p.x, y: box.top + p.y}; }""", actor)
    page.mouse.click(pos["x"], pos["y"])


def _click_edge(page, edge_id: str) -> None:
    pos = page.evaluate(
        """(id) => { const g = window.armstraceGraph; const e = g.getElementById(id);
                     const box = g.container().getBoundingClientRect(); const p = e.renderedMidpoint();
                     return {x: box.left + p.x, y: box.top + p.y}; }""", edge_id)
    page.mouse.click(pos["x"], pos["y"])


def test_dashboard_network_shows_the_actors(page, dashboard, screenshot):
    nodes = page.evaluate("window.armstraceGraph.nodes().map(n => n.id()).sort()")
    edges = page.evaluate("window.armstraceGraph.edges().map(e => [e.data('kind'), e.data('weight')]).sort()")
    screenshot("loaded")
    labels = page.evaluate("window.armstraceGraph.nodes('.labelled').map(n => n.data('label')).sort()")
    assert (nodes, edges, labels, dashboard.page_errors) == (
        ["IRN", "RUS", "UKR", "eu"], [["sanction", 1], ["transfer", 2], ["use", 1]],
        ["European Union", "Iran", "Russia", "Ukraine"], [])


def test_dashboard_click_on_a_node_filters_the_records(page, dashboard, screenshot):
    _click_node(page, "UKR")
    expect(page.locator("#records li[data-record-id]")).to_have_count(1)
    screenshot("filtered")
    assert (page.locator("#filters [name=actor]").input_value(),
            page.locator("#records li .record-head").inner_text().startswith("use ")
            and "UKR" in page.locator("#records li .record-head").inner_text(),
            page.locator("#timeline circle").count()) == ("UKR", True, 1)


def test_dashboard_click_on_an_arrow_filters_by_the_link(page, dashboard):
    _click_edge(page, "transfer:IRN->RUS")
    expect(page.locator("#records li[data-record-id]")).to_have_count(3)
    assert [page.locator(f"#filters [name={n}]").input_value() for n in ("actor", "recipient", "type")] == [
        "IRN", "RUS", "transfer"]


def test_dashboard_record_shows_its_evidence_marked_in_the_article(page, dashboard, world, screenshot):
    record = world["iran-russia"][2]
    _click_node(page, "UKR")
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    mark = page.locator("#detail .article mark")
    expect(mark).to_have_text(record.evidence)
    screenshot("evidence")
    article = page.locator("#detail .article").inner_text()
    assert (article.startswith("Iran has sent"), page.locator("#detail [data-field=claimant]").inner_text(),
            "trigger/test/hand-built" in page.locator("#detail [data-field=rules]").inner_text()) == (
        True, "author", True)


def test_dashboard_review_flow(page, dashboard, world, screenshot):
    ensure_first_token(dashboard.db, "ana")  # loopback: a review without a token is the owner's
    record = world["iran-russia"][0]
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    expect(page.locator("#detail .article mark")).to_have_text(record.evidence)
    expect(page.locator("#reviewer-name")).to_have_text("Reviewing as ana.")
    page.locator("#detail [name=field]").select_option("claimant")
    page.locator("#detail [name=value]").fill("GBR")
    page.locator("#detail button[name=wrong]").click()
    trail = page.locator("#audit-trail li")
    expect(trail).to_have_count(1)
    screenshot("reviewed")
    _, api = dashboard.get(f"/api/records/{record.record_id}")
    assert ("ana: marked wrong; claimant → GBR" in trail.inner_text(),
            api["review"]["verdict"], api["review"]["corrections"], api["review"]["reviewer"]) == (
        True, "wrong", {"claimant": "GBR"}, "ana")


@pytest.mark.issue(13)
def test_a_corrected_field_shows_the_correction_and_what_was_extracted(page, dashboard, world):
    ensure_first_token(dashboard.db, "ana")
    record = world["iran-russia"][0]
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    page.locator("#detail [name=field]").select_option("claimant")
    page.locator("#detail [name=value]").fill("GBR")
    page.locator("#detail button[name=right]").click()
    expect(page.locator("#audit-trail li")).to_have_count(1)
    page.reload()
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    cell = page.locator("#detail [data-field=claimant]")
    expect(cell).to_contain_text("GBR")
    expect(cell).to_contain_text(f"extracted as {record.claimant}")


@pytest.mark.issue(11)
def test_dashboard_review_asks_for_the_token_where_required(page, serve_app, db, world):
    url = serve_app(create_app(db, require_token=True))
    record = world["iran-russia"][0]
    page.goto(f"{url}/#record={record.record_id}")
    expect(page.locator("#detail .article mark")).to_have_text(record.evidence)
    page.locator("#detail button[name=right]").click()
    expect(page.locator("#detail .review [role=status]")).to_contain_text("requires a write token")
    refused = send(url, "GET", f"/api/records/{record.record_id}/reviews").json()["total"]
    page.locator("#detail [name=token]").fill(issue_token(db, "ben"))
    page.locator("#detail button[name=right]").click()
    expect(page.locator("#audit-trail li")).to_have_count(1)
    page.reload()  # the token is pasted once: this browser keeps it
    expect(page.locator("#reviewer-name")).to_have_text("Reviewing as ben.")
    assert (refused, "ben: marked right" in page.locator("#audit-trail").inner_text()) == (0, True)


def test_dashboard_opens_the_record_named_in_the_url(page, dashboard, world):
    record = world["kyiv-report"][0]
    page.goto(f"{dashboard.url}/#record={record.record_id}")
    expect(page.locator("#detail .article mark")).to_have_text(record.evidence)


def test_dashboard_event_page_shows_claims_and_contradictions(page, dashboard, world, screenshot):
    record = world["kyiv-report"][0]
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    page.locator("#open-event").click()
    expect(page.locator("#event-claims li")).to_have_count(3)
    screenshot("event")
    denying = page.locator(".side-denying .claim").inner_text()
    assert ("3 claims" in page.locator(".corroboration").inner_text(), "Tehran denied it." in denying) == (True, True)


def test_api_docs_render_offline(page, api_server):
    outside: list[str] = []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(api_server.url) else None)
    page.goto(api_server.url + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("armstrace")
    assert outside == []


def test_dashboard_loads_nothing_from_outside(page, api_server, world):
    outside: list[str] = []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(api_server.url) else None)
    page.goto(api_server.url + "/")
    page.wait_for_selector("body[data-ready='true']", state="attached")
    assert outside == []


def test_dashboard_review_offers_the_servers_correctable_fields(page, dashboard, world):
    from armstrace.store.reviews import CORRECTABLE_FIELDS

    record = world["iran-russia"][0]
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    expect(page.locator("#detail .article mark")).to_have_text(record.evidence)
    options = page.locator("#detail [name=field] option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    page.locator("#detail [name=field]").select_option("quantity")
    page.locator("#detail [name=value]").fill("8-10")
    page.locator("#detail button[name=correct]").click()
    expect(page.locator("#audit-trail li")).to_have_count(1)
    _, api = dashboard.get(f"/api/records/{record.record_id}")
    assert (options, api["review"]["corrections"]) == (list(CORRECTABLE_FIELDS), {"quantity": {"min": 8, "max": 10}})


def test_dashboard_marks_the_evidence_after_an_emoji(page, api_server):
    # Python counts code points, JavaScript strings UTF-16 units: 🚀 and 𝐈 are one and two.
    from armstrace.records import Article, Record
    from armstrace.store import Store

    evidence = "Iran has sent Shahed-136 drones to Russia, US officials said."
    text = f"Breaking 🚀 news from 𝐈ran 🇮🇷.\n{evidence}\nMore 🚀 after."
    start = text.index(evidence)
    chrome = (text.index("More"), len(text))
    record = Record(doc_id="emoji", type="transfer", actor="IRN", recipient="RUS", weapon_class="uav",
                    claimant="USA", stance="asserted", evidence=evidence, evidence_start=start,
                    evidence_end=start + len(evidence), published="2023-01-01")
    with Store(api_server.db) as store:
        store.save_document(Article(doc_id="emoji", text=text, published="2023-01-01", skip_spans=[chrome]), [record])
    page.goto(f"{api_server.url}/#record={record.record_id}")
    expect(page.locator("#detail .article mark")).to_have_text(evidence)
    assert (page.locator("#detail .warning").count(),
            page.locator("#detail .article .skipped").inner_text()) == (0, "More 🚀 after.")


def test_dashboard_event_pages_its_claims(page, api_server, world):
    """An event of 120 documents opens with its first 50 claims; "Show more claims" appends the next pages."""
    from armstrace.analysis import ensure_events, list_events
    from armstrace.records import Article, Record
    from armstrace.store import Store

    with Store(api_server.db) as store:
        for i in range(120):
            text = f"Report {i}: Turkey sold Bayraktar drones to Poland, source {i} said."
            store.save_document(Article(doc_id=f"tb2-{i:03d}", text=text, published="2023-01-02"), [
                Record(doc_id=f"tb2-{i:03d}", type="transfer", actor="TUR", recipient="POL", weapon_class="uav",
                       claimant="USA", stance="asserted", evidence=text, evidence_start=0, evidence_end=len(text))])
        ensure_events(store)
        (big,) = list_events(store, actor="TUR")
    page.goto(f"{api_server.url}/#event={big.event_id}")
    expect(page.locator("#event-claims li")).to_have_count(50)
    page.locator("#event-more").click()
    expect(page.locator("#event-claims li")).to_have_count(100)
    page.locator("#event-more").click()
    expect(page.locator("#event-claims li")).to_have_count(120)
    expect(page.locator("#event-more")).to_have_count(0)


@pytest.mark.issue(13)
def test_dashboard_review_value_without_a_field_is_refused_not_dropped(page, dashboard, world):
    """Was: a value typed without choosing a field was dropped and the verdict saved as if it were all."""
    ensure_first_token(dashboard.db, "ana")
    record = world["iran-russia"][0]
    page.locator(f"#records li[data-record-id='{record.record_id}']").click()
    expect(page.locator("#reviewer-name")).to_have_text("Reviewing as ana.")
    page.locator("#detail [name=value]").fill("Ukraine")
    page.locator("#detail button[name=wrong]").click()
    expect(page.locator("#detail .review [role=status]")).to_contain_text("without a field")
    assert dashboard.get(f"/api/records/{record.record_id}/reviews")[1]["total"] == 0
    page.locator("#detail [name=field]").select_option("claimant")
    page.locator("#detail button[name=wrong]").click()
    expect(page.locator("#audit-trail li")).to_have_count(1)
    assert dashboard.get(f"/api/records/{record.record_id}")[1]["review"]["corrections"] == {"claimant": "UKR"}
