"""A cluster of mentions made into a FusedEvent: representative fields, ledger, range,
contradictions.

Representative fields, each decided by the members (ties go to the earliest member):
- event type and sub-type: the most frequent sub-type;
- date: the median of the members' day-precision dates (the lower one for an even count),
  else of all their dates; its precision is the finest among members with that date;
- place: the most frequent of the most precise places (with coordinates, lowest ACLED
  geo_precision), else the most frequent place name;
- countries: every member's countries, the most frequent first;
- actor1 / actor2: the most frequent of each among members that name one;
- evidence: the earliest member's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from sitrep.extract.lexicon import Lexicon
from sitrep.fuse.contradictions import SourceText, find_contradictions
from sitrep.fuse.ledger import build_ledger
from sitrep.fuse.mentions import order_key
from sitrep.fuse.reconcile import reconcile
from sitrep.fuse.similarity import FuseSettings
from sitrep.models import DatePrecision, Event, EventMention, FatalityRange, FusedEvent, Place

T = TypeVar("T", bound=Hashable)


def _most_common(values: Sequence[T]) -> T | None:
    """The most frequent value; among equals, the one seen first."""
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _pick(mentions: Sequence[EventMention], get: Callable[[Event], T | None]) -> T | None:
    return _most_common([v for v in (get(m.event) for m in mentions) if v is not None])


def _place(mentions: Sequence[EventMention]) -> Place | None:
    places = [m.event.place for m in mentions if m.event.place is not None]
    located = [p for p in places if p.latitude is not None and p.kind not in {"country", "border"}]
    if located:
        finest = min(p.geo_precision for p in located)
        return _most_common([p for p in located if p.geo_precision == finest])
    name = _most_common([p.name.casefold() for p in places])
    return next((p for p in places if p.name.casefold() == name), None)


def representative(mentions: Sequence[EventMention]) -> Event:
    """The fused event's own fields (module docstring); `mentions` in canonical order."""
    first = mentions[0].event
    sub_type = _pick(mentions, lambda e: e.sub_event_type) or first.sub_event_type
    event_type = next(m.event.event_type for m in mentions if m.event.sub_event_type == sub_type)
    days = [
        m.event
        for m in mentions
        if m.event.date and m.event.date_precision in (None, DatePrecision.DAY)
    ]
    dated = days or [m.event for m in mentions if m.event.date]
    day = sorted(e.date for e in dated)[(len(dated) - 1) // 2] if dated else None  # type: ignore[type-var]
    precision = None
    if day is not None:
        order = list(DatePrecision)
        precision = min(
            (e.date_precision or DatePrecision.DAY for e in dated if e.date == day),
            key=order.index,
        )
    counted = Counter(c for m in mentions for c in m.event.countries)
    country_list = sorted(counted, key=lambda c: -counted[c])  # stable: first seen among equals
    return Event(
        event_type=event_type,
        sub_event_type=sub_type,
        date=day,
        date_precision=precision,
        countries=tuple(country_list),
        place=_place(mentions),
        actor1=_pick(mentions, lambda e: e.actor1),
        actor2=_pick(mentions, lambda e: e.actor2),
        evidence=first.evidence,
    )


def build_event(
    event_id: str,
    mentions: Sequence[EventMention],
    texts: Mapping[str, SourceText] | None = None,
    settings: FuseSettings | None = None,
    lexicon: Lexicon | None = None,
) -> FusedEvent:
    """A fused event from its members: fields, ledger, reconciled range, contradictions."""
    ordered = sorted(mentions, key=order_key)
    claims = build_ledger(ordered, lexicon)
    fatalities = _with_attackers(reconcile(claims, lexicon), ordered)
    event = replace(representative(ordered), fatalities=fatalities)
    return FusedEvent(
        event_id=event_id,
        event=event,
        mentions=tuple(ordered),
        claims=claims,
        fatalities=fatalities,
        contradictions=find_contradictions(ordered, claims, texts, settings),
    )


def _with_attackers(
    toll: FatalityRange | None, mentions: Sequence[EventMention]
) -> FatalityRange | None:
    """The suicide attackers the articles' events counted among the dead (the claims, which the
    range is reconciled from, leave them out): the most any article counted."""
    n = max(
        (m.event.fatalities.suicide_attackers for m in mentions if m.event.fatalities), default=0
    )
    return toll.with_attackers(n) if toll is not None and n else toll
