"""Fused events as an RFC 7946 GeoJSON FeatureCollection, streamed feature by feature.

Each feature is a Point at [longitude, latitude] (RFC 7946 order, WGS 84) whose properties are
the event's FORMAT.md §6 object without the coordinates (the ledger included).

Events without coordinates (a border such as the Durand Line, a whole country, or an
ungeocoded place) are omitted by default: most map tools skip or choke on null geometries.
`include_unlocated=True` keeps them with `"geometry": null`, which RFC 7946 §3.2 allows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.export.jsonl import fused_event_dict
from sitrep.models import FusedEvent


def point(latitude: float | None, longitude: float | None) -> dict[str, Any] | None:
    """A GeoJSON Point ([lon, lat]), or None for missing or out-of-range coordinates."""
    if latitude is None or longitude is None:
        return None
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    return {"type": "Point", "coordinates": [longitude, latitude]}


def feature(fused: FusedEvent) -> dict[str, Any]:
    props = fused_event_dict(fused)
    geometry = point(props.pop("latitude"), props.pop("longitude"))
    return {"type": "Feature", "id": fused.event_id, "geometry": geometry, "properties": props}


def write_geojson(
    events: Iterable[FusedEvent], out: TextIO, *, include_unlocated: bool = False
) -> int:
    """Write a FeatureCollection, one feature per line; returns how many features were written."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for fused in events:
        f = feature(fused)
        if f["geometry"] is None and not include_unlocated:
            continue
        if n:
            out.write(",\n")
        out.write(json.dumps(f, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
