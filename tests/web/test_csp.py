"""The Content-Security-Policy holds without 'unsafe-inline': the dashboard and /docs load with no violation.

Cytoscape used to inject a <style> element on every load, which the policy blocked (and Chromium
reported); a policy that a page breaks on every load trains people to ignore it.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.issue(11)

LISTEN = """() => { window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)); }"""


def _watch(page) -> list[str]:
    console: list[str] = []
    page.on("console", lambda msg: console.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.add_init_script(f"({LISTEN})()")
    return console


def test_dashboard_loads_with_no_csp_violation(page, api_server, world):
    console = _watch(page)
    record = world["iran-russia"][0]
    page.goto(f"{api_server.url}/#record={record.record_id}")
    page.wait_for_selector("body[data-ready='true']", state="attached")
    expect(page.locator("#detail .article mark")).to_have_text(record.evidence)
    page.locator("#open-event").click()
    expect(page.locator("#event-claims li").first).to_be_visible()
    assert (page.evaluate("window.__csp"), console, page.evaluate("window.armstraceGraph.nodes().length")) == ([], [], 4)


def test_api_docs_load_with_no_csp_violation(page, api_server):
    console = _watch(page)
    page.goto(api_server.url + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("armstrace")
    page.locator(".opblock-summary").first.click()
    assert (page.evaluate("window.__csp"), console) == ([], [])
