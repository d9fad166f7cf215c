"""The actor network of the records a filter selects: edges styled by what the claims say.

Every event type is an edge: transfer, use, training and sanction run from the
actor to the recipient; production from the producer to where it produces
(the producer itself when no place is given: a loop). An edge counts its
records, documents and *independent sources*: documents that are syndicated
copies of one story (the groups `analysis.syndication` stored with each event
in `event_sources`) count once; a record not yet in an event counts its
document. Its `status` says what the claims amount to:

- `contested`: someone asserts or hedges it, someone denies it;
- `asserted`: asserted (hedges too, maybe), denied by no one;
- `hedged`: only hedged;
- `denied`: only denied.

At a few hundred documents a graph of every actor is a hairball: `top` keeps
the actors with the most independent sources and folds the rest into one
`others` node (edges between two folded actors are counted, not drawn).

The unfiltered network (what the dashboard opens on) is read from a summary
the writers keep (`network_summary.py`), in time proportional to the graph,
not the records; a filtered one, or any while a write has left the summary
stale, is grouped in SQL from the records (`network_query.py`). Both give the
same answer. The unfiltered answer is also kept by the Store until anything
is committed (`Store.memo`): at 100,000 articles folding all but 20 actors
into `others` costs ~100 ms, and the dashboard asks for it on every visit.
"""
from __future__ import annotations

import json
from typing import Any

from . import network_summary
from .database import Store
from .network_query import EDGE_TYPES, OTHERS, computed
from .queries import RecordFilter

__all__ = ["EDGE_TYPES", "OTHERS", "network", "network_json"]

_UNFILTERED = RecordFilter()


def network_json(store: Store, flt: RecordFilter, *, top: int = 0) -> str:
    """Nodes (actors, with names) and edges (one per type, source and target) of the filter's records, as JSON.

    With `top` > 0 and more actors than that, the rest are folded into one
    node `~others` (its `folded` lists them); `hidden_records` counts the
    records between two folded actors, which no edge shows; `n_actors`
    counts every actor before folding.
    """
    if flt == _UNFILTERED:   # what the dashboard opens on, again and again between writes
        return store.memo(("network", top), lambda: _unfiltered(store, top))
    return json.dumps(computed(store, flt, top=top))


def _unfiltered(store: Store, top: int) -> str:
    with store.snapshot():
        if network_summary.is_fresh(store):
            return network_summary.read(store, top)
    return json.dumps(computed(store, _UNFILTERED, top=top))


def network(store: Store, flt: RecordFilter, *, top: int = 0) -> dict[str, Any]:
    """`network_json`, parsed."""
    return dict(json.loads(network_json(store, flt, top=top)))
