"""sitrep.extract.dates: DATE/TIME phrases anchored on the publication date (STACK.md §4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.dates import resolve_date
from sitrep.models import DatePrecision

DAY, WEEK, MONTH, YEAR = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
)
THURSDAY = date(2025, 10, 16)
SUNDAY = date(2025, 10, 12)


# STACK.md §4, base 2025-10-16 (a Thursday), and the other phrases of the brief.
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Wednesday afternoon", (date(2025, 10, 15), DAY)),
        ("the previous day", (date(2025, 10, 15), DAY)),
        ("on Thursday", (date(2025, 10, 16), DAY)),
        ("October 10", (date(2025, 10, 10), DAY)),
        ("Saturday night", (date(2025, 10, 11), DAY)),
        ("a late Saturday night", (date(2025, 10, 11), DAY)),
        ("Thursday morning", (date(2025, 10, 16), DAY)),
        ("this week", (date(2025, 10, 16), WEEK)),
        ("starting October 10", (date(2025, 10, 10), DAY)),
        ("last week", (date(2025, 10, 9), WEEK)),
        ("last Thursday", (date(2025, 10, 9), DAY)),
        ("yesterday", (date(2025, 10, 15), DAY)),
        ("today", (date(2025, 10, 16), DAY)),
        ("tonight", (date(2025, 10, 16), DAY)),
        ("last night", (date(2025, 10, 15), DAY)),
        ("three days ago", (date(2025, 10, 13), DAY)),
        ("earlier this month", (date(2025, 10, 1), MONTH)),
        ("this month", (date(2025, 10, 1), MONTH)),
        ("in October", (date(2025, 10, 1), MONTH)),
        ("in November", (date(2024, 11, 1), MONTH)),  # no year: the latest November so far
        ("2021", (date(2021, 1, 1), YEAR)),
        ("since 2021", (date(2021, 1, 1), YEAR)),
        ("10 October", (date(2025, 10, 10), DAY)),
        ("Oct. 10", (date(2025, 10, 10), DAY)),
        ("October 10, 2025", (date(2025, 10, 10), DAY)),
        ("Thursday, October 16", (date(2025, 10, 16), DAY)),
        ("October 17", (date(2024, 10, 17), DAY)),  # never after publication: the year before
        ("October 18", (date(2024, 10, 18), DAY)),  # later than that: the year before
        ("Thursday at 10 a.m.", (date(2025, 10, 16), DAY)),
        ("the early hours of Saturday", (date(2025, 10, 11), DAY)),
        ("the weekend", (date(2025, 10, 11), WEEK)),
        ("10/10/2025", (date(2025, 10, 10), DAY)),  # dateparser's territory
    ],
)
def test_resolve_on_a_thursday(phrase: str, expected: tuple[date, DatePrecision]) -> None:
    assert resolve_date(phrase, THURSDAY) == expected


@pytest.mark.parametrize(
    "phrase", ["late Saturday night", "Saturday night", "On a late Saturday night", "on Saturday"]
)
def test_saturday_night_read_on_sunday_is_yesterday(phrase: str) -> None:
    assert resolve_date(phrase, SUNDAY) == (date(2025, 10, 11), DAY)


@pytest.mark.parametrize("phrase", ["On 9 May 2020", "Around 9 May 2020 (as reported)"])
def test_acled_dates(phrase: str) -> None:
    assert resolve_date(phrase, date(2020, 5, 9)) == (date(2020, 5, 9), DAY)


def test_anaphora_counts_from_the_anchor() -> None:
    anchor = date(2025, 10, 11)
    assert resolve_date("the previous day", THURSDAY, anchor=anchor) == (date(2025, 10, 10), DAY)
    assert resolve_date("the day before", THURSDAY, anchor=anchor) == (date(2025, 10, 10), DAY)
    assert resolve_date("a day earlier", THURSDAY) == (date(2025, 10, 15), DAY)
    assert resolve_date("two days later", THURSDAY, anchor=anchor) == (date(2025, 10, 13), DAY)
    assert resolve_date("the next day", THURSDAY) == (date(2025, 10, 17), DAY)  # + 1 tolerated
    assert resolve_date("three days later", THURSDAY) is None  # the future


@pytest.mark.parametrize(
    "phrase",
    [
        "two decades",
        "nearly two decades",
        "three days",
        "24 hours",
        "the past 24 hours",
        "years",
        "recent days",
        "the 1990s",
        "10 a.m.",
        "next Saturday",
        "tomorrow",
        "2026",
        "October 10, 2026",
        "",
        "a 2",
    ],
)
def test_not_a_past_date(phrase: str) -> None:
    assert resolve_date(phrase, THURSDAY) is None


@pytest.mark.parametrize(
    "phrase", ["on Thursday", "the previous day", "yesterday", "this week", "October 10", "in May"]
)
def test_without_publication_date_relative_stays_unresolved(phrase: str) -> None:
    assert resolve_date(phrase, None) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("9 May 2020", (date(2020, 5, 9), DAY)),
        ("May 9, 2020", (date(2020, 5, 9), DAY)),
        ("October 2024", (date(2024, 10, 1), MONTH)),
        ("2021", (date(2021, 1, 1), YEAR)),
    ],
)
def test_without_publication_date_absolute_resolves(
    phrase: str, expected: tuple[date, DatePrecision]
) -> None:
    assert resolve_date(phrase, None) == expected


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PREFIXES = ["", "on ", "late ", "early ", "a late ", "late on ", "last ", "On ", "this past "]
_SUFFIXES = ["", " morning", " afternoon", " evening", " night", " night's"]
_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@given(_DAYS, st.sampled_from(_PREFIXES), st.sampled_from(range(7)), st.sampled_from(_SUFFIXES))
def test_weekday_is_within_the_week_before_publication(
    published: date, prefix: str, weekday: int, suffix: str
) -> None:
    found = resolve_date(prefix + _WEEKDAYS[weekday] + suffix, published)
    assert found is not None
    day, precision = found
    assert precision is DAY
    assert day.weekday() == weekday
    back = (published - day).days
    if prefix.strip().lower() in ("last", "this past"):
        assert 1 <= back <= 7
    else:
        assert 0 <= back <= 6


@given(_DAYS, st.integers(1, 12), st.integers(1, 31))
def test_month_day_without_year_is_never_after_publication_plus_one(
    published: date, month: int, day: int
) -> None:
    phrase = date(2000, month, 1).strftime("%B") + f" {day}"
    found = resolve_date(phrase, published)
    if found is not None:
        assert found[0] <= published + timedelta(days=1)
        assert (found[0].month, found[0].day) == (month, day)


@settings(max_examples=200)
@given(st.text(max_size=40), st.one_of(st.none(), _DAYS))
def test_random_text_never_raises(text: str, published: date | None) -> None:
    found = resolve_date(text, published)
    if found is not None and published is not None:
        assert found[0] <= published + timedelta(days=1)


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("Easter Sunday", date(2019, 4, 22), date(2019, 4, 21)),
        ("on Good Friday", date(2024, 4, 2), date(2024, 3, 29)),
        ("Easter Monday", date(2021, 4, 10), date(2021, 4, 5)),
        # the latest one on or before publication
        ("Easter", date(2020, 3, 1), date(2019, 4, 21)),
        ("Christmas Day", date(2019, 1, 3), date(2018, 12, 25)),
        ("New Year's Eve", date(2020, 1, 1), date(2019, 12, 31)),
    ],
)
def test_named_feast_days(phrase: str, published: date, expected: date) -> None:
    assert resolve_date(phrase, published) == (expected, DatePrecision.DAY)
