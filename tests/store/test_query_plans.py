"""The dashboard's heaviest reads stay index walks as the archive grows (issue 15).

At 1,000 articles the network took ~200 ms and the timeline ~100 ms, growing
with every record: each network query read every transfer and use record from
the table and sorted them; the timeline sorted every record by date to return
the first 2,000. Timings are too noisy to pin on a shared machine, so the
plans SQLite chooses are checked instead: covering index in its own order
for the network, the date index with no sort for the timeline.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.store import RecordFilter, Store, aggregates


def _plans(store: Store, call) -> list[tuple[str, list[str]]]:
    """(SQL, plan lines) of every query `call(store)` runs."""
    seen: list[tuple[str, list[str]]] = []
    run = store._query

    def explained(sql, params=()):
        seen.append((sql, [str(tuple(row)[-1]) for row in run("EXPLAIN QUERY PLAN " + sql, params)]))
        return run(sql, params)

    store._query = explained   # type: ignore[method-assign]
    try:
        call(store)
    finally:
        store._query = run   # type: ignore[method-assign]
    return seen


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "a.db") as s:
        yield s


@pytest.mark.issue(15)
def test_network_reads_records_only_through_the_covering_edge_index(store):
    plans = _plans(store, lambda s: aggregates.network(s, RecordFilter()))
    for sql, plan in plans:
        if "record_weapons" in sql:
            continue   # the models of each edge: a join, by record id
        record_steps = [line for line in plan if " r " in f" {line} " or line.startswith(("SEARCH r", "SCAN r"))]
        assert record_steps and all("COVERING INDEX records_edges" in line for line in record_steps), (sql, plan)
    grouped = [plan for sql, plan in plans if "r.stance, r.claimant" in sql]
    assert grouped and not any("TEMP B-TREE FOR GROUP BY" in line for line in grouped[0]), grouped


@pytest.mark.issue(15)
def test_timeline_walks_the_date_index_and_sorts_nothing(store):
    plans = _plans(store, lambda s: aggregates.dated_records(s, RecordFilter(), 2_000))
    listing = [plan for sql, plan in plans if "ORDER BY" in sql]
    assert listing, plans
    assert any("USING INDEX records_dated" in line for line in listing[0]), listing[0]
    assert not any("TEMP B-TREE FOR ORDER BY" in line for line in listing[0]), listing[0]
