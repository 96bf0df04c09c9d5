from __future__ import annotations

import pytest

from sitrep.eval.not_casualties import hits_not_casualty, stated_numbers


@pytest.mark.parametrize(
    ("phrase", "numbers"),
    [
        # the not_casualties strings of dev.jsonl
        ("2,611-kilometer", {2611}),
        ("1,622-mile", {1622}),
        ("since 2021", {2021}),
        ("two drone strikes", {2}),
        ("nearly two decades", {2}),
        ("six border regions", {6}),
        ("three Pakistani outposts", {3}),
        ("several Afghan posts", {3}),
        # number words as FORMAT.md §3 reads them
        ("twenty-five rockets", {25}),
        ("five dozen shells", {60}),
        ("dozens of checkpoints", {24}),
        ("a number of villages", {3}),
        ("two hundred kilometres", {200}),
        ("no number here", set()),
    ],
)
def test_stated_numbers(phrase: str, numbers: set[int]) -> None:
    assert stated_numbers(phrase) == {float(n) for n in numbers}


def test_hit_needs_number_and_phrase_in_evidence() -> None:
    phrases = ["six border regions"]
    assert hits_not_casualty(
        {"low": 6, "high": 6, "evidence": "across Six  border regions"}, phrases
    )
    assert hits_not_casualty({"low": None, "high": 6, "evidence": "six border regions"}, phrases)
    assert not hits_not_casualty({"low": 7, "high": 7, "evidence": "six border regions"}, phrases)
    assert not hits_not_casualty({"low": 6, "high": 6, "evidence": "six soldiers died"}, phrases)
    assert hits_not_casualty({"low": 6, "high": 6}, phrases)  # no evidence to clear it
    assert not hits_not_casualty({"low": None, "high": None, "evidence": None}, phrases)


def test_dash_variants_in_evidence() -> None:
    figure = {"low": 2611, "high": 2611, "evidence": "the 2,611\u2011kilometer border"}
    assert hits_not_casualty(figure, ["2,611-kilometer"])
