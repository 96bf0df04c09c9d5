"""Geometry of the report's two figures, computed here and drawn by the templates.

Nothing in this module writes markup: it turns counts and coordinates into numbers (bar
rectangles, projected points, graticule lines, outline paths), and the Jinja2 templates draw
them with autoescaping on, so that a place name from an article can never inject markup.

- the timeline: events and fatalities (best estimate) per day, or per week / month when the
  period is long;
- the map: an equirectangular projection (standard parallel at the middle latitude) of the
  events' extent, with a graticule, and country outlines when a GeoJSON of them is supplied.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

# --- timeline ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    width: float
    events_y: float
    events_h: float
    deaths_y: float
    deaths_h: float
    label: str  # the bin: "2025-10-11", "week of 2025-10-06", "2025-10"
    events: int
    deaths: int


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    panel: float  # height of each of the two panels
    top: float  # y of the fatalities panel's top
    left: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    max_events: int
    max_deaths: int
    unit: str  # day, week, month
    undated: int = 0

    @property
    def empty(self) -> bool:
        return not self.bars


def _bin(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d


def _next(d: date, unit: str) -> date:
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return d + timedelta(days=1)


def _label(d: date, unit: str) -> str:
    if unit == "week":
        return f"week of {d.isoformat()}"
    if unit == "month":
        return d.strftime("%Y-%m")
    return d.isoformat()


def timeline(
    per_day: Mapping[date, tuple[int, int]],
    *,
    undated: int = 0,
    width: int = 760,
    panel: int = 110,
) -> Timeline:
    """Bars of (events, fatalities) per day; per week past ~3 months, per month past ~2 years.

    Every bin from the first to the last is drawn, empty ones included, so gaps show.
    """
    left, gap, bottom = 44.0, 26.0, 22.0
    height = int(2 * panel + gap + bottom + 8)
    if not per_day:
        return Timeline(width, height, panel, panel + gap, left, (), (), 0, 0, "day", undated)
    first, last = min(per_day), max(per_day)
    span = (last - first).days
    unit = "day" if span <= 92 else "week" if span <= 730 else "month"
    bins: dict[date, list[int]] = {}
    d = _bin(first, unit)
    while d <= last:
        bins[d] = [0, 0]
        d = _next(d, unit)
    for day, (n, deaths) in per_day.items():
        b = bins[_bin(day, unit)]
        b[0] += n
        b[1] += deaths
    max_n = max(v[0] for v in bins.values()) or 1
    max_d = max(v[1] for v in bins.values())
    step = (width - left - 8) / len(bins)
    bar_w = max(step * 0.8, 1.0)
    top = panel + gap
    bars = []
    for i, (start, (n, deaths)) in enumerate(bins.items()):
        eh = panel * n / max_n
        dh = panel * deaths / max_d if max_d else 0.0
        bars.append(
            Bar(
                x=round(left + i * step + (step - bar_w) / 2, 2),
                width=round(bar_w, 2),
                events_y=round(panel - eh, 2),
                events_h=round(eh, 2),
                deaths_y=round(top + panel - dh, 2),
                deaths_h=round(dh, 2),
                label=_label(start, unit),
                events=n,
                deaths=deaths,
            )
        )
    every = max(1, math.ceil(len(bins) / 8))
    ticks = tuple(
        Tick(round(left + i * step + step / 2, 2), _label(start, unit).removeprefix("week of "))
        for i, start in enumerate(bins)
        if i % every == 0
    )
    return Timeline(
        width, height, panel, top, left, tuple(bars), ticks, max_n, max_d, unit, undated
    )


# --- map --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MapPoint:
    x: float
    y: float
    r: float
    name: str
    latitude: float
    longitude: float
    events: int
    deaths: int
    labelled: bool


@dataclass(frozen=True, slots=True)
class GridLine:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    label_x: float
    label_y: float


@dataclass(frozen=True, slots=True)
class Map:
    width: int
    height: int
    points: tuple[MapPoint, ...]
    grid: tuple[GridLine, ...]
    outlines: tuple[str, ...]  # SVG path data, already projected
    bounds: tuple[float, float, float, float]  # west, south, east, north
    has_outlines: bool
    unmapped: tuple[str, ...] = field(default=())  # places of events without coordinates

    @property
    def empty(self) -> bool:
        return not self.points


@dataclass(slots=True)
class PlaceTally:
    """Events and fatalities at one located place (what a map point stands for)."""

    name: str
    latitude: float
    longitude: float
    events: int = 0
    deaths: int = 0


def _extent(points: list[PlaceTally], aspect: float) -> tuple[float, float, float, float]:
    if not points:
        return -180.0, -60.0, 180.0, 80.0
    west = min(p.longitude for p in points)
    east = max(p.longitude for p in points)
    south = min(p.latitude for p in points)
    north = max(p.latitude for p in points)
    lon_pad = max((east - west) * 0.15, 3.0)
    lat_pad = max((north - south) * 0.15, 2.0)
    west, east = max(west - lon_pad, -180.0), min(east + lon_pad, 180.0)
    south, north = max(south - lat_pad, -85.0), min(north + lat_pad, 85.0)
    # Widen the short side so the extent fills the frame without distortion.
    k = math.cos(math.radians((south + north) / 2))
    if (east - west) * k / (north - south) < aspect:
        extra = ((north - south) * aspect / k - (east - west)) / 2
        west, east = max(west - extra, -180.0), min(east + extra, 180.0)
    else:
        extra = ((east - west) * k / aspect - (north - south)) / 2
        south, north = max(south - extra, -85.0), min(north + extra, 85.0)
    return west, south, east, north


def _grid_step(span: float) -> float:
    for step in (0.5, 1, 2, 5, 10, 15, 30, 45, 60):
        if span / step <= 8:
            return float(step)
    return 90.0


def _fmt_deg(value: float, pos: str, neg: str) -> str:
    text = f"{abs(value):g}°"
    return text + (pos if value > 0 else neg if value < 0 else "")


class _Projection:
    def __init__(self, bounds: tuple[float, float, float, float], width: int, height: int):
        self.west, self.south, self.east, self.north = bounds
        k = math.cos(math.radians((self.south + self.north) / 2))
        scale = min(width / ((self.east - self.west) * k), height / (self.north - self.south))
        self.sx, self.sy = scale * k, scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return round((lon - self.west) * self.sx, 1), round((self.north - lat) * self.sy, 1)


def _rings(geometry: Mapping[str, Any]) -> Iterable[list[list[float]]]:
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if kind == "Polygon":
        yield from coords
    elif kind == "MultiPolygon":
        for polygon in coords:
            yield from polygon
    elif kind == "GeometryCollection":
        for g in geometry.get("geometries") or []:
            yield from _rings(g)


def _outline_paths(
    outlines: Mapping[str, Any], bounds: tuple[float, float, float, float], project: _Projection
) -> list[str]:
    west, south, east, north = bounds
    paths = []
    for feat in outlines.get("features") or []:
        geometry = feat.get("geometry") if isinstance(feat, Mapping) else None
        if not geometry:
            continue
        parts = []
        for ring in _rings(geometry):
            lons = [c[0] for c in ring]
            lats = [c[1] for c in ring]
            if not ring or max(lons) < west or min(lons) > east:
                continue
            if max(lats) < south or min(lats) > north:
                continue
            xy = [project(lon, lat) for lon, lat, *_ in ring]
            parts.append("M" + "L".join(f"{x},{y}" for x, y in xy) + "Z")
        if parts:
            paths.append("".join(parts))
    return paths


def event_map(
    places: Iterable[PlaceTally],
    *,
    outlines: Mapping[str, Any] | None = None,
    unmapped: Iterable[str] = (),
    width: int = 760,
    height: int = 430,
    max_labels: int = 12,
) -> Map:
    """Project the places into a frame fitted to them (the world when there are none)."""
    pts = list(places)
    bounds = _extent(pts, width / height)
    project = _Projection(bounds, width, height)
    west, south, east, north = bounds
    grid: list[GridLine] = []
    step = _grid_step(max(east - west, north - south))
    lon = math.ceil(west / step) * step
    while lon <= east:
        x, _ = project(lon, north)
        grid.append(GridLine(x, 0, x, height, _fmt_deg(lon, "E", "W"), x + 2, height - 4))
        lon += step
    lat = math.ceil(south / step) * step
    while lat <= north:
        _, y = project(west, lat)
        grid.append(GridLine(0, y, width, y, _fmt_deg(lat, "N", "S"), 3, y - 3))
        lat += step
    top = max((p.deaths for p in pts), default=0)
    ranked = sorted(pts, key=lambda p: (-p.events, -p.deaths, p.name))
    labelled = {id(p) for p in ranked[:max_labels]}
    points = []
    for p in ranked:
        x, y = project(p.longitude, p.latitude)
        r = 4.0 + (10.0 * math.sqrt(p.deaths / top) if top else 0.0)
        points.append(
            MapPoint(
                x,
                y,
                round(r, 1),
                p.name,
                p.latitude,
                p.longitude,
                p.events,
                p.deaths,
                id(p) in labelled,
            )
        )
    paths = _outline_paths(outlines, bounds, project) if outlines else []
    return Map(
        width,
        height,
        tuple(points),
        tuple(grid),
        tuple(paths),
        bounds,
        bool(paths),
        tuple(dict.fromkeys(unmapped)),
    )


#: Where a packaged country-outline GeoJSON would live (none ships yet: see the module notes).
OUTLINES_RESOURCE = "world.geojson"


def load_outlines(path: str | Path | None = None) -> Mapping[str, Any] | None:
    """Country outlines as a GeoJSON FeatureCollection: from `path`, else the packaged
    `static/world.geojson` when there is one, else None (the map then shows a graticule only)."""
    if path is not None:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    resource = resources.files("sitrep.export").joinpath("static", OUTLINES_RESOURCE)
    if resource.is_file():
        return json.loads(resource.read_text(encoding="utf-8"))
    from sitrep.export.outlines import shared_atlas  # countryinfo's Natural Earth shapes

    atlas = shared_atlas()
    return json.loads(atlas.outlines_json) if atlas.count else None
