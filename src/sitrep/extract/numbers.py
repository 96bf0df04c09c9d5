"""Number phrases -> `Count` (FORMAT.md §3), and a fast scan of a sentence for them.

`parse_count` reads one phrase ("at least 425", "five dozen", "dozens", "20-25"); `find_counts`
finds every number phrase in a sentence with its character span. Neither decides whether a number
counts people: the casualty extractor does, from the words around it. Things that are never counts
- years, ordinals, times, dates, money, percentages, lengths and other units, durations ("two
decades") - are left out by `find_counts`.

Number words go through text2num (`alpha2digit`, threshold 0); vague plurals ("dozens",
"hundreds") are read from a table first, because text2num turns "hundreds" into 100. The tables
of qualifiers, vague quantities and multipliers are data: `resources/numbers_*.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources

from text_to_num import alpha2digit

from sitrep.models import Count

__all__ = ["NumberRulesError", "find_counts", "parse_count"]

_BOUNDS = frozenset({"min", "gt", "max", "lt", "approx"})

# fmt: off
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "thousand", "million", "billion",
)
# fmt: on
_WORD = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
# "and" only after a scale word: "two hundred and five", never "two and three".
_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
_WORDNUM = rf"\b{_WORD}(?:(?:{_AFTER_SCALE}\s+and)?(?:\s+|-){_WORD})*\b"
# 1,234,567 | 1,00,000 (Indian grouping) | 1234 ; optional decimals; not glued to letters.
_DIGITNUM = (
    r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?(?![\w]|[.,]\d)"
)

# fmt: off
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
)
# fmt: on
_MONTH_NAMES = _MONTHS + tuple(m.upper() for m in _MONTHS)
_MONTH = r"(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")"

# Words after a number that make it a duration, a measure, money or a time, not a count.
_TIME_UNITS = (
    r"decades?|years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|secs?"
    r"|centuries|century|ago"
)
_MEASURES = (
    r"km|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|mm|cm|millimet(?:er|re)s?"
    r"|centimet(?:er|re)s?|feet|foot|ft|inch(?:es)?|yards?|kg|kgs|kilos?|kilograms?|grams?|tons?"
    r"|tonnes?|pounds|lbs?|lit(?:er|re)s?|acres?|hectares?|sq|square|degrees?|mph|kph|knots?"
    r"|calibre|caliber|percent|per\s+cent|dollars?|euros?|rupees?|afghanis?|yuan|rubles?|roubles?"
    r"|GMT|UTC|IST|PKT|local\s+time|o'clock|[ap]\.m\.?|[ap]m"
)
_AFTER_NOT_COUNT = re.compile(
    rf"(?:\s*-\s*|\s+of\s+|\s+)(?:{_TIME_UNITS}|{_MEASURES})\b"  # "two decades", "5 km", "3 pm"
    r"|-[^\W\d_]"  # "2,611-kilometer", "20-year-old", "three-day"
    r"|\s*(?:%|°)"
    r"|:\d"  # 10:30
    rf"|(?-i:\s+(?:of\s+)?{_MONTH}\b)",  # "9 May", "10 of October"
    re.IGNORECASE,
)
# The word before a number that makes it money, a date or a label ("Rs 500", "October 10",
# "Article 370"); checked with string operations, case-sensitively except for currencies.
_CURRENCY_SIGNS = frozenset("$€£¥₹#")
_CURRENCY_WORDS = frozenset(["rs", "usd", "us$", "inr", "pkr", "afn", "eur", "gbp", "tk", "rp"])
# fmt: off
_LABELS = frozenset((
    "No", "Nos", "Number", "Article", "Section", "Resolution", "Route", "Highway", "Road",
    "Street", "Flight", "Gate", "Block", "Sector", "Phase", "Unit", "Battalion", "Brigade",
    "Division", "Regiment", "Corps", "Squadron", "Wing", "Platoon", "Page", "Chapter",
    "Paragraph", "Para", "Level", "Grade", "Class", "Camp", "Checkpoint", "Kilometre",
    "Kilometer", "Mile", "Km", "Ward", "Zone", "Room", "Apartment", "Building", "Tower",
    "Model", "Version", "Season", "Episode", "Round", "Stage", "Part", "Vol", "Volume",
    "Tranche", "Pillar", "Post",
))
# fmt: on
_MONTH_WORDS = frozenset(_MONTH_NAMES)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_BEFORE_YEAR = re.compile(
    r"\b(?:in|since|until|till|by|from|during|before|after|of|year|early|mid|late|the|between"
    r"|and|to|through|spring|summer|autumn|fall|winter)\s+\Z|[-–]\Z",
    re.IGNORECASE,
)
_BEFORE_FROM = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
_BEFORE_NO = re.compile(
    r"\b(?:no|any|every|each|the\s+only|someone|no\s+other)\s+\Z", re.IGNORECASE
)
# An age, not a count: "aged 12", "under the age of 15", "aged between 18 and 25".
_BEFORE_AGE = re.compile(
    r"\b(?:aged?|ages)(?:\s+of)?(?:\s+(?:under|over|below|above|between|from|about|around))?\s+\Z",
    re.IGNORECASE,
)
_AFTER_ONE = re.compile(r"\s+(?:another|by\s+one|day)\b", re.IGNORECASE)


class NumberRulesError(ValueError):
    """A row of a `numbers_*.tsv` resource is malformed."""


@dataclass(frozen=True, slots=True)
class _Rules:
    qualifiers: dict[str, str]  # normalised phrase -> bound
    vague: dict[str, Count]
    scales: dict[str, tuple[int, bool]]  # word -> (factor, approx)
    atom: re.Pattern[str]  # one number, with named groups
    scan: re.Pattern[str]  # qualifier? between? atom (connector atom)?
    phrase: re.Pattern[str]  # a whole phrase, for parse_count


def _rows(name: str, width: int) -> list[list[str]]:
    text = resources.files("sitrep.extract").joinpath("resources", name).read_text("utf-8")
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise NumberRulesError(f"{name}:{lineno}: expected {width} tab-separated cells")
        rows.append([c.strip() for c in cells])
    return rows[1:]  # the header


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _alternation(phrases: list[str]) -> str:
    parts = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in _norm(p).split()) for p in parts)


@cache
def _rules() -> _Rules:
    """Load and validate the resource tables and compile the patterns, once per process."""
    qualifiers: dict[str, str] = {}
    for phrase, bound in _rows("numbers_qualifiers.tsv", 2):
        if bound not in _BOUNDS:
            raise NumberRulesError(f"numbers_qualifiers.tsv: {phrase!r}: unknown bound {bound!r}")
        qualifiers[_norm(phrase)] = bound
    vague: dict[str, Count] = {}
    for phrase, low, high, approx in _rows("numbers_vague.tsv", 4):
        try:
            count = Count(int(low), int(high) if high else None, approx == "true")
        except ValueError as exc:
            raise NumberRulesError(f"numbers_vague.tsv: {phrase!r}: {exc}") from exc
        vague[_norm(phrase)] = count
    scales: dict[str, tuple[int, bool]] = {}
    for word, factor, approx in _rows("numbers_scales.tsv", 3):
        if not factor.isdigit():
            raise NumberRulesError(f"numbers_scales.tsv: {word!r}: factor {factor!r}")
        scales[_norm(word)] = (int(factor), approx == "true")

    scale = _alternation(list(scales))
    vague_alt = _alternation(list(vague))
    qual = _alternation(list(qualifiers))
    atom = (
        rf"(?P<vague>\b(?:{vague_alt}))(?:\s+(?P<vscale>{scale}))?\b"
        rf"|(?:(?P<a>\ba)(?=\s+(?:{scale})\b)|(?P<digits>{_DIGITNUM})|(?P<words>{_WORDNUM}))"
        rf"(?:(?:\s+|-)(?P<scale>{scale})\b)?"
    )
    plain_atom = re.sub(r"\(\?P<\w+>", "(?:", atom)
    core = (
        # Fail fast inside words: a phrase starts at a letter or digit not preceded by a letter.
        rf"(?<![^\W\d_])(?=[^\W_])(?:(?P<q>\b(?:{qual}))(?:\s+|(?=\d)))?(?P<between>\bbetween\s+)?(?P<a1>{plain_atom})"
        rf"(?:(?P<conn>(?(between)\s+and\s+|(?:\s*[-–—]\s*|\s+(?:to|or)\s+)))(?P<a2>{plain_atom}))?"
    )
    return _Rules(
        qualifiers=qualifiers,
        vague=vague,
        scales=scales,
        # Case-sensitive patterns run on ASCII-lowercased text (same offsets): much faster than
        # IGNORECASE, which defeats the regex engine's first-character test on alternatives.
        atom=re.compile(atom),
        scan=re.compile(core),
        phrase=re.compile(rf"\s*{core}(?:\s+of)?[\s.,;:!?)]*"),
    )


@lru_cache(maxsize=4096)
def _words_value(words: str) -> int | None:
    digits = alpha2digit(words, "en", threshold=0).strip()
    return int(digits) if digits.isdigit() else None


@lru_cache(maxsize=4096)
def _parse_atom(text: str) -> Count | None:
    """One number without qualifier: "37", "thirty-seven", "1.2 million", "dozens", "a dozen"."""
    rules = _rules()
    m = rules.atom.fullmatch(text)
    if m is None:
        return None
    if m["vague"]:
        count = rules.vague[_norm(m["vague"])]
        if m["vscale"]:
            factor, _ = rules.scales[_norm(m["vscale"])]
            high = count.high * factor if count.high is not None else None
            count = Count(count.low * factor if count.low is not None else None, high, True)
        return count
    factor, approx = rules.scales[_norm(m["scale"])] if m["scale"] else (1, False)
    if m["a"]:
        value: Decimal | int | None = 1
    elif m["digits"]:
        try:
            value = Decimal(m["digits"].replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
            return None
    else:
        value = _words_value(m["words"])
    if value is None:
        return None
    total = value * factor
    if total != int(total):  # "1.5" on its own is not a head count
        return None
    n = int(total)
    return Count(n, n, approx)


def _qualify(count: Count, bound: str) -> Count:
    point = count.low == count.high and count.low is not None
    if bound == "approx":
        return Count(count.low, count.high, True)
    if bound == "min":
        return Count(count.point, None, count.approx)
    if bound == "gt":  # "more than 20" = 21; "more than dozens" stays at dozens' floor
        low = count.point
        return Count(low + 1 if point and low is not None else low, None, count.approx)
    top = count.high if count.high is not None else count.low
    if bound == "max":
        return Count(None, top, count.approx)
    # lt
    return Count(None, max(top - 1, 0) if top is not None else None, count.approx)


def _range(first: Count, second: Count) -> Count | None:
    """ "20-25", "between 20 and 25", "two or three": both exact points, rising."""
    if first.low is None or first.low != first.high or second.low is None:
        return None
    if second.low != second.high or second.low <= first.low:
        return None
    return Count(first.low, second.high, first.approx or second.approx)


def _combine(rules: _Rules, m: re.Match[str]) -> Count | None:
    first = _parse_atom(m["a1"])
    if first is None:
        return None
    count = first
    if m["a2"] is not None:
        second = _parse_atom(m["a2"])
        if second is None:
            return None
        ranged = _range(first, second)
        if ranged is None:
            return None
        count = ranged
    elif m["between"]:
        return None
    if m["q"]:
        count = _qualify(count, rules.qualifiers[_norm(m["q"])])
    return count


def parse_count(phrase: str) -> Count | None:
    """Read a number phrase as FORMAT.md §3 reads it; None when it is not a count.

    The phrase is the number and its qualifier as spaCy finds them around a casualty noun
    ("at least 425", "approximately five dozen", "dozens of", "20 to 25"), in any letter case.
    "a"/"an"/"a single" read as one (the implicit one of "a soldier was killed").
    """
    text = _norm(phrase)
    if text in ("a", "an", "a single", "single", "a lone", "lone"):
        return Count(1, 1, False)
    rules = _rules()
    m = rules.phrase.fullmatch(phrase.translate(_ASCII_LOWER))
    return _combine(rules, m) if m is not None else None


def _is_year(text: str, context_start: int, atom: str, qualified: bool) -> bool:
    """A bare 1800-2100 is a year ("since 2021"); qualified, it is a count ("about 2000")
    unless a temporal word precedes the qualifier ("in around 2000")."""
    if not (len(atom) == 4 and atom.isdigit() and 1800 <= int(atom) <= 2100):
        return False
    if not qualified:
        return True
    return _BEFORE_YEAR.search(text, max(0, context_start - 24), context_start) is not None


def _excluded(text: str, start: int, end: int) -> bool:
    """Is the number at text[start:end] a date part, a measure, money, a time or a label?"""
    if _AFTER_NOT_COUNT.match(text, end):
        return True
    window = text[max(0, start - 24) : start]
    if not window:
        return False
    if _BEFORE_AGE.search(window):
        return True
    last = window[-1]
    if last.isalpha() or (last in "-:" and len(window) > 1 and window[-2].isalnum()):
        return True  # MH17, F-16, COVID-19, 10:30
    tokens = window.split()
    if not tokens:
        return False
    word = tokens[-1].strip("([{\"'“")
    if word and word[-1] in _CURRENCY_SIGNS:
        return True
    word = word.rstrip(".")
    return word in _MONTH_WORDS or word in _LABELS or word.lower() in _CURRENCY_WORDS


def _read(text: str, m: re.Match[str], rules: _Rules) -> Count | None:
    """The Count of one scan match, or None when the context says it is not a count."""
    start, end = m.span()
    if _excluded(text, start, end):
        return None
    if m["a2"] is None:
        atom = m["a1"]
        if _is_year(text, start, atom, m["q"] is not None):
            return None
        if atom.lower() == "one" and (
            _BEFORE_NO.search(text, max(0, start - 16), start) or _AFTER_ONE.match(text, end)
        ):
            return None  # "no one", "one another"
    return _combine(rules, m)


def _is_range(text: str, m: re.Match[str]) -> bool:
    """Two numbers joined by "-", "to", "or", "between ... and" that make one range."""
    if _BEFORE_FROM.search(text, max(0, m.start() - 8), m.start()):
        return False  # "rose from 20 to 25": two figures
    a1, a2 = m["a1"], m["a2"]
    if _is_year(text, m.start(), a1, False) or _is_year(text, m.start("a2"), a2, False):
        return False
    first, second = _parse_atom(a1), _parse_atom(a2)
    return first is not None and second is not None and _range(first, second) is not None


def find_counts(text: str) -> list[tuple[int, int, Count]]:
    """Every number phrase in `text`: (start, end, Count), in order, spans into `text`.

    A span covers the qualifier and both ends of a range ("at least 425", "between 20 and 25").
    Years, ordinals, times, dates, money, percentages, measures and durations are skipped; "from
    20 to 25" is two numbers (a change of toll), not a range; so are "2019-2021" (years).
    """
    rules = _rules()
    found: list[tuple[int, int, Count]] = []
    lowered = text.translate(_ASCII_LOWER)
    for m in rules.scan.finditer(lowered):
        if m["a2"] is None or _is_range(text, m):
            count = _read(text, m, rules)
            if count is not None:
                found.append((m.start(), m.end(), count))
            continue
        if _AFTER_NOT_COUNT.match(text, m.end()):
            continue  # "from 20 to 25 km"
        for s, e in ((m.start(), m.end("a1")), m.span("a2")):
            piece = rules.scan.fullmatch(lowered, s, e)
            count = _read(text, piece, rules) if piece is not None else None
            if count is not None:
                found.append((s, e, count))
    return found
