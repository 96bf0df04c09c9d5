"""The data contract of sitrep's pipeline."""

from sitrep.models.fused import Contradiction, EventMention, FusedEvent, LedgerClaim, MergeDecision
from sitrep.models.records import (
    ATTACKERS_RULE,
    Article,
    CasualtyFigure,
    Claimant,
    Count,
    DocumentExtraction,
    Event,
    Evidence,
    FatalityRange,
    Place,
    RawDocument,
    Rejected,
)
from sitrep.models.vocab import (
    SUB_EVENT_PARENT,
    CasualtyStatus,
    ClaimantType,
    DatePrecision,
    EventType,
    SubEventType,
    VictimKind,
)

__all__ = [
    "ATTACKERS_RULE",
    "SUB_EVENT_PARENT",
    "Article",
    "CasualtyFigure",
    "CasualtyStatus",
    "Claimant",
    "ClaimantType",
    "Contradiction",
    "Count",
    "DatePrecision",
    "DocumentExtraction",
    "Event",
    "EventMention",
    "EventType",
    "Evidence",
    "FatalityRange",
    "FusedEvent",
    "LedgerClaim",
    "MergeDecision",
    "Place",
    "RawDocument",
    "Rejected",
    "SubEventType",
    "VictimKind",
]
