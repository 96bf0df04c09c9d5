"""Which feature a name means: candidates from the index, filtered by the article's context and
ranked by kind and population. Works on internal ids; `gazetteer.py` turns the winner into a Place."""

from __future__ import annotations

import functools
import math
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from sitrep.extract.geo.data import CuratedRow
from sitrep.extract.geo.index import Candidate, Index, Pool
from sitrep.extract.geo.text import Level, Reading, fold, readings, strip_generic

PROMINENT = 100_000  # a city this large wins over a same-named district or province
ABROAD_CITY = 300_000  # outside the context countries, only a city this large is meant ...
ABROAD_ADMIN1 = 1_000_000  # ... or a province this populous (or a country, or a curated feature)
LOOSE_ABROAD_CUTOFF = 75  # rapidfuzz ratio of a loose-key match to the place's own name, no country
FUZZY_CUTOFF = 80  # rapidfuzz ratio for a spelling variant inside a hinted admin area
ADMIN1_HINT_CUTOFF = 85  # token-set ratio between an admin1 hint and an admin1's names
DOMINANCE = 5.0  # of same-named towns (or districts) far apart, the largest must be this many times
# the next, else the name is ambiguous and resolves to None: on ACLED's notes, a non-dominant pick
# was right (within 20 km) one time in five, with a mean error of 320 km
COMPOUND_KM = (
    50.0  # "Bogota-Usaquen": the part after the dash must lie this close to the part before
)

# the kinds to try, in order, for each level hinted by a generic word; None = no hint
_ORDER: dict[Level | None, tuple[str, ...]] = {
    "city": ("curated", "city", "admin2", "admin1", "country"),
    "admin1": ("admin1", "admin2", "curated", "country", "city"),
    "admin2": ("admin2", "admin1", "curated", "city", "country"),
}


@dataclass(frozen=True, slots=True)
class Match:
    candidate: Candidate
    reading: Reading


@dataclass(frozen=True, slots=True)
class Context:
    countries: tuple[int, ...]  # country rows the article is about; () = anywhere
    admins: frozenset[int] = frozenset()  # admin1/admin2 rows a hint may mean; empty = anywhere


_GLUED_ARTICLE = re.compile(r"^(al|el)([bcdfghjklmnpqrstvwxz]\w{3,})$")


class Ranker:
    def __init__(self, index: Index, curated: Sequence[CuratedRow]) -> None:
        self.ix = index
        self.t = index.t
        self.curated = curated
        self._admin_pool = functools.lru_cache(maxsize=512)(self._admin_pool_uncached)
        self._admin_rows = functools.lru_cache(maxsize=16_384)(self._admin_rows_uncached)
        self._admin1_names = functools.lru_cache(maxsize=512)(self._admin1_names_uncached)

    # ---- entry point ----

    def resolve(self, name: str, ctx: Context) -> Match | None:
        options = readings(name)
        whole = [r for r in options if not r.partial]
        parts = [r for r in options if r.partial]
        found = self._stages(name, whole, ctx, abroad=not ctx.admins)
        if found is None and parts:
            found = self._compound(name, parts, ctx)
        return found

    def _stages(
        self, raw: str, options: list[Reading], ctx: Context, abroad: bool = False
    ) -> Match | None:
        """Exact names in the context; then, within context countries only, other spellings
        GeoNames lists, loose keys and fuzzy matches; last (if `abroad`), an exact name outside
        them if it is prominent. Without context countries, only well-known places by another
        spelling or a loose key."""
        seen = False  # a same-named place in the context that was too ambiguous to pick
        famous = False  # a prominent place abroad has the name as its own
        for reading in options:
            cands = self.ix.candidates(reading.key, raw, False)
            if cands and all(c.kind in ("admin1", "admin2") for c in cands):
                cands += self._capitals(reading.key, cands)
            if not ctx.countries:  # "Habana" is Havana before a hamlet in Queensland
                cands += [c for c in self.ix.alternate(reading.key) if self._well_known(c)]
            if m := self._pick(cands, reading, ctx):
                return m
            seen = seen or any(self._in_context(c, ctx) for c in cands)
            famous = famous or any(self.prominent(c) for c in cands)
        if seen:
            return None
        if not ctx.countries:
            # no country to search in: a spelling variant only of a well-known place ("Idleb",
            # "al-Hasakeh"), where a namesake village is unlikely to be meant
            for reading in options:
                other = self.ix.alternate(reading.key)
                if m := self._pick([c for c in other if self._well_known(c)], reading, ctx):
                    return m
            for reading in options:
                loose = self.ix.candidates(reading.key, raw, True) if len(reading.key) >= 4 else []
                # with no country to narrow them, loose keys meet far too often ("Miniyeh" and
                # Minna, "Tirah" and Tyre): the spelling must stay close to the place's own
                close = [c for c in loose if self._well_known(c) and self._close(reading, c)]
                if m := self._pick(close, reading, ctx):
                    return m
            return None
        # another spelling GeoNames knows ("Menbij" for Manbij); but Kabul in a story about a
        # U.S. strike is Kabul, not Cabool, Missouri, which GeoNames also calls "Kabul"
        for reading in () if famous else options:
            if m := self._pick(self.ix.alternate(reading.key), reading, ctx):
                return m
        for reading in options:
            loose = self.ix.candidates(reading.key, raw, True) if len(reading.key) >= 4 else []
            if m := self._pick(loose, reading, ctx):
                return m
        for reading in options:
            if m := self._prefixed(reading, ctx):
                return m
        for reading in options:
            if m := self._fuzzy(reading, ctx):
                return m
        for reading in options if abroad else ():
            cands = self.ix.candidates(reading.key, raw, False)
            if m := self._pick(cands, reading, ctx, abroad=True):
                return m
        return None

    def _capitals(self, key: str, areas: list[Candidate]) -> list[Candidate]:
        """Towns inside these areas that have the name only as another name: "Mogilev" is the
        province's English name and its capital's (Mahilyow), and a note means the town."""
        t, refs = self.t, {c.ref for c in areas}
        return [
            c
            for c in self.ix.alternate(key)
            if c.kind == "city" and (t.city_admin1[c.ref] in refs or t.city_admin2[c.ref] in refs)
        ]

    def _compound(self, raw: str, parts: list[Reading], ctx: Context) -> Match | None:
        """A name made of parts ("Bogota-Usaquen", "Nameless Hills (Khojavend Region)"): the most
        specific part that resolves near the others, else the broader part alone."""
        found = [(r, m) for r in parts if (m := self._stages(raw, [r], ctx)) is not None]
        if not found:
            return None
        if len(found) > 1:
            tail, head = found[0][1], found[-1][1]
            a, b = self.coordinates(tail.candidate), self.coordinates(head.candidate)
            if a and b and haversine_km(*a, *b) <= COMPOUND_KM:
                return Match(tail.candidate, replace(tail.reading, partial=False))
            return head
        return found[0][1]

    # ---- filtering and ranking ----

    def _pick(
        self, cands: list[Candidate], reading: Reading, ctx: Context, abroad: bool = False
    ) -> Match | None:
        best = self.choose(cands, reading.hint, ctx, abroad)
        return Match(best, reading) if best is not None else None

    def choose(
        self, cands: list[Candidate], hint: Level | None, ctx: Context, abroad: bool = False
    ) -> Candidate | None:
        if abroad:
            cands = [c for c in cands if self.prominent(c)]
        else:
            cands = [c for c in cands if self._in_context(c, ctx)]
        if not cands:
            return None
        by_kind: dict[str, list[Candidate]] = {}
        for c in sorted(cands, key=lambda c: (self.has_coordinates(c), c.population), reverse=True):
            by_kind.setdefault(c.kind, []).append(c)
        best = self._rank(by_kind, hint)
        if best is None or best.kind not in ("city", "admin2"):
            return best
        if self._dominant(best, by_kind[best.kind]):
            return best
        return self._shared_admin1(by_kind[best.kind])

    def _shared_admin1(self, namesakes: list[Candidate]) -> Candidate | None:
        """Same-named places all in one province ("Opytne", twice in Donetsk oblast): the name
        still says which province, though not which of them."""
        provinces = {self.admin1_of(c) for c in namesakes}
        if len(provinces) != 1 or (a1 := provinces.pop()) < 0:
            return None
        return Candidate("admin1", a1, self.t.sub_country[a1], float(self.t.sub_pop[a1]))

    def _rank(self, by_kind: dict[str, list[Candidate]], hint: Level | None) -> Candidate | None:
        if hint is not None:
            for kind in _ORDER[hint]:
                if kind not in by_kind:
                    continue
                if kind == "curated" and not self._curated_fits(by_kind[kind], hint):
                    continue
                if kind in ("city", "admin1", "admin2"):
                    return self._city_or_admin(by_kind, prefer=kind)
                return by_kind[kind][0]
        for kind in ("country", "curated"):
            if kind in by_kind:
                return by_kind[kind][0]
        return self._city_or_admin(by_kind, prefer=None)

    def _dominant(self, best: Candidate, same_kind: list[Candidate]) -> bool:
        """Whether `best` stands out among the same-named places of its kind: no other one far
        from it comes within DOMINANCE times its population."""
        here = self.coordinates(best)
        for other in same_kind:
            if other is best or other.population * DOMINANCE <= best.population:
                continue
            there = self.coordinates(other)
            if here is None or there is None or haversine_km(*here, *there) > COMPOUND_KM:
                return False
        return True

    def _in_context(self, c: Candidate, ctx: Context) -> bool:
        if ctx.countries and not any(k in ctx.countries for k in self.countries_of(c)):
            return False
        return not ctx.admins or c.kind in ("country", "curated") or self.in_admins(c, ctx.admins)

    def _city_or_admin(
        self, by_kind: dict[str, list[Candidate]], prefer: str | None
    ) -> Candidate | None:
        """A town over the same-named district or province that contains it ("Kandahar"), or when
        it is large; otherwise the district or province ("Kurram", "Punjab")."""
        cities = by_kind.get("city", [])
        admins = by_kind.get("admin1", []) + by_kind.get("admin2", [])
        if prefer in ("admin1", "admin2"):
            return (by_kind.get(prefer) or admins or cities)[0]
        if not admins or prefer == "city" and cities:
            return cities[0] if cities else None
        if not cities:
            return admins[0]
        city, admin = cities[0], admins[0]
        refs = {a.ref for a in admins}
        inside = self.t.city_admin1[city.ref] in refs or self.t.city_admin2[city.ref] in refs
        if inside or city.population >= PROMINENT or not self.has_coordinates(admin):
            return city
        return admin

    def _curated_fits(self, cands: list[Candidate], hint: Level) -> bool:
        return hint == "city" or hint in {self.curated[c.ref].kind for c in cands}

    def _close(self, reading: Reading, c: Candidate) -> bool:
        t = self.t
        if c.kind == "city":
            name = t.city_name[c.ref]
        elif c.kind in ("admin1", "admin2"):
            name = t.sub_name[c.ref]
        else:
            return True
        return fuzz.ratio(reading.key, fold(name)) >= LOOSE_ABROAD_CUTOFF

    def _well_known(self, c: Candidate) -> bool:
        return c.kind in ("country", "admin1") or (c.kind == "city" and c.population >= PROMINENT)

    def prominent(self, c: Candidate) -> bool:
        return (
            c.kind in ("country", "curated")
            or (c.kind == "admin1" and c.population >= ABROAD_ADMIN1)
            or (c.kind == "city" and c.population >= ABROAD_CITY)
        )

    # ---- fuzzy ----

    def _prefixed(self, reading: Reading, ctx: Context) -> Match | None:
        """A short form of a longer official name: "Ecatepec" for "Ecatepec de Morelos",
        "Acapulco" for "Acapulco de Juarez" (inside the hinted areas, else the context countries)."""
        if len(reading.key) < 5:
            return None
        head = reading.key + " "
        for country in ctx.countries:
            pool = (
                self._admin_pool(country, ctx.admins) if ctx.admins else self.ix.fuzzy_pool(country)
            )
            starts = [self.ix.decode(code) for code in pool.starting(head)]
            if starts and (best := self.choose(starts, reading.hint, ctx)) is not None:
                return Match(best, reading)
        return None

    def _fuzzy(self, reading: Reading, ctx: Context) -> Match | None:
        """A close spelling inside the hinted admin areas. Country-wide, on ACLED's notes, fuzzy
        matches were right only one time in three (Basira -> Basir, Napula -> Nampula), so
        without an admin hint there is no fuzzy stage."""
        if len(reading.key) < 5 or not ctx.admins:
            return None
        if strip_generic(reading.key)[0] != reading.key:
            return None  # "nabha district" is close to "narowal district" by its generic word
        for country in ctx.countries:
            pool = self._admin_pool(country, ctx.admins)
            hits = process.extract(
                reading.key, pool.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=20
            )
            # a transliteration keeps the first letter: "Radhan" is not "Kadhan"
            hits = [h for h in hits if h[0][:1] == reading.key[:1]]
            if not hits:
                continue
            top = max(score for _, score, _ in hits)
            cands = [self.ix.decode(pool.codes[i]) for _, score, i in hits if score == top]
            best = self.choose(cands, reading.hint, ctx)
            if best is not None:
                return Match(best, reading)
        return None

    def _admin_pool_uncached(self, country: int, admins: frozenset[int]) -> Pool:
        """The names (and row codes) of a country's places inside the hinted admin areas."""
        whole = self.ix.fuzzy_pool(country)
        keys, codes = whole.keys, whole.codes
        t = self.t
        city_a1, city_a2, parent = t.city_admin1, t.city_admin2, t.sub_parent
        # the test of `in_admins`, inlined on row codes: this runs over every place of a country
        inside = [
            i
            for i, code in enumerate(codes)
            if (
                (city_a1[code] in admins or city_a2[code] in admins)
                if code >= 0
                else (-1 - code in admins or parent[-1 - code] in admins)
            )
        ]
        return Pool([keys[i] for i in inside], array("i", (codes[i] for i in inside)))

    # ---- context ----

    def admin_rows(
        self, hint: str, countries: tuple[int, ...], exact: bool = False
    ) -> frozenset[int]:
        """The admin1 (else admin2) rows a hint may mean, within the context countries: by exact or
        loose name, else by token-set similarity ("Bogota, D.C." ~ "Distrito Capital de Bogotá");
        with `exact`, by exact name only."""
        return self._admin_rows(hint, countries, exact)

    def _admin_rows_uncached(
        self, hint: str, countries: tuple[int, ...], exact: bool
    ) -> frozenset[int]:
        options = readings(hint)[:2]
        for loose in (False,) if exact else (False, True):
            for level in ("admin1", "admin2"):
                out = {
                    c.ref
                    for reading in options
                    for c in self.ix.candidates(reading.key, hint, loose)
                    if c.kind == level and (not countries or c.country in countries)
                }
                if out:
                    return frozenset(out)
        if exact or not countries or not options:
            return frozenset()
        # "Aljfara": an Arabic article written on to the name (Al Jafarah)
        key, out = _GLUED_ARTICLE.sub(r"\1 \2", options[0].key), set()
        for c in countries:
            rows, names = self._admin1_names(c)
            hits = process.extract(
                key, names, scorer=fuzz.token_set_ratio, score_cutoff=ADMIN1_HINT_CUTOFF, limit=None
            )
            out.update(rows[i] for _, _, i in hits)
        return frozenset(out)

    def _admin1_names_uncached(self, country: int) -> tuple[list[int], list[str]]:
        """A country's provinces' folded names and aliases, folded once: a province row per name."""
        t = self.t
        rows: list[int] = []
        names: list[str] = []
        for i in self.ix.admin1_by_country.get(country, ()):
            for n in (t.sub_name[i], *t.sub_aliases[i]):
                rows.append(i)
                names.append(fold(n))
        return rows, names

    def in_admins(self, c: Candidate, admins: frozenset[int]) -> bool:
        if c.kind == "city":
            return self.t.city_admin1[c.ref] in admins or self.t.city_admin2[c.ref] in admins
        if c.kind in ("admin1", "admin2"):
            return c.ref in admins or self.t.sub_parent[c.ref] in admins
        return False

    def countries_of(self, c: Candidate) -> tuple[int, ...]:
        if c.kind != "curated":
            return (c.country,)
        idx = self.ix.country_by_name
        return tuple(idx[k] for k in map(fold, self.curated[c.ref].countries) if k in idx)

    def admin1_of(self, c: Candidate) -> int:
        if c.kind == "city":
            return self.t.city_admin1[c.ref]
        if c.kind == "admin1":
            return c.ref
        if c.kind == "admin2":
            return self.t.sub_parent[c.ref]
        return -1

    def has_coordinates(self, c: Candidate) -> bool:
        return self.coordinates(c) is not None or c.kind == "country"

    def coordinates(self, c: Candidate) -> tuple[float, float] | None:
        if c.kind == "city":
            return self.t.city_point(c.ref)
        if c.kind in ("admin1", "admin2"):
            override = self.ix.sub_override.get(c.ref)
            if override is not None:
                row = self.curated[override]
                if row.latitude is not None and row.longitude is not None:
                    return row.latitude, row.longitude
            point = self.t.sub_point(c.ref)
            seat = self.ix.seats.get(c.ref) if point is None else None
            if seat is not None:  # no town inside it: the town of its name, its likely seat
                return self.t.city_point(seat)
            return point
        if c.kind == "curated":
            row = self.curated[c.ref]
            if row.latitude is not None and row.longitude is not None:
                return row.latitude, row.longitude
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))
