"""sitrep.extract.numbers: FORMAT.md §3 numbers, and the scan that finds them in a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.numbers import find_counts, parse_count
from sitrep.models import Count


# FORMAT.md §3, row by row, plus the phrases of the brief.
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("37", Count(37, 37, False)),
        ("thirty-seven", Count(37, 37, False)),
        ("Thirty-Seven", Count(37, 37, False)),
        ("at least 425", Count(425, None, False)),
        ("more than 20", Count(21, None, False)),
        ("over 20", Count(21, None, False)),
        ("Over 20", Count(21, None, False)),
        ("up to 30", Count(None, 30, False)),
        ("about 60", Count(60, 60, True)),
        ("approximately 60", Count(60, 60, True)),
        ("nearly 60", Count(60, 60, True)),
        ("around 60", Count(60, 60, True)),
        ("some 60", Count(60, 60, True)),
        ("roughly 60", Count(60, 60, True)),
        ("five dozen", Count(60, 60, True)),
        ("approximately five dozen", Count(60, 60, True)),
        ("a dozen", Count(12, 12, True)),
        ("dozens", Count(24, None, True)),
        ("dozens of", Count(24, None, True)),
        ("scores", Count(40, None, True)),
        ("hundreds", Count(200, None, True)),
        ("thousands", Count(2000, None, True)),
        ("tens of thousands", Count(20000, None, True)),
        ("several", Count(3, None, True)),
        ("a number of", Count(3, None, True)),
        ("a handful", Count(3, None, True)),
        ("a", Count(1, 1, False)),
        ("an", Count(1, 1, False)),
        ("one", Count(1, 1, False)),
        ("two", Count(2, 2, False)),
        ("three", Count(3, 3, False)),
        ("TWO", Count(2, 2, False)),
        ("1,200", Count(1200, 1200, False)),
        ("1.2 million", Count(1_200_000, 1_200_000, False)),
        ("20-25", Count(20, 25, False)),
        ("20 to 25", Count(20, 25, False)),
        ("between 20 and 25", Count(20, 25, False)),
        ("two or three", Count(2, 3, False)),
        ("at least 16", Count(16, None, False)),
        ("less than 10", Count(None, 9, False)),
        ("fewer than 10", Count(None, 9, False)),
        ("no fewer than 5", Count(5, None, False)),
        ("two hundred and five", Count(205, 205, False)),
        ("several hundred", Count(300, None, True)),
        ("more than a dozen", Count(13, None, True)),
        ("half a dozen", Count(6, 6, True)),
        ("a hundred", Count(100, 100, False)),
        ("1,00,000", Count(100_000, 100_000, False)),
        ("2.5 lakh", Count(250_000, 250_000, False)),
    ],
)
def test_parse_count(phrase: str, expected: Count) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    ["", "soldiers", "82mm", "$5", "5%", "1st", "third", "1.5", "nearly two decades", "25 to 20"],
)
def test_parse_count_rejects_what_is_not_a_count(phrase: str) -> None:
    assert parse_count(phrase) is None


def _found(text: str) -> list[tuple[str, Count]]:
    return [(text[s:e], count) for s, e, count in find_counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "resulted in 58 Pakistani soldiers dead and 30 wounded.",
            [("58", Count(58, 58)), ("30", Count(30, 30))],
        ),
        (
            "Afghanistan reports killing approximately five dozen Pakistani soldiers",
            [("approximately five dozen", Count(60, 60, True))],
        ),
        ("Over 20 Afghan soldiers were also casualties.", [("Over 20", Count(21, None))]),
        (
            "more than 20 Afghan army personnel were either killed or wounded",
            [("more than 20", Count(21, None))],
        ),
        (
            "resulted in dozens of fatalities and hundreds of injuries on both sides.",
            [("dozens", Count(24, None, True)), ("hundreds", Count(200, None, True))],
        ),
        (
            "37 civilians were killed and at least 425 others wounded in Afghanistan",
            [("37", Count(37, 37)), ("at least 425", Count(425, None))],
        ),
        (
            "totaling at least 16 individuals across several Afghan provinces.",
            [("at least 16", Count(16, None)), ("several", Count(3, None, True))],
        ),
        # A number, not a casualty count: found here, rejected by the extractor.
        ("Pakistan had conducted two drone strikes against Kabul", [("two", Count(2, 2))]),
        ("killed between 20 and 25 people", [("between 20 and 25", Count(20, 25))]),
        ("the toll rose from 20 to 25", [("20", Count(20, 20)), ("25", Count(25, 25))]),
        ("over1,000 cases", [("over1,000", Count(1001, None))]),
        ("about 2000 protesters", [("about 2000", Count(2000, 2000, True))]),
    ],
)
def test_find_counts(text: str, expected: list[tuple[str, Count]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Durand Line, a 2,611-kilometer (1,622-mile) border",
        "the most severe clashes between Afghanistan and Pakistan since 2021.",
        "after nearly two decades of conflict.",
        "in 1998",
        "the 1st brigade and the third battalion",
        "at 10:30 local time",
        "fired 82mm and 120mm mortars",
        "a $5 fee and a 5% rise",
        "on October 10 and on 9 May 2020, and Oct. 10",
        "a 20-year-old man, a three-day siege, two-thirds of the town",
        "MH17, an F-16 and COVID-19",
        "between 2019 and 2021",
        "no one was hurt",
        "Article 370 and Section 144",
        "children under the age of 15, boys aged 12, men aged between 18 and 25",
    ],
)
def test_find_counts_skips_what_is_not_a_count(text: str) -> None:
    assert _found(text) == []


def test_an_age_is_skipped_but_the_count_beside_it_is_kept() -> None:
    assert _found("the bodies of 29 children aged under 15") == [("29", Count(29, 29))]


def test_find_counts_keeps_a_number_word_next_to_excluded_lengths() -> None:
    text = "a 2,611-kilometer (1,622-mile) border between the two nations"
    assert _found(text) == [("two", Count(2, 2))]


@given(st.integers(min_value=0, max_value=10**6))
def test_digits_are_exact(n: int) -> None:
    assert parse_count(str(n)) == Count(n, n, False)
    assert parse_count(f"{n:,}") == Count(n, n, False)


@given(st.integers(min_value=0, max_value=10**6))
def test_at_least_is_a_lower_bound(n: int) -> None:
    assert parse_count(f"at least {n}") == Count(n, None, False)
    assert parse_count(f"more than {n}") == Count(n + 1, None, False)
    assert parse_count(f"up to {n}") == Count(None, n, False)


_QUALIFIERS = ["", "at least ", "more than ", "over ", "up to ", "about ", "fewer than ", "some "]
_NUMBERS = ["0", "1", "7", "20", "425", "1,200", "2.5 million", "thirty-seven", "five dozen"]
_NUMBERS += ["dozens", "hundreds", "several", "a dozen", "tens of thousands", "two", "one"]


@given(
    st.sampled_from(_QUALIFIERS),
    st.sampled_from(_NUMBERS),
    st.one_of(
        st.none(), st.tuples(st.sampled_from(["-", " to ", " or "]), st.sampled_from(_NUMBERS))
    ),
)
def test_bounds_are_ordered(qualifier: str, number: str, tail: tuple[str, str] | None) -> None:
    phrase = qualifier + number + ("".join(tail) if tail else "")
    count = parse_count(phrase)
    if count is not None:
        assert count.low is not None or count.high is not None
        if count.low is not None and count.high is not None:
            assert count.low <= count.high


_WORDS = ["killed", "at least", "more than", "between", "and", "to", "-", "2021", "October", "10"]
_WORDS += ["dozens", "of", "soldiers", "five", "dozen", "km", "%", "$", "1,622", "mile", "one"]
_WORDS += ["no", "over", ",", ".", "twenty", "seven", "hundred", "37", "10:30", "years", "a"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.booleans())
def test_found_spans_read_back(words: list[str], tight: bool) -> None:
    text = ("" if tight else " ").join(words)
    previous_end = 0
    for start, end, count in find_counts(text):
        assert previous_end <= start < end <= len(text)
        previous_end = end
        assert parse_count(text[start:end]) == count
        if count.low is not None and count.high is not None:
            assert count.low <= count.high


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_random_text_never_raises(text: str) -> None:
    count = parse_count(text)
    if count is not None and count.low is not None and count.high is not None:
        assert count.low <= count.high
    for start, end, _ in find_counts(text):
        assert 0 <= start < end <= len(text)
