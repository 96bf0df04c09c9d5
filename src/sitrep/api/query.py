"""Event filters from query parameters, and the queries the routes share.

Every parameter is validated by FastAPI (dates, enumerations, lengths, bounds) and reaches
the database only through `sitrep.store.EventFilter`, whose conditions use bound parameters.
Every filter, `admin1` included, is applied in SQL, so totals and pages come from the database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import islice
from typing import Annotated, Any

from fastapi import Query

from sitrep.api.errors import ApiError
from sitrep.api.views import map_point
from sitrep.export.outlines import CountryAtlas
from sitrep.models import EventType, FusedEvent, SubEventType
from sitrep.store import EventFilter, Store

TEXT = 200  # longest accepted text parameter
MAX_LIMIT = 500
MAX_POINTS = 5000
MAX_FILLED_DAYS = 1000


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def event_query(
    date_from: Annotated[date | None, Query(description="Earliest event date (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(description="Latest event date (YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(max_length=TEXT, description="Country name")] = None,
    admin1: Annotated[
        str | None, Query(max_length=TEXT, description="First-level admin area")
    ] = None,
    event_type: Annotated[EventType | None, Query(description="ACLED event type")] = None,
    sub_event_type: Annotated[
        SubEventType | None, Query(description="ACLED sub-event type")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=TEXT, description="Part of actor1 or actor2")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=TEXT, description="Text in evidence, place or actors")
    ] = None,
) -> EventFilter:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ApiError(
            422,
            f"invalid request: date_from ({date_from}) is after date_to ({date_to})",
            details=[{"loc": ["query", "date_from"], "msg": "after date_to", "type": "value"}],
        )
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        country=_clean(country),
        admin1=_clean(admin1),
        event_type=str(event_type) if event_type else None,
        sub_event_type=str(sub_event_type) if sub_event_type else None,
        actor=_clean(actor),
        text=_clean(q),
    )


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Page size")]
Offset = Annotated[int, Query(ge=0, description="Items to skip")]


def iter_events(
    store: Store, where: EventFilter, limit: int | None = None, offset: int = 0
) -> Iterator[FusedEvent]:
    """The matching events in the store's order (by date, then id), `offset` and `limit`
    applied by the database."""
    return store.iter_fused(where, limit=limit, offset=offset)


def page_events(
    store: Store, where: EventFilter, limit: int, offset: int
) -> tuple[int, list[FusedEvent]]:
    """(total, one page) of the matching events."""
    items = list(iter_events(store, where, limit, offset)) if limit else []
    return store.count_fused(where), items


def page(it: Iterator[Any], limit: int, offset: int) -> list[Any]:
    return list(islice(it, offset, offset + limit))


def _best(fused: FusedEvent) -> int:
    f = fused.fatalities
    return f.best if f is not None and f.best is not None else 0


def summary(store: Store, where: EventFilter, atlas: CountryAtlas | None) -> dict[str, Any]:
    """Totals, a per-day timeline and the map points of every matching event."""
    per_day: Counter[date] = Counter()
    deaths_per_day: Counter[date] = Counter()
    points: list[dict[str, Any]] = []
    total = deaths = undated = unmapped = 0
    types: Counter[str] = Counter()
    for fused in iter_events(store, where):
        e = fused.event
        total += 1
        best = _best(fused)
        deaths += best
        types[e.event_type] += 1
        if e.date is None:
            undated += 1
        else:
            per_day[e.date] += 1
            deaths_per_day[e.date] += best
        point = map_point(fused, atlas)
        if point is None:
            unmapped += 1
        elif len(points) < MAX_POINTS:
            points.append(
                point
                | {
                    "event_id": fused.event_id,
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "date": e.date.isoformat() if e.date else None,
                    "location": e.place.name if e.place is not None else None,
                    "country": list(e.countries),
                    "best": fused.fatalities.best if fused.fatalities else None,
                }
            )
    return {
        "total": total,
        "fatalities": deaths,
        "event_types": dict(types.most_common()),
        "timeline": _timeline(per_day, deaths_per_day),
        "undated": undated,
        "points": points,
        "points_truncated": total - unmapped > len(points),
        "unmapped": unmapped,
    }


def _timeline(per_day: Counter[date], deaths: Counter[date]) -> list[dict[str, Any]]:
    if not per_day:
        return []
    first, last = min(per_day), max(per_day)
    if (last - first).days <= MAX_FILLED_DAYS:
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    else:
        days = sorted(per_day)
    return [{"date": d.isoformat(), "events": per_day[d], "fatalities": deaths[d]} for d in days]


def places(store: Store, where: EventFilter) -> list[dict[str, Any]]:
    """The places of the matching events, with how many events and deaths each has."""
    tally: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0])
    for fused in iter_events(store, where):
        p = fused.event.place
        if p is None:
            continue
        key = (p.name, p.country, p.admin1, p.admin2, p.latitude, p.longitude, p.kind)
        tally[key][0] += 1
        tally[key][1] += _best(fused)
    rows = [
        {
            "name": k[0],
            "country": k[1],
            "admin1": k[2],
            "admin2": k[3],
            "latitude": k[4],
            "longitude": k[5],
            "kind": k[6],
            "events": n,
            "fatalities": d,
        }
        for k, (n, d) in tally.items()
    ]
    rows.sort(key=lambda r: (-r["events"], -r["fatalities"], r["name"]))
    return rows
