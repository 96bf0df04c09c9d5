"""The data contract between pipeline stages: frozen, slotted, stdlib-only records.

Every stage takes and returns these; none of them holds a spaCy object, a database row or a
request, so they pickle across processes (Dask workers) and serialise to JSON unchanged.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from sitrep.models.vocab import (
    CasualtyStatus,
    ClaimantType,
    DatePrecision,
    VictimKind,
)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a reader found it: text or HTML, with whatever metadata it carried."""

    id: str
    text: str
    source: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    is_html: bool = False
    origin: str = ""  # "path" or "path:line", for error messages


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: body text with debris removed and broken lines joined."""

    doc_id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """Identity of the content, so re-ingesting the same article is a no-op."""
        body = " ".join(self.text.split()).casefold()
        return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document (or line) that could not be read or processed, and why."""

    origin: str
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: character offsets into `Article.text` and the sentence itself."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Count:
    """A number as the text states it (FORMAT.md §3): bounds and whether it is approximate."""

    low: int | None
    high: int | None
    approx: bool = False

    @property
    def point(self) -> int | None:
        """A single figure to add or compare: the lower bound, else the upper one."""
        return self.low if self.low is not None else self.high


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str | None  # None = the article's own voice
    type: ClaimantType = ClaimantType.MEDIA


@dataclass(frozen=True, slots=True)
class CasualtyFigure:
    status: CasualtyStatus
    count: Count
    victim: str | None
    victim_kind: VictimKind
    victim_side: str | None
    claimant: Claimant
    evidence: Evidence
    event_index: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3  # ACLED: 1 town, 2 district/near town, 3 province/region
    kind: str = "city"  # city, admin1, admin2, country, border, crossing, region
    countries: tuple[str, ...] = ()  # for cross-border features


@dataclass(frozen=True, slots=True)
class FatalityRange:
    low: int | None
    best: int | None
    high: int | None
    rule: str = ""

    @property
    def suicide_attackers(self) -> int:
        """Attackers an article's event toll added to its claims (`extract.events.with_bombers`
        writes them into the rule, which is stored), so fusion can add them to its own."""
        m = _ATTACKERS_RULE.search(self.rule)
        return int(m.group(1)) if m else 0

    def with_attackers(self, n: int) -> FatalityRange:
        """The range with `n` suicide attackers added to every bound, and said so in the rule."""
        rule = f"{self.rule}; {ATTACKERS_RULE.format(n=n)}{'s' if n > 1 else ''}"
        low, best, high = (None if x is None else x + n for x in (self.low, self.best, self.high))
        return FatalityRange(low, best, high, rule)


#: the rule suffix of a suicide attack's toll: "...; + 1 suicide attacker"
ATTACKERS_RULE = "+ {n} suicide attacker"
_ATTACKERS_RULE = re.compile(r"\+ (\d+) suicide attacker")


@dataclass(frozen=True, slots=True)
class Event:
    event_type: str
    sub_event_type: str
    date: date | None
    date_precision: DatePrecision | None
    countries: tuple[str, ...]
    place: Place | None
    actor1: str | None
    actor2: str | None
    evidence: Evidence
    fatalities: FatalityRange | None = None


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    """Everything read from one article: the contract of FORMAT.md §2."""

    doc_id: str
    events: tuple[Event, ...] = ()
    casualties: tuple[CasualtyFigure, ...] = ()
    published: date | None = None
    error: str | None = None
    warnings: tuple[str, ...] = field(default=())
