"""Place-name normalisation: one folded key per name, the admin level its generic words hint at,
and the fall-back readings of a query (parenthesised part, hyphenated parts)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from unidecode import unidecode

Level = Literal["city", "admin1", "admin2"]

MAX_QUERY_CHARS = 120  # no place name is longer; longer input is prose, not a name
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc\u02bb\u00b4.]")
_PARENS = re.compile(r"^(?P<main>[^()]*)\((?P<inner>[^()]*)\)\s*$")
_DASHES = re.compile(r"\s*[-\u2010-\u2015/]\s*")

# Generic words: stripped for matching, kept as a hint of the admin level meant.
_TRAILING: dict[str, Level | None] = {
    "district": "admin2",
    "districts": "admin2",
    "agency": "admin2",
    "tehsil": "admin2",
    "subdistrict": "admin2",
    "sub district": "admin2",
    "municipality": "admin2",
    "municipal district": "admin2",
    "raion": "admin2",
    "rayon": "admin2",
    "county": "admin2",
    "local government area": "admin2",
    "lga": "admin2",
    "commune": "admin2",
    "province": "admin1",
    "governorate": "admin1",
    "state": "admin1",
    "region": "admin1",
    "oblast": "admin1",
    "wilaya": "admin1",
    "department": "admin1",
    "prefecture": "admin1",
    "city": "city",
    "town": "city",
    "village": "city",
    "area": None,
    "areas": None,
    "front": None,
    "frontline": None,
    # units below a district, which GeoNames rarely has: the name is that of their town
    "township": None,
    "subdivision": None,
    "sub division": None,
    "locality": None,
    "upazila": None,
    "taluka": None,
    "mandal": None,
    "block": None,
    "woreda": None,
    "boma": None,
    "payam": None,
    "neighbourhood": None,
    "neighborhood": None,
}
_LEADING: dict[str, Level | None] = {
    "state of": "admin1",
    "province of": "admin1",
    "governorate of": "admin1",
    "region of": "admin1",
    "district of": "admin2",
    "municipality of": "admin2",
    "municipio de": "admin2",
    "estado de": "admin1",
    "departamento de": "admin1",
    "provincia de": "admin1",
    "city of": "city",
    "town of": "city",
    "village of": "city",
    "the": None,
}
_ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et"}
)
#: Arabic ʿayn ("spring"), written Ein, Ain or Ayn: "Ein Issa" is GeoNames' "‘Ayn ‘Īsá"
_AYN = frozenset({"ein", "ayn", "ain", "ayin"})
_LOOSE_SUBS = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("iy", "i"),
    ("dh", "d"),
    ("th", "d"),  # Arabic dhal as "th": "Thi Qar" for Dhi Qar, "Thamar" for Dhamar
    ("qua", "qa"),  # "Quamishli" for Qamishli
    ("q", "k"),
    ("-", ""),
)


_ASCII_PUNCT = str.maketrans(
    {c: " " for c in '!"#$%&()*+,-/:;<=>?@[\\]^_{|}~\t\n\r'} | {"'": None, "`": None, ".": None}
)
_VOWELS = str.maketrans({"e": "i", "o": "u", "y": "i"})


def fold(text: str) -> str:
    """The matching form of a name: ASCII, lower case, apostrophes and dots dropped, other
    punctuation as spaces ("Ma'arrat al-Nu'man" -> "maarrat al numan", "U.S." -> "us")."""
    if not text.isascii():
        text = _APOSTROPHES.sub("", unidecode(unicodedata.normalize("NFKC", text)))
        return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip().lower()
    return " ".join(text.translate(_ASCII_PUNCT).lower().split())


def loose_key(key: str) -> str:
    """A looser key for transliteration variants: articles, spaces and doubled letters dropped,
    e/i, o/u and y/i merged, a final -ah/-eh/-a/-e made one, Ein/Ain/Ayn made one word ("al
    khalidiyah", "Al-Khaldiya" and "Idleb"/"Idlib" meet)."""
    words = key.split()
    kept = [w for w in words if w not in _ARTICLES] or words
    s = "".join("ain" if w in _AYN else w for w in kept)
    for a, b in _LOOSE_SUBS:
        if a in s:
            s = s.replace(a, b)
    s = "".join(ch for ch, _ in groupby(s.translate(_VOWELS)))  # doubled letters once
    if s.endswith(("ah", "ih")):
        s = s[:-1]
    if s.endswith("i") and len(s) > 3:
        s = s[:-1] + "a"  # -iya / -iye / -iyah endings
    return s


_TRAILING_WORDS = {tuple(k.split()): (len(k.split()), v) for k, v in _TRAILING.items()}
_LEADING_WORDS = {tuple(k.split()): (len(k.split()), v) for k, v in _LEADING.items()}


def strip_generic(key: str) -> tuple[str, Level | None]:
    """A folded key without its generic words, and the level they hint at
    ("mohmand district" -> ("mohmand", "admin2")); the key itself when nothing is left."""
    words = key.split()
    hint: Level | None = None
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in (3, 2, 1):
            if len(words) > n and (hit := _LEADING_WORDS.get(tuple(words[:n]))):
                words, hint, changed = words[n:], hint or hit[1], True
                break
        for n in (3, 2, 1):
            if len(words) > n and (hit := _TRAILING_WORDS.get(tuple(words[-n:]))):
                words, hint, changed = words[:-n], hint or hit[1], True
                break
    return (" ".join(words), hint) if words else (key, None)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a query: the folded key, the level its words hint at, and whether the key is
    only a part of the query (so the answer is approximate: ACLED's "near", geo_precision 2)."""

    key: str
    hint: Level | None
    partial: bool = False


def readings(name: str) -> list[Reading]:
    """The readings of a raw name, best first: as written; without generic words; the part before
    and inside parentheses; the parts of a hyphenated compound, most specific (last) first."""
    if not name or len(name) > MAX_QUERY_CHARS:
        return []
    out: list[Reading] = []

    def add(raw: str, partial: bool) -> None:
        key = fold(raw)
        if not key or len(key) < 2 or key.isdigit():
            return
        core, hint = strip_generic(key)
        for reading in (Reading(key, hint, partial), Reading(core, hint, partial)):
            if reading.key not in {r.key for r in out}:
                out.append(reading)

    add(name, partial=False)
    if m := _PARENS.match(name):
        add(m["main"], partial=False)
        add(m["inner"], partial=True)
    parts = [p for p in _DASHES.split(name) if p.strip()]
    if len(parts) > 1:
        for part in reversed(parts):
            # "al-Hasakeh" is one name with its article, not the village "Ål" and Hasakeh
            if fold(part) in _ARTICLES or len(fold(part)) < 3:
                continue
            add(part, partial=True)
    return out
