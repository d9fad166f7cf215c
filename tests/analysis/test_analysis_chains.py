"""Weapon chains: producers, suppliers, recipients, users, targets of one model."""
from __future__ import annotations

import pytest
from conftest import make_claim, save

from armstrace.analysis import update_events, weapon_chain
from armstrace.errors import NotFound


@pytest.fixture
def chain_store(store):
    save(store, "a", [make_claim(evidence="Iran supplied Shahed-136 drones to Russia.", weapons=["shahed-136"]),
                      make_claim(evidence="Iran makes the Shahed-136.", type="production", recipient=None,
                                 location="IRN", weapons=["shahed-136"])])
    save(store, "b", [make_claim(evidence="Russia launched Shahed-136 drones at Kyiv.", type="use", actor="RUS",
                                 recipient="UKR", weapons=["shahed-136"], claimant="UKR")])
    save(store, "c", [make_claim(evidence="Iran did not send Shahed-136 drones.", weapons=["shahed-136"],
                                 claimant="IRN", stance="denied")])
    update_events(store)
    return store


def test_weapon_chain_lists_parties_by_role(chain_store):
    chain = weapon_chain(chain_store, "shahed-136")
    roles = {role: [p.actor for p in getattr(chain, role)]
             for role in ("producers", "suppliers", "recipients", "users", "targets")}
    assert roles == {"producers": ["IRN"], "suppliers": ["IRN"], "recipients": ["RUS"], "users": ["RUS"],
                     "targets": ["UKR"]}


def test_weapon_chain_counts_records_documents_and_stances(chain_store):
    (supplier,) = weapon_chain(chain_store, "Shahed 136").suppliers
    assert (supplier.n_records, supplier.n_documents, supplier.n_events, supplier.stances) == (
        2, 2, 1, {"asserted": 1, "denied": 1})


def test_weapon_chain_unknown_model_is_not_found(chain_store):
    with pytest.raises(NotFound, match="no record names it"):
        weapon_chain(chain_store, "mohajer-6")
