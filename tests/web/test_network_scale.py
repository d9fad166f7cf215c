"""The network at 300 generated documents: drawn within 2 s of opening the page, its labels apart."""
from __future__ import annotations

import pytest
from corpus import save_corpus

pytestmark = pytest.mark.issue(13)

LABEL_BOXES = """() => window.armstraceGraph.nodes('.labelled').map(n => {
  const b = n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
  return {id: n.id(), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2}; })"""


def _collisions(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]]


@pytest.fixture
def corpus_server(api_server):
    save_corpus(api_server.db, 300)
    return api_server


@pytest.mark.parametrize("width", [1400, 400])
def test_network_of_300_documents_paints_in_2_seconds_with_labels_apart(page, corpus_server, screenshot, width):
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(corpus_server.url + "/")
    page.wait_for_selector("body[data-ready='true']", state="attached")
    drawn_ms = page.evaluate("window.armstraceDrawnAt")
    boxes = page.evaluate(LABEL_BOXES)
    nodes = page.evaluate("window.armstraceGraph.nodes().length")
    screenshot(f"{width}px")
    print(f"\n300 documents at {width}px: network drawn {drawn_ms:.0f} ms after navigation, {nodes} nodes, "
          f"{len(boxes)} labelled")
    assert (drawn_ms < 2000, _collisions(boxes), len(boxes) >= min(8, nodes) // 2, nodes <= 21) == (
        True, [], True, True)
