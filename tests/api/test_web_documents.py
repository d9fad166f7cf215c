"""Documents fetched from the web, as the API answers them: the address whole, the id one path segment."""
from __future__ import annotations

import pytest
from http_raw import send

from armstrace.ingest.web import web_doc_id
from armstrace.records import Article
from armstrace.store import Store

pytestmark = pytest.mark.issue(12)


def test_api_web_document_keeps_its_address_and_opens_by_its_id(api_server):
    address = "https://www.example.org/world/2022/10/20/iran-drones.html?ref=rss"
    doc_id = web_doc_id(address)
    with Store(api_server.db) as store:
        store.save_document(Article(doc_id=doc_id, text="Iran sent drones to Russia.", source_path=address,
                                    url="https://www.example.org/world/iran-drones.html", source_format="html"), [])
    reply = send(api_server.url, "GET", f"/api/documents/{doc_id}")
    assert reply.status == 200
    assert (reply.json()["source_path"], reply.json()["url"]) == (address, "https://www.example.org/world/iran-drones.html")
