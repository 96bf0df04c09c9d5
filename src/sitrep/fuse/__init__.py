"""Fusion across documents: one event per real-world event, a ledger of every claim.

Stages, each a module: `mentions` (extractions -> EventMention), `similarity` (blocking and
pair scores), `cluster` (the incremental, order-independent Fuser), `ledger` (claims and
supersession), `reconcile` (low / best / high by versioned rules), `contradictions`, `build`
(cluster -> FusedEvent), `manual` (analysts' merges and splits), `orchestrate` (over a store).
This package never imports a database, web or spaCy library.
"""

from sitrep.fuse.build import build_event, representative
from sitrep.fuse.cluster import Constraints, Fuser, event_id_for, fuse_mentions
from sitrep.fuse.contradictions import find_contradictions
from sitrep.fuse.ledger import build_ledger
from sitrep.fuse.manual import (
    constraints_from_decisions,
    constraints_from_log,
    merge_events,
    split_mention,
)
from sitrep.fuse.mentions import mentions_from, mentions_of, order_key
from sitrep.fuse.orchestrate import (
    EventNotFound,
    FusionResult,
    FusionStore,
    fuse_pairs,
    fuse_store,
    merge_in_store,
    split_in_store,
)
from sitrep.fuse.reconcile import RULES_VERSION, group_ranges, reconcile
from sitrep.fuse.similarity import FuseSettings

__all__ = [
    "RULES_VERSION",
    "Constraints",
    "EventNotFound",
    "FuseSettings",
    "Fuser",
    "FusionResult",
    "FusionStore",
    "build_event",
    "build_ledger",
    "constraints_from_decisions",
    "constraints_from_log",
    "event_id_for",
    "find_contradictions",
    "fuse_mentions",
    "fuse_pairs",
    "fuse_store",
    "group_ranges",
    "mentions_from",
    "mentions_of",
    "merge_events",
    "merge_in_store",
    "order_key",
    "reconcile",
    "representative",
    "split_in_store",
    "split_mention",
]
