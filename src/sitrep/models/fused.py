"""Records of fusion across documents: one real-world event, every claim about it (FORMAT.md §6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitrep.models.records import CasualtyFigure, Event, FatalityRange


@dataclass(frozen=True, slots=True)
class EventMention:
    """One document's event, as it enters fusion: the document, its index there, the event."""

    doc_id: str
    index: int
    event: Event
    published: date | None = None
    casualties: tuple[CasualtyFigure, ...] = ()  # the document's figures attached to this event


@dataclass(frozen=True, slots=True)
class LedgerClaim:
    doc_id: str
    figure: CasualtyFigure
    published: date | None
    superseded: bool = False


@dataclass(frozen=True, slots=True)
class Contradiction:
    kind: str  # figure, denial, no_response, explanation, location, date
    between: tuple[str, ...]
    detail: str


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """Why a mention joined an event (or started one): kept for audit and manual split/merge."""

    doc_id: str
    index: int
    event_id: str
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class FusedEvent:
    event_id: str
    event: Event  # the representative fields (type, date, place, actors)
    mentions: tuple[EventMention, ...]
    claims: tuple[LedgerClaim, ...]
    fatalities: FatalityRange | None
    contradictions: tuple[Contradiction, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.doc_id for m in self.mentions))
