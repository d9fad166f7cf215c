"""Events that scale (issue 11): a 2,000-document event took 17 s to open and made every list page slow.

Reads now cost the page they return: an event's corroboration is stored when
its block is clustered, its claims come a page at a time, contradictions list
the first claims of each side with counts. Clustering itself is no longer
quadratic in an event's size, and syndicated copies are found by comparing
all signatures at once in numpy, with the same groups as the pairwise loop.
"""
from __future__ import annotations

import itertools
import json
import random
import time

from conftest import make_claim, save
from sql_steps import sql_steps

from armstrace.analysis import (
    claims_page,
    count_claims,
    event_contradictions,
    event_report,
    find_contradictions,
    list_events,
    update_events,
)
from armstrace.analysis.clustering import Claim, cluster_block
from armstrace.analysis.syndication import (
    SyndicationGroup,
    copy_reason,
    normalise_sentence,
    signature_of,
    syndication_groups,
)


def _pairwise_groups(signatures, evidence, published) -> list[SyndicationGroup]:
    """The pairwise loop `syndication_groups` replaced: every pair judged by `copy_reason`."""
    ids = sorted(signatures)
    parent = {d: d for d in ids}

    def root(d: str) -> str:
        while parent[d] != d:
            d = parent[d]
        return d

    reasons: dict[str, list[str]] = {}
    for first, second in itertools.combinations(ids, 2):
        why = copy_reason(signatures[first], signatures[second], evidence.get(first, set()), evidence.get(second, set()))
        if why is not None:
            reasons.setdefault(first, []).append(f"{second} copies {first}: {why}")
            a, b = root(first), root(second)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for d in ids:
        members.setdefault(root(d), []).append(d)
    groups = [SyndicationGroup(lead=min(docs, key=lambda d: (published.get(d) or "9999-99-99", d)), doc_ids=docs,
                               reasons=[r for d in docs for r in reasons.get(d, [])]) for docs in members.values()]
    return sorted(groups, key=lambda g: (published.get(g.lead) or "9999-99-99", g.lead))


def test_syndication_groups_equal_the_pairwise_loop():
    rng = random.Random(3)
    words = [f"w{i}" for i in range(400)]
    texts: dict[str, str] = {}
    evidence: dict[str, set[str]] = {}
    for i in range(120):
        base = " ".join(rng.choice(words) for _ in range(rng.choice([8, 60, 200])))
        kind = i % 6
        if kind == 1 and i > 1:     # a copy with a new header
            base = "Wire copy " + texts[f"d{i - 1:03d}"]
        elif kind == 2 and i > 2:   # a copy cut short
            base = texts[f"d{i - 2:03d}"][: len(texts[f"d{i - 2:03d}"]) // 2]
        elif kind == 3:             # an empty page
            base = ""
        texts[f"d{i:03d}"] = base
        sentences = {normalise_sentence(f"claim {rng.randrange(30)}") for _ in range(rng.randrange(4))}
        evidence[f"d{i:03d}"] = sentences
    signatures = {d: signature_of(t) for d, t in texts.items()}
    published = {d: f"2022-01-{1 + i % 28:02d}" for i, d in enumerate(sorted(texts))}
    fast = syndication_groups(signatures, evidence, published)
    assert (fast, sum(len(g.doc_ids) > 1 for g in fast) >= 10) == (_pairwise_groups(signatures, evidence, published),
                                                                    True)


def test_clustering_a_2000_claim_event_is_not_quadratic():
    claims = [Claim.of(make_claim(doc_id=f"d{i:05d}", evidence=f"Claim {i}.", time="2022", weapons=["shahed-136"]),
                       f"2022-01-{1 + i % 28:02d}") for i in range(2000)]
    started = time.perf_counter()
    (cluster,) = cluster_block(("transfer", "IRN", "RUS", "uav"), claims)
    assert (len(cluster.claims), cluster.time, time.perf_counter() - started < 3.0) == (2000, "2022", True)


def _big_event(store, n: int = 300):
    for i in range(n):
        stance, claimant = ("denied", "IRN") if i % 10 == 0 else ("asserted", ("USA", "UKR", "GBR")[i % 3])
        save(store, f"doc-{i:04d}", [make_claim(evidence=f"Report {i}: Iran sent drones to Russia.", stance=stance,
                                                claimant=claimant, violates=["unscr-2231"])],
             published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}")
    save(store, "broad", [make_claim(evidence="Iran has not supplied any weapons to Russia.", claimant="IRN",
                                     stance="denied", weapon_class="arms")], published="2022-05-01")
    update_events(store)
    return next(e for e in list_events(store) if e.weapon_class == "uav")


def test_event_list_carries_stored_corroboration(store):
    event = _big_event(store)
    assert (event.n_claims, event.n_documents, event.n_independent, event.asserting, event.denying,
            event.independent_denying) == (300, 300, 300, ["GBR", "UKR", "USA"], ["IRN"], 30)


def test_event_report_returns_one_page_of_a_big_event(store):
    event = _big_event(store)
    report = event_report(store, event.event_id, limit=50, offset=100)
    every = claims_page(store, event.event_id, limit=None)
    (claimed,) = report.claimed
    assert ([m.record.record_id for m in report.claims], report.claims_total, len(report.corroboration.groups),
            report.corroboration.n_independent, claimed.n_records, len(claimed.record_ids)) == (
        [m.record.record_id for m in every[100:150]], 300, 50, 300, 300, 50)


def test_event_contradictions_list_a_page_of_each_side_with_counts(store):
    event = _big_event(store)
    same, broad = event_contradictions(store, event)
    assert ((same.kind, len(same.supporting), same.n_supporting, len(same.denying), same.n_denying),
            (broad.kind, broad.n_denying, broad.pairs)) == (
        ("same-event", 50, 270, 30, 30), ("broad-denial", 1, [("GBR", "IRN"), ("UKR", "IRN"), ("USA", "IRN")]))


def test_claims_page_sides_count_every_claim(store):
    event = _big_event(store)
    counts = (count_claims(store, event.event_id), count_claims(store, event.event_id, "supporting"),
              count_claims(store, event.event_id, "denying"))
    denied = {m.record.stance for m in claims_page(store, event.event_id, side="denying", limit=None)}
    assert (counts, denied) == ((300, 270, 30), {"denied"})


def test_find_contradictions_lists_a_page_of_each_side_with_counts(store):
    event = _big_event(store)
    found = [(c.kind, c.event.event_id, len(c.supporting), c.n_supporting, len(c.denying), c.n_denying)
             for c in find_contradictions(store)]
    assert found == [("same-event", event.event_id, 50, 270, 30, 30), ("broad-denial", event.event_id, 50, 270, 1, 1)]


def test_cli_events_and_a_page_of_event_on_a_big_event(store, db, monkeypatch):
    from typer.testing import CliRunner

    from armstrace.cli import app
    from armstrace.cli.app import out_console

    monkeypatch.setattr(out_console, "width", 1000)
    event = _big_event(store)
    listed = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json"])
    (row,) = [r for r in json.loads(listed.output) if r["event"]["event_id"] == event.event_id]
    page = CliRunner().invoke(app, ["event", event.event_id, "--db", str(db), "--limit", "20", "--offset", "40",
                                    "--format", "json"])
    report = json.loads(page.output)
    table = CliRunner().invoke(app, ["event", event.event_id, "--db", str(db), "--limit", "20"])
    assert ((row["corroboration"]["n_independent"], len(row["corroboration"]["groups"])),
            (len(report["claims"]), report["claims_total"], report["claims_offset"]),
            "claims (1-20 of 300)" in table.output) == ((300, 50), (20, 300, 40), True)


def _block_steps(store) -> int:
    """SQLite's steps to read one block's claims (and a production block's): the work the database does."""
    from armstrace.analysis.reclustering import block_claims

    def read() -> None:
        assert len(block_claims(store._conn, ("transfer", "IRN", "RUS", "uav"))) == 1
        assert len(block_claims(store._conn, ("production", "IRN", "RUS", "uav"))) == 1

    return sql_steps(store, read)


def test_a_blocks_claims_cost_the_block_not_every_record_sent_to_its_recipient(store):
    """Re-clustering reads each touched block: through the recipient alone, adding 1,000 articles to a
    store of 50,000 read every record sent to each block's recipient (issue 15)."""
    save(store, "doc-iran", [make_claim(), make_claim(type="production", recipient=None, location="RUS",
                                                      evidence="Iran makes drones in Russia.")])
    others = itertools.count()

    def grow(n: int) -> int:
        for _ in range(n):   # other suppliers to Russia, producers there, weapons and plants of Iran
            i = next(others)
            save(store, f"doc-{i}", [make_claim(actor=f"X{i:03d}", evidence=f"X{i} sent guns to Russia."),
                                     make_claim(actor=f"Y{i:03d}", type="production", recipient=None,
                                                location="RUS", evidence=f"Y{i} builds drones in Russia."),
                                     make_claim(weapon_class="artillery", weapons=[f"gun-{i}"],
                                                evidence=f"Iran sent gun {i} to Russia."),
                                     make_claim(type="production", recipient=None, location=f"L{i:03d}",
                                                evidence=f"Iran makes drones in L{i}.")])
        return _block_steps(store)

    small, big = grow(10), grow(400)
    assert big <= small + 5, (small, big)
