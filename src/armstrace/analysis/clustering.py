"""Which claims describe the same event: a pure, deterministic clustering.

Claims are first split into blocks by what must be equal: the event type, the
actor, the recipient (the location for production) and the weapon class.
Inside a block two claims are compatible when their models agree (one of them
names none, or they share one) and their times agree (one of them is unknown,
or their periods overlap). A claim joins an event only if it is compatible
with every claim already in it (complete linkage), so "2022-08" and "2022-10"
never meet through a vague "2022" between them.

Claims are visited most specific first (dated, then with models, finer dates
first), ties broken by record id, so the result does not depend on the order
in which documents arrived. A claim that fits several events joins the one
with most claims (then the one opened first) and says so in its reason.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import Record
from ..periods import PRECISION_RANK, Period, period_of, precision_of

Block = tuple[str, str, str | None, str | None]  # type, actor, recipient or location, weapon class


def block_of(record: Record) -> Block:
    """The fields every claim of one event shares."""
    target = record.location if record.type == "production" else record.recipient
    return (record.type, record.actor, target, record.weapon_class)


def block_key(block: Block) -> str:
    """The block as stored in `events.block`."""
    return json.dumps(list(block), ensure_ascii=False)


def describe_block(block: Block) -> str:
    """`transfer IRN->RUS uav`, `production IRN in RUS uav`."""
    kind, actor, target, weapon_class = block
    link = f" in {target or '?'}" if kind == "production" else f"->{target or '?'}"
    return f"{kind} {actor}{link} {weapon_class or 'no class'}"


@dataclass(frozen=True)
class Claim:
    """What clustering needs of a record: its id, document, models, time and report date."""

    record_id: str
    doc_id: str
    models: frozenset[str]
    time: str | None
    period: Period | None
    published: str | None
    location: str | None = None

    @classmethod
    def of(cls, record: Record, published: str | None = None) -> Claim:
        """The claim of a record; `published` is the document's date when the record has none."""
        period = period_of(record.time)
        return cls(record.record_id, record.doc_id, frozenset(record.weapons),
                   record.time if period else None, period, record.published or published, record.location)

    def visit_order(self) -> tuple[bool, bool, int, str, str]:
        """Dated before undated, with models before without, finer dates first, then by id."""
        rank = PRECISION_RANK.get(precision_of(self.time) or "", 0)
        start = self.period.start if self.period else ""
        return (self.period is None, not self.models, -rank, start, self.record_id)


@dataclass
class Cluster:
    """Claims of one event, the period they all share and why each one is in."""

    block: Block
    claims: list[Claim] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    period: Period | None = None
    model_sets: set[frozenset[str]] = field(default_factory=set)
    # (days, label) of the most precise member time, kept as claims are added: `time` was a scan of
    # every member on each join, quadratic in the event's size (26 s for 2,000 claims).
    best_time: tuple[int, str] | None = None

    def fits(self, claim: Claim) -> bool:
        """True when `claim` is compatible with every claim in the cluster."""
        if claim.period is not None and self.period is not None and not claim.period.overlaps(self.period):
            return False
        # Models must meet every member that names some (not only their union):
        # [shahed-136] and [mohajer-6] are two deliveries even if a third claim names both.
        return not claim.models or all(claim.models & models for models in self.model_sets)

    def add(self, claim: Claim, reason: str) -> None:
        """Put `claim` in, narrowing the shared period and remembering its models."""
        self.claims.append(claim)
        self.reasons[claim.record_id] = reason
        if claim.period is not None:
            self.period = claim.period if self.period is None else self.period.intersection(claim.period)
            ranked = (claim.period.days(), claim.time or "")
            if self.best_time is None or ranked < self.best_time:
                self.best_time = ranked
        if claim.models:
            self.model_sets.add(claim.models)

    @property
    def models(self) -> list[str]:
        """Every model a member names, sorted."""
        return sorted(set().union(*self.model_sets)) if self.model_sets else []

    @property
    def time(self) -> str | None:
        """The most precise member time: the label of the shared period."""
        return self.best_time[1] if self.best_time is not None else None

    @property
    def anchor(self) -> Claim:
        """The earliest-published member (unknown dates last), ties by record id."""
        return min(self.claims, key=lambda c: (c.published or "9999-99-99", c.record_id))

    @property
    def event_id(self) -> str:
        """A hash of the block and the anchor (its earliest-published claim) alone, so any ingest order,
        split or concurrency gives the same id."""
        key = json.dumps([*self.block, self.anchor.record_id], ensure_ascii=False)
        return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    @property
    def location(self) -> str | None:
        """The block's location for production, else the members' most named location."""
        if self.block[0] == "production":
            return self.block[2]
        counts = Counter(c.location for c in self.claims if c.location)
        return min(counts, key=lambda loc: (-counts[loc], loc)) if counts else None


def _model_reason(claim: Claim, cluster: Cluster) -> str:
    named = cluster.models
    if claim.models and named:
        shared = sorted(claim.models.intersection(named))
        return f"models {', '.join(shared)} agree"
    if claim.models:
        return f"model {', '.join(sorted(claim.models))}; the others name only the class"
    if named:
        return f"names no model; the class fits {', '.join(named)}"
    return ""


def _time_reason(claim: Claim, cluster: Cluster) -> str:
    label = cluster.time
    if claim.time and label:
        return f"times {claim.time} and {label} overlap"
    if claim.time:
        return f"time {claim.time}; the others give none"
    if label:
        return f"no time given; the others say {label}"
    return "both times unknown"


def _join_reason(claim: Claim, cluster: Cluster, n_other_fits: int) -> str:
    parts = [f"same {describe_block(cluster.block)}", _model_reason(claim, cluster), _time_reason(claim, cluster)]
    if n_other_fits:
        parts.append(f"also fits {n_other_fits} other event(s); joined the one with most claims")
    return "; ".join(p for p in parts if p)


def _open_reason(claim: Claim, block: Block) -> str:
    details = []
    if claim.models:
        details.append("models " + ", ".join(sorted(claim.models)))
    details.append(f"time {claim.time}" if claim.time else "time unknown")
    return f"opens {describe_block(block)} ({'; '.join(details)})"


def cluster_block(block: Block, claims: Iterable[Claim]) -> list[Cluster]:
    """The events of one block, in a deterministic order (by event id)."""
    clusters: list[Cluster] = []
    for claim in sorted(claims, key=Claim.visit_order):
        fitting = [c for c in clusters if c.fits(claim)]
        if not fitting:
            cluster = Cluster(block)
            cluster.add(claim, _open_reason(claim, block))
            clusters.append(cluster)
            continue
        # max() keeps the first of equals: the cluster opened first wins a tie.
        chosen = max(fitting, key=lambda c: len(c.claims))
        chosen.add(claim, _join_reason(claim, chosen, len(fitting) - 1))
    return sorted(clusters, key=lambda c: c.event_id)


def cluster_records(records: Iterable[Record], published: dict[str, str | None] | None = None) -> list[Cluster]:
    """Every event of a set of records, block by block (for tests and one-off analyses)."""
    published = published or {}
    blocks: dict[Block, list[Claim]] = {}
    for record in records:
        blocks.setdefault(block_of(record), []).append(Claim.of(record, published.get(record.doc_id)))
    result: list[Cluster] = []
    for block in sorted(blocks, key=block_key):
        result.extend(cluster_block(block, blocks[block]))
    return result
