"""DATE/TIME phrases of news text -> (date, DatePrecision), anchored on the publication date.

`resolve_date` reads a phrase as spaCy's NER finds it ("on Thursday", "a late Saturday night",
"the previous day", "October 10", "On 9 May 2020", "this week"). Fast rules run first: relative
phrases from `resources/dates_relative.tsv`, weekdays, explicit day-month(-year), month, year and
"N days ago". What they do not cover goes to dateparser (languages=en, RELATIVE_BASE = the
publication date at noon, PREFER_DATES_FROM=current_period, PREFER_DAY_OF_MONTH=first).

Conventions (STACK.md §4; the eval matches dates within one day):
- News is past tense: a weekday is the most recent one on or before publication ("on Thursday"
  in a Thursday article is that day; "last Thursday" is a week back); a date without a year is
  the most recent one not after publication + 1 day. Nothing after publication + 1 day is
  returned: None rather than a future guess.
- "the previous day", "the next day", "N days earlier" count from `anchor` (the date of the event
  the sentence refers back to), which defaults to the publication date.
- A week is represented by a day in it ("this week" = the publication date, "last week" = seven
  days earlier, a weekend = its Saturday), a month by its first day, a year by 1 January.
- Without a publication date only absolute dates that carry a year are resolved.
- Durations and ages ("two decades", "three days", "24 hours", "years") and clock times alone
  ("10 a.m.") are not dates: None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from sitrep.extract.numbers import parse_count
from sitrep.models import DatePrecision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["DateRulesError", "resolve_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"

_CLOCK = re.compile(
    r"\b(?:at\s+|around\s+|about\s+|by\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)"
    r"|\d{1,2}:\d{2}(?:\s*hrs?)?|\d{4}\s*(?:hrs?|hours|gmt|utc))(?!\w)"
    r"|\b(?:at\s+)?(?:noon|midday|midnight|dawn|dusk)\b|\b(?:local\s+time|gmt|utc|ist|pkt)\b"
)
_PREFIX = re.compile(
    r"^(?:on|in|at|during|around|about|approximately|circa|since|from|starting|beginning|as\s+of"
    r"|as\s+early\s+as|sometime|some\s+time|late|early|earlier|earlier\s+on|later\s+on|mid|a\s+late"
    r"|an\s+early|(?:the\s+)?(?:night|morning|evening|afternoon|early\s+hours|small\s+hours)\s+of)"
    r"(?:\s+|-)"
)
_SUFFIX = re.compile(
    r"(?:\s+|-)(?:morning|afternoon|evening|night|overnight|hours)(?:'s)?$|'s$|\s+(?:last|local)$"
)
_WEEKDAY_RULE = re.compile(rf"(?:(?P<last>last|past|this\s+past|previous)\s+)?(?P<wd>{_WEEKDAY})")
_DMY = re.compile(rf"(?:the\s+)?{_DAY}\s*(?:of\s+)?{_MONTH}(?:,?\s*{_YEAR})?")
_MDY = re.compile(rf"{_MONTH}\s*(?:the\s+)?{_DAY}(?:,?\s*{_YEAR})?")
_ISO = re.compile(r"(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})")
_DAY_RANGE = re.compile(
    rf"(?:between\s+)?{_MONTH}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and|until)\s*"
    rf"(?P<end>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*{_YEAR})?"
    rf"|(?:between\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and|until)\s*"
    rf"(?P<end2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?(?:,?\s*(?P<year2>(?:1[89]|20|21)\d\d))?"
)
_MONTH_RULE = re.compile(rf"(?:the\s+)?(?:month\s+of\s+)?{_MONTH}(?:,?\s*(?:of\s+)?{_YEAR})?")
_YEAR_RULE = re.compile(rf"(?:the\s+)?(?:year\s+)?{_YEAR}")
_ORDINAL_DAY = re.compile(r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)")
_AGO = re.compile(
    r"(?P<n>[\w-]+(?:\s+[\w-]+)?)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?P<dir>ago|back|earlier|before|prior|later|after|on)"
)
_DURATION = re.compile(
    r"(?:the\s+)?(?:(?:past|last|next|previous|first|coming|following|recent|several|few|many"
    r"|a\s+few|a\s+couple\s+of|couple\s+of|nearly|almost|about|around|over|more\s+than|some"
    r"|at\s+least|up\s+to)\s+)*(?:(?:[\d.,]+|[a-z]+(?:-[a-z]+)?)(?:\s+|-))?"
    r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|seconds?|centuries|century"
    r"|nights?)(?:\s+(?:of|in|long|old|now|running))?"
    r"|(?:the\s+)?(?:'|\d\d)?\d0s|recently|recent\s+(?:days|weeks|months|years)"
)
_FUTURE = re.compile(r"\b(?:tomorrow|next|coming|upcoming|later\s+this|later\s+in)\b")
_DATE_WORD = re.compile(
    r"\b(?:" + "|".join(_MONTHS) + "|" + "|".join(_WEEKDAYS) + r"|today|tonight|yesterday|ago"
    r"|week|weekend|month|year|night|morning|afternoon|evening)\b"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\b(?:1[89]|20)\d\d\b"
)


class DateRulesError(ValueError):
    """A row of `resources/dates_relative.tsv` is malformed."""


@dataclass(frozen=True, slots=True)
class _Relative:
    base: str  # published | anchor
    unit: str  # day | week | month | year | weekend
    offset: int
    precision: DatePrecision


@cache
def _relative_table() -> dict[str, _Relative]:
    name = "dates_relative.tsv"
    text = resources.files("sitrep.extract").joinpath("resources", name).read_text("utf-8")
    table: dict[str, _Relative] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for lineno, line in enumerate(rows[1:], 2):
        cells = [c.strip() for c in line.split("\t")]
        try:
            phrase, base, unit, offset, precision = cells
            if base not in ("published", "anchor"):
                raise ValueError(f"base {base!r}")
            if unit not in ("day", "week", "month", "year", "weekend"):
                raise ValueError(f"unit {unit!r}")
            table[" ".join(phrase.split())] = _Relative(
                base, unit, int(offset), DatePrecision(precision)
            )
        except ValueError as exc:
            raise DateRulesError(f"{name}: row {lineno}: {exc}") from exc
    return table


@lru_cache(maxsize=16384)
def _normalise(phrase: str) -> str:
    text = phrase.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text).lower()
    text = _CLOCK.sub(" ", text)
    text = re.sub(r"[\"\u201c\u201d]", " ", text)
    return " ".join(text.split()).strip(" ,.;:!?-")


def _strip_prefixes(text: str) -> str:
    while True:
        stripped = _PREFIX.sub("", text, count=1).strip(" ,")
        if stripped == text:
            return text
        text = stripped


def _strip_suffixes(text: str) -> str:
    while True:
        stripped = _strip_prefixes(_SUFFIX.sub("", text, count=1).strip(" ,"))
        if stripped == text:
            return text
        text = stripped


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _shift(base: date, unit: str, offset: int) -> date:
    if unit == "day":
        return base + timedelta(days=offset)
    if unit == "week":
        return base + timedelta(weeks=offset)
    if unit == "month":
        return _add_months(base, offset)
    if unit == "year":
        return date(base.year + offset, 1, 1)
    # weekend: its Saturday, the most recent on or before base (a Sunday gives the day before)
    return base - timedelta(days=(base.weekday() - 5) % 7)


def _latest(month: int, day: int, limit: date) -> date | None:
    """The latest month-day on or before `limit`, within eight years (29 February)."""
    for year in range(limit.year, limit.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


#: named days a report dates by, the latest on or before publication ("on Easter Sunday")
_FIXED_FEASTS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
}
#: days counted from Easter Sunday (Western churches)
_EASTER_FEASTS = {
    "easter": 0,
    "easter sunday": 0,
    "easter day": 0,
    "easter monday": 1,
    "holy saturday": -1,
    "good friday": -2,
    "maundy thursday": -3,
    "holy thursday": -3,
    "palm sunday": -7,
}


def names_feast_day(phrase: str) -> bool:
    """Whether a phrase is a named day ("Easter Sunday"), which the model may call a facility
    or an event rather than a date."""
    text = _strip_prefixes(_normalise(phrase)).removeprefix("the ")
    return text in _FIXED_FEASTS or text in _EASTER_FEASTS


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _feast_day(text: str, published: date) -> date | None:
    if (fixed := _FIXED_FEASTS.get(text)) is not None:
        return _latest(*fixed, published)
    if (offset := _EASTER_FEASTS.get(text)) is not None:
        for year in (published.year, published.year - 1):
            day = _easter(year) + timedelta(days=offset)
            if day <= published:
                return day
    return None


def _explicit(text: str, published: date | None) -> tuple[date, DatePrecision] | None:
    """Day-month(-year), ranges, month(-year), a year, "the 10th"; None when no rule fits."""
    limit = published  # past-tense news: never a date after publication
    for rule in (_DAY_RANGE, _DMY, _MDY, _ISO):
        m = rule.fullmatch(text)
        if m is None:
            continue
        groups = m.groupdict()
        if groups.get("iso_y"):
            year, month, day = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
        else:
            year_text = groups.get("year") or groups.get("year2")
            year = int(year_text) if year_text else None
            month = _MONTHS[(groups.get("month") or groups["month2"]).rstrip(".")]
            day = int(groups.get("day") or groups["day2"])
        precision = DatePrecision.DAY
        end = groups.get("end") or groups.get("end2")
        if end is not None:
            span = int(end) - day
            if span < 0:
                return None
            precision = DatePrecision.DAY if span <= 1 else DatePrecision.WEEK
            if span > 7:
                precision = DatePrecision.MONTH
        if year is None:
            if limit is None:
                return None
            found = _latest(month, day, limit)
            return (found, precision) if found else None
        try:
            return date(year, month, day), precision
        except ValueError:
            return None
    m = _MONTH_RULE.fullmatch(text)
    if m is not None:
        month = _MONTHS[m["month"].rstrip(".")]
        if m["year"]:
            return date(int(m["year"]), month, 1), DatePrecision.MONTH
        if limit is None:
            return None
        year = limit.year if date(limit.year, month, 1) <= limit else limit.year - 1
        return date(year, month, 1), DatePrecision.MONTH
    m = _YEAR_RULE.fullmatch(text)
    if m is not None:
        return date(int(m["year"]), 1, 1), DatePrecision.YEAR
    m = _ORDINAL_DAY.fullmatch(text)
    if m is not None and limit is not None:
        for back in range(3):
            first = _add_months(limit, -back)
            try:
                candidate = date(first.year, first.month, int(m["day"]))
            except ValueError:
                continue
            if candidate <= limit:
                return candidate, DatePrecision.DAY
    return None


def _weekday(text: str, published: date) -> tuple[date, DatePrecision] | None:
    m = _WEEKDAY_RULE.fullmatch(text)
    if m is None:
        return None
    delta = (published.weekday() - _WEEKDAYS[m["wd"].rstrip(".")]) % 7
    if m["last"] and delta == 0:
        delta = 7  # "last Thursday" in a Thursday article
    return published - timedelta(days=delta), DatePrecision.DAY


def _ago(text: str, published: date, anchor: date) -> tuple[date, DatePrecision] | None:
    m = _AGO.fullmatch(text)
    if m is None:
        return None
    count = parse_count(m["n"])
    if count is None or count.approx or count.low is None or count.low != count.high:
        return None
    n = count.low
    if n > 3650:
        return None
    sign = 1 if m["dir"] in ("later", "after", "on") else -1
    base = published if m["dir"] in ("ago", "back") else anchor
    unit = m["unit"].rstrip("s")
    precision = {"day": DatePrecision.DAY, "week": DatePrecision.WEEK}.get(unit)
    precision = precision or (DatePrecision.MONTH if unit == "month" else DatePrecision.YEAR)
    return _shift(base, unit, sign * n), precision


@lru_cache(maxsize=256)
def _parser(published: date) -> DateDataParser:
    from dateparser.date import DateDataParser  # imported on first use: a slow import

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day, 12),
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


_PERIODS = {
    "time": DatePrecision.DAY,
    "part_of_day": DatePrecision.DAY,
    "day": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}


def _dateparser(text: str, published: date | None) -> tuple[date, DatePrecision] | None:
    if not _DATE_WORD.search(text):
        return None  # dateparser reads "a 2" or "the 1990s" as dates; we need a date word
    if published is None:
        # Only what carries its own year; a fixed base keeps a missing part from leaking in.
        if not re.search(r"\b(?:1[89]|20)\d\d\b", text):
            return None
        base = date(2000, 1, 1)
    else:
        base = published
    try:
        data = _parser(base).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on junk; a phrase is not worth a crash
        return None
    if data is None or data.date_obj is None:
        return None
    precision = _PERIODS.get(data.period or "day", DatePrecision.DAY)
    found = data.date_obj.date()
    if precision is DatePrecision.MONTH:
        found = found.replace(day=1)
    elif precision is DatePrecision.YEAR:
        found = date(found.year, 1, 1)
    return found, precision


@lru_cache(maxsize=16384)
def _resolve(
    text: str, published: date | None, anchor: date | None
) -> tuple[date, DatePrecision] | None:
    text = _strip_prefixes(text)
    table = _relative_table()
    for candidate in (text, _strip_suffixes(text)):
        rule = table.get(candidate)
        if rule is not None:
            base = anchor if rule.base == "anchor" else published
            if base is None:
                return None
            return _shift(base, rule.unit, rule.offset), rule.precision
    text = _strip_suffixes(text)
    if published is not None and (feast := _feast_day(text, published)) is not None:
        return feast, DatePrecision.DAY  # before the duration test: "christmas day" is no span
    if not text or _DURATION.fullmatch(text):
        return None
    if published is not None and anchor is not None:
        found = _weekday(text, published) or _ago(text, published, anchor)
        if found is not None:
            return found
    if _FUTURE.search(text):
        return None
    # A weekday beside an explicit date adds nothing: "Thursday, October 16".
    without_weekday = re.sub(rf"\b{_WEEKDAY}(?:,\s*|\s+)(?=\S)", "", text).strip(" ,")
    found = _explicit(without_weekday, published)
    if found is None:
        if _WEEKDAY_RULE.fullmatch(text) or _AGO.fullmatch(text):
            return None  # relative, and no publication date to anchor it
        found = _dateparser(text, published)
    return found


def resolve_date(
    phrase: str, published: date | None, anchor: date | None = None
) -> tuple[date, DatePrecision] | None:
    """The date a DATE/TIME phrase refers to, with its precision; None when it names no date.

    `published` is the article's date (relative phrases need it). `anchor` is the date that
    "the previous day", "the next day" or "two days earlier" count from: the date of the event the
    sentence refers back to; it defaults to `published`. A result after publication + 1 day is
    never returned.
    """
    text = _normalise(phrase)
    if not text:
        return None
    found = _resolve(text, published, anchor if anchor is not None else published)
    if found is None:
        return None
    if published is not None and found[0] > published + timedelta(days=1):
        return None
    return found
