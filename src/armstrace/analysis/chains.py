"""Weapon chains: who makes a model, who passes it on, who receives, uses and suffers it.

One model id (`shahed-136`) is followed across every document: production
events give its producers, transfers its suppliers and recipients, uses its
users and targets. Each party comes with how many records, documents and
events say so, and with which stances, because a chain built from denials
is not a chain.
"""
from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, ConfigDict

from ..errors import NotFound
from ..records import Record
from ..store import Store, weapon_key
from ..store.reviews import apply_reviews
from .access import query

ROLES: dict[str, tuple[str, str | None]] = {
    # event type -> (role of the actor, role of the recipient)
    "production": ("producers", None),
    "transfer": ("suppliers", "recipients"),
    "use": ("users", "targets"),
    "training": ("trainers", "trainees"),
}


class ChainParty(BaseModel):
    """One party in one role of a weapon's chain, with the weight of the evidence."""

    model_config = ConfigDict(extra="forbid")

    actor: str
    n_records: int
    n_documents: int
    n_events: int
    stances: dict[str, int]


class WeaponChain(BaseModel):
    """Everything the records say about one model, by role."""

    model_config = ConfigDict(extra="forbid")

    model: str
    n_records: int
    n_documents: int
    producers: list[ChainParty]
    suppliers: list[ChainParty]
    recipients: list[ChainParty]
    users: list[ChainParty]
    targets: list[ChainParty]
    trainers: list[ChainParty]
    trainees: list[ChainParty]


def _party(actor: str, records: list[tuple[Record, str | None]]) -> ChainParty:
    stances: dict[str, int] = defaultdict(int)
    for record, _ in records:
        stances[record.stance] += 1
    return ChainParty(actor=actor, n_records=len(records), n_documents=len({r.doc_id for r, _ in records}),
                      n_events=len({e for _, e in records if e}), stances=dict(sorted(stances.items())))


def weapon_chain(store: Store, model: str, *, include_rejected: bool = False) -> WeaponChain:
    """The chain of the model `model` (any spelling: "Shahed 136" finds shahed-136); NotFound if no record names it.

    Records reviewed wrong are left out unless `include_rejected`; the others count with their corrections.
    """
    key = weapon_key(model)
    stored = store.records(weapon=model, include_rejected=include_rejected)
    # (stored id, record as corrected): a corrected record's own id is a hash of its corrected fields.
    reviewed = [(rec.record_id, fixed) for rec, fixed in zip(stored, apply_reviews(store, stored), strict=True)
                if any(weapon_key(m) == key for m in fixed.weapons)]
    found = [r for _, r in reviewed]
    if not found:
        raise NotFound(f"weapon {model!r}: no record names it in {store.path} "
                       "(model ids look like shahed-136; list them with `armstrace records`)")
    names = sorted({m for r in found for m in r.weapons if weapon_key(m) == key})
    event_of = {row["record_id"]: row["event_id"] for row in query(
        store, "SELECT c.record_id, c.event_id FROM event_claims AS c JOIN record_weapons AS w "
               "ON w.record_id = c.record_id WHERE w.model_key = ?", (key,))}
    by_role: dict[str, dict[str, list[tuple[Record, str | None]]]] = defaultdict(lambda: defaultdict(list))
    for record_id, record in reviewed:
        roles = ROLES.get(record.type)
        if roles is None:
            continue
        actor_role, recipient_role = roles
        pair = (record, event_of.get(record_id))
        by_role[actor_role][record.actor].append(pair)
        if recipient_role and record.recipient:
            by_role[recipient_role][record.recipient].append(pair)

    def parties(role: str) -> list[ChainParty]:
        listed = [_party(actor, records) for actor, records in by_role[role].items()]
        return sorted(listed, key=lambda p: (-p.n_documents, -p.n_records, p.actor))

    return WeaponChain(
        model=names[0], n_records=len(found), n_documents=len({r.doc_id for r in found}),
        producers=parties("producers"), suppliers=parties("suppliers"), recipients=parties("recipients"),
        users=parties("users"), targets=parties("targets"), trainers=parties("trainers"),
        trainees=parties("trainees"),
    )
