"""Tolerant readers for the loosely typed fields of gold and prediction dicts.

Gold and prediction lines are plain JSON objects; a field may be missing, null, a string
where a list is allowed (``country``, ``claimant``) or a number written as a float. These
helpers turn each into one shape so that the matching code never has to guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

_WS = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


class Invalid:
    """Marker for a field that is present but cannot be read (e.g. ``"low": "many"``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


def norm_text(value: Any) -> str | None:
    """Case-folded, trimmed, whitespace-collapsed text; None for non-strings and blanks."""
    if not isinstance(value, str):
        return None
    text = _WS.sub(" ", value.translate(_DASHES)).strip().casefold()
    return text or None


def as_list(value: Any) -> list[Any]:
    """A list for a list, a one-item list for a scalar, an empty list for None."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def name_set(value: Any) -> set[str]:
    """The normalised, non-blank names of a string-or-list field."""
    return {n for n in (norm_text(v) for v in as_list(value)) if n is not None}


def as_count(value: Any) -> float | None | Invalid:
    """A figure (``low``/``high``/``best``) as a number; None when null; INVALID when unreadable.

    Integers, floats and numeric strings are read; booleans are not numbers here.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return INVALID
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else INVALID
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "").strip())
        except ValueError:
            return INVALID
        return number if math.isfinite(number) else INVALID
    return INVALID


def parse_day(value: Any) -> date | None:
    """An ISO day from ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its day); else None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def coordinates(record: Mapping[str, Any]) -> tuple[float, float] | None:
    """``(latitude, longitude)`` when both are finite numbers within range; else None."""
    lat, lon = as_count(record.get("latitude")), as_count(record.get("longitude"))
    if not isinstance(lat, float) or not isinstance(lon, float):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return lat, lon


def dict_items(value: Any) -> list[dict[str, Any]]:
    """The dict entries of a list field (``events``, ``casualties``); anything else is dropped."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]
