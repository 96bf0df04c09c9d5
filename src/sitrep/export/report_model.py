"""The situation report as data: what both templates (Markdown and HTML) draw.

`collect` streams the events in scope once: key figures, the timeline and the map tally every
event, while only the first `max_events` (by date) are kept in full with their claims and
sources, so a report over a large store stays bounded in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from sitrep.export.extraction import coordinates
from sitrep.export.phrases import claimant_text, figure_text, range_text, victim_text
from sitrep.export.svg import Map, PlaceTally, Timeline
from sitrep.models import (
    Article,
    CasualtyFigure,
    Contradiction,
    Event,
    FatalityRange,
)

# --- the view ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One cited document: the footnote `[n]`."""

    n: int
    doc_id: str
    source: str | None
    title: str | None
    url: str | None  # only http(s) URLs are kept, so a link can never run script
    published: date | None


@dataclass(frozen=True, slots=True)
class ClaimView:
    claimant: str
    claimant_type: str
    status: str
    figure: str
    victim: str
    victim_kind: str
    evidence: str
    doc_id: str
    ref: int
    superseded: bool = False


@dataclass(slots=True)
class EventView:
    event_id: str
    event_type: str
    sub_event_type: str
    date: date | None
    date_precision: str | None
    place: str | None
    countries: tuple[str, ...]
    actors: str
    fatalities: str  # "23–23–58", "" for none
    rule: str
    evidence: str
    evidence_ref: int | None
    refs: tuple[int, ...]
    claims: tuple[ClaimView, ...]
    contradictions: tuple[Contradiction, ...]
    is_new: bool = False
    latitude: float | None = None
    longitude: float | None = None

    @property
    def date_label(self) -> str:
        if self.date is None:
            return "undated"
        label = self.date.isoformat()
        return label if self.date_precision in (None, "day") else f"{label} ({self.date_precision})"

    @property
    def where(self) -> str:
        countries = "; ".join(self.countries)
        if self.place and countries and self.place not in self.countries:
            return f"{self.place}, {countries}"
        return self.place or countries or "place unknown"


@dataclass(frozen=True, slots=True)
class DayGroup:
    date: date | None
    events: tuple[EventView, ...]

    @property
    def label(self) -> str:
        return self.date.isoformat() if self.date else "Undated"


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since the previous report: events reported by newly ingested documents."""

    since: datetime | None
    available: bool
    reason: str  # why the section is empty or unavailable, or how "new" was decided
    events: tuple[EventView, ...] = ()
    total: int = 0  # all changed events in scope (`events` holds the ones shown)


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    generated: datetime
    period_from: date | None
    period_to: date | None
    scope: str
    mode: str  # "fused" or "documents"
    n_events: int
    n_documents: int
    n_claims: int
    n_contradictions: int
    fatalities_low: int
    fatalities_best: int
    fatalities_high: int
    unestimated: int  # events in scope without a best estimate
    days: tuple[DayGroup, ...]
    shown: int
    timeline: Timeline
    map: Map
    changes: Changes | None
    sources: tuple[SourceRef, ...]
    marker: str  # the machine-readable marker a later report reads (`report.read_marker`)

    @property
    def hidden(self) -> int:
        return self.n_events - self.shown


# --- building ---------------------------------------------------------------------------------


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL, else None (never javascript:, data:, …)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


class Citations:
    """Footnote numbers, by first citation; the articles looked up once each."""

    def __init__(self, lookup: Callable[[str], Article | None]) -> None:
        self._lookup = lookup
        self._refs: dict[str, SourceRef] = {}

    def cite(self, doc_id: str, article: Article | None = None) -> int:
        ref = self._refs.get(doc_id)
        if ref is None:
            a = article if article is not None else self._lookup(doc_id)
            ref = SourceRef(
                n=len(self._refs) + 1,
                doc_id=doc_id,
                source=a.source if a else None,
                title=a.title if a else None,
                url=safe_url(a.url) if a else None,
                published=a.published if a else None,
            )
            self._refs[doc_id] = ref
        return ref.n

    def sources(self) -> tuple[SourceRef, ...]:
        return tuple(self._refs.values())


def claim_view(figure: CasualtyFigure, doc_id: str, ref: int, superseded: bool) -> ClaimView:
    return ClaimView(
        claimant=claimant_text(figure),
        claimant_type=str(figure.claimant.type),
        status=str(figure.status),
        figure=figure_text(figure.count),
        victim=victim_text(figure),
        victim_kind=str(figure.victim_kind),
        evidence=figure.evidence.text,
        doc_id=doc_id,
        ref=ref,
        superseded=superseded,
    )


def event_view(
    event_id: str,
    event: Event,
    *,
    fatalities: FatalityRange | None,
    evidence_ref: int | None,
    refs: Iterable[int],
    claims: Iterable[ClaimView],
    contradictions: Iterable[Contradiction] = (),
    is_new: bool = False,
) -> EventView:
    p = event.place
    point = coordinates(p)
    return EventView(
        event_id=event_id,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        date=event.date,
        date_precision=str(event.date_precision) if event.date_precision else None,
        place=p.name if p is not None else None,
        countries=event.countries,
        actors=" vs ".join(a for a in (event.actor1, event.actor2) if a),
        fatalities=range_text(fatalities),
        rule=(fatalities.rule if fatalities else "") or "",
        evidence=event.evidence.text,
        evidence_ref=evidence_ref,
        refs=tuple(dict.fromkeys(refs)),
        claims=tuple(claims),
        contradictions=tuple(contradictions),
        is_new=is_new,
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
    )


@dataclass(slots=True)
class Tally:
    """Running totals over every event in scope (shown or not)."""

    events: int = 0
    claims: int = 0
    contradictions: int = 0
    low: int = 0
    best: int = 0
    high: int = 0
    unestimated: int = 0
    documents: set[str] = field(default_factory=set)
    per_day: dict[date, tuple[int, int]] = field(default_factory=dict)
    undated: int = 0
    places: dict[tuple[str, float, float], PlaceTally] = field(default_factory=dict)
    unmapped: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None

    def add(
        self,
        event: Event,
        fatalities: FatalityRange | None,
        documents: Iterable[str],
        n_claims: int,
        n_contradictions: int,
    ) -> None:
        self.events += 1
        self.claims += n_claims
        self.contradictions += n_contradictions
        self.documents.update(documents)
        f = fatalities or FatalityRange(None, None, None)
        known = [v for v in (f.low, f.best, f.high) if v is not None]
        best = f.best if f.best is not None else 0
        if f.best is None:
            self.unestimated += 1
        self.low += f.low if f.low is not None else best
        self.best += best
        self.high += max(known, default=0)
        if event.date is None:
            self.undated += 1
        else:
            n, deaths = self.per_day.get(event.date, (0, 0))
            self.per_day[event.date] = (n + 1, deaths + best)
            self.first = min(self.first or event.date, event.date)
            self.last = max(self.last or event.date, event.date)
        point = coordinates(event.place)
        if point is not None and event.place is not None:
            key = (event.place.name, point[0], point[1])
            tally = self.places.setdefault(key, PlaceTally(key[0], point[0], point[1]))
            tally.events += 1
            tally.deaths += best
        else:
            where = event.place.name if event.place else "; ".join(event.countries)
            self.unmapped[where or "place unknown"] += 1


def group_by_day(events: Iterable[EventView]) -> tuple[DayGroup, ...]:
    ordered = sorted(events, key=lambda e: (e.date is None, e.date or date.min, e.event_id))
    groups: dict[date | None, list[EventView]] = {}
    for e in ordered:
        groups.setdefault(e.date, []).append(e)
    return tuple(DayGroup(d, tuple(es)) for d, es in groups.items())
