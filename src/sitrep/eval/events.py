"""Matching predicted events to gold events of one document (FORMAT.md §5).

A predicted event matches a gold event when all three hold:

- **type**: ``event_type`` is equal (case-insensitive, trimmed);
- **date**: the predicted date is within one day of the gold ``date`` or of one of its
  ``date_alternatives``. A gold ``date`` of null matches any predicted date, or none; if
  it also carries ``date_before``, a predicted date must be on or before that day (a null
  predicted date still matches). Dates are compared as ISO days (``YYYY-MM-DD``; a longer
  ISO timestamp is cut to its day). A predicted date that is not an ISO day never
  satisfies a comparison; it only passes where no comparison is needed (gold date null
  without ``date_before``);
- **place**: if the gold has coordinates, the predicted event must have coordinates too,
  within 50 km (haversine, mean Earth radius 6371.0088 km); if the gold has none, some
  predicted ``country`` (a string or a list) is one of the gold countries (case-insensitive).

Gold events are taken in gold order; each takes the first predicted event, in predicted
order, that matches it and is still free. Each gold and each predicted event is matched at
most once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sitrep.eval.fields import coordinates, name_set, norm_text, parse_day

EARTH_RADIUS_KM = 6371.0088
MAX_DISTANCE_KM = 50.0
MAX_DATE_GAP_DAYS = 1


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two ``(latitude, longitude)`` points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def date_matches(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """The date rule of the module docstring."""
    raw = predicted.get("date")
    day = parse_day(raw)
    if gold.get("date") is None:
        before = parse_day(gold.get("date_before"))
        if before is None or raw is None:
            return True
        return day is not None and day <= before
    if day is None:
        return False
    accepted: list[date] = [
        d
        for d in (parse_day(v) for v in [gold.get("date"), *(gold.get("date_alternatives") or [])])
        if d is not None
    ]
    return any(abs((day - d).days) <= MAX_DATE_GAP_DAYS for d in accepted)


def location_matches(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """The place rule of the module docstring."""
    gold_point = coordinates(gold)
    if gold_point is not None:
        pred_point = coordinates(predicted)
        return pred_point is not None and haversine_km(gold_point, pred_point) <= MAX_DISTANCE_KM
    return bool(name_set(gold.get("country")) & name_set(predicted.get("country")))


def event_matches(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """Whether a predicted event matches a gold event (type, date and place rules)."""
    event_type = norm_text(gold.get("event_type"))
    return (
        event_type is not None
        and norm_text(predicted.get("event_type")) == event_type
        and date_matches(gold, predicted)
        and location_matches(gold, predicted)
    )


def match_events(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Pairs ``(gold index, predicted index)`` of matched events, greedy in gold order."""
    free = list(range(len(predicted)))
    pairs: list[tuple[int, int]] = []
    for g, gold_event in enumerate(gold):
        for position, p in enumerate(free):
            if event_matches(gold_event, predicted[p]):
                pairs.append((g, p))
                del free[position]
                break
    return pairs


def location_error_km(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> float | None:
    """Distance between gold and predicted coordinates; None unless both have them."""
    a, b = coordinates(gold), coordinates(predicted)
    return haversine_km(a, b) if a is not None and b is not None else None
