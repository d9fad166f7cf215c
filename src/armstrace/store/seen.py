"""What `armstrace watch` has read: the `seen` table (migration 6), keyed by source and item.

A watch that restarts must not fetch and store again every entry of every
feed: it asks here which entries it has stored already (and with what the feed
said about them), and which validators (ETag, Last-Modified) to send so that
an unchanged feed or page costs a 304 and no download.

    from armstrace.store.seen import SeenItem, mark_seen, seen_items
    seen_items(store, "https://example.org/feed.rss")   # {item: SeenItem}
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from .database import Store

# The item of a source itself (a feed's own row, or a page's only row).
SELF = ""


@dataclass(frozen=True)
class SeenItem:
    """One thing read from a source: a feed entry (item = its id or link), or the source itself (item = SELF)."""

    source: str
    item: str
    fingerprint: str | None = None
    doc_id: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def seen_items(store: Store, source: str) -> dict[str, SeenItem]:
    """Everything stored as read from `source`, by item."""
    rows = store._query(
        "SELECT source, item, fingerprint, doc_id, etag, last_modified FROM seen WHERE source = ?", (source,))
    return {row["item"]: SeenItem(*row) for row in rows}


def mark_seen(store: Store, items: Iterable[SeenItem]) -> int:
    """Record `items` as read (replacing what was recorded for the same source and item); returns how many."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [(i.source, i.item, i.fingerprint, i.doc_id, i.etag, i.last_modified, now, now) for i in items]
    if not rows:
        return 0
    with store._write() as conn:
        conn.executemany(
            "INSERT INTO seen (source, item, fingerprint, doc_id, etag, last_modified, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source, item) DO UPDATE SET "
            "fingerprint = excluded.fingerprint, doc_id = excluded.doc_id, etag = excluded.etag, "
            "last_modified = excluded.last_modified, last_seen = excluded.last_seen",
            rows,
        )
    return len(rows)
