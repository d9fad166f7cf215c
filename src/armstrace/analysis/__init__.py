"""Analysis across documents: events, corroboration, contradictions, timelines, regimes, weapon chains.

    from armstrace.analysis import ensure_events, list_events, find_contradictions
    with Store("armstrace.db") as store:
        ensure_events(store)                 # after saving documents (ingest does it); readers never write
        for c in find_contradictions(store, actor="IRN"):
            print(c.event.summary(), c.pairs)

Events are stored beside the records they join (schema v3: `events`,
`event_claims`, `document_signatures`); everything else is computed from them
on demand.
"""
from __future__ import annotations

from .chains import ChainParty, WeaponChain, weapon_chain
from .clustering import Claim, Cluster, block_of, cluster_block, cluster_records
from .contradictions import ClaimRef, Contradiction, event_contradictions, find_contradictions
from .corroboration import Corroboration, corroboration, corroborations, stored_corroboration
from .events import (
    Event,
    EventUpdate,
    Membership,
    block_events,
    claims_page,
    count_claims,
    count_events,
    ensure_events,
    event_claims,
    event_of_record,
    get_event,
    list_events,
    update_events,
)
from .pending import pending_updates
from .regimes import Regime, RegimeFlag, flag_event, load_regimes, regimes_version
from .reports import EventReport, event_report, event_reports
from .syndication import SyndicationGroup, syndication_groups
from .timeline import TimelineEntry, timeline

__all__ = [
    "ChainParty", "Claim", "ClaimRef", "Cluster", "Contradiction", "Corroboration", "Event", "EventReport",
    "EventUpdate", "Membership", "Regime", "RegimeFlag", "SyndicationGroup", "TimelineEntry", "WeaponChain",
    "block_events", "block_of", "claims_page", "cluster_block", "cluster_records", "corroboration",
    "corroborations", "count_claims", "count_events", "ensure_events", "event_claims", "event_contradictions",
    "event_of_record", "event_report", "event_reports", "find_contradictions", "flag_event", "get_event", "list_events",
    "load_regimes", "pending_updates", "regimes_version", "stored_corroboration", "syndication_groups", "timeline",
    "update_events", "weapon_chain",
]
