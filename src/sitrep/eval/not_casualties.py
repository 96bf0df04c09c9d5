"""When a predicted casualty figure was read from a gold ``not_casualties`` string.

Gold lists phrases that hold a number but no casualties ("2,611-kilometer", "two drone
strikes", "since 2021"). A predicted figure **hits** such a phrase when both hold:

1. its ``low`` or ``high`` equals a number the phrase states (digits, with or without
   thousands commas, or number words: "two", "twenty-five", "five dozen", "several" = 3,
   "dozens" = 24, ... as the number convention of FORMAT.md §3 reads them); and
2. its ``evidence`` contains the phrase (case-insensitive, whitespace and dash variants
   normalised), or the figure has no evidence at all, so that a figure cannot escape the
   count by omitting its evidence.

Only predicted figures that matched no gold figure are checked (the scorer does that), and
each predicted figure counts at most once however many phrases it hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sitrep.eval.fields import as_count, norm_text

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD = re.compile(r"[a-z]+")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
#: Vague quantities, valued as FORMAT.md §3 values them.
_VAGUE = {
    "several": 3, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
}  # fmt: skip


def stated_numbers(phrase: str) -> set[float]:
    """The numbers a short phrase states, e.g. ``"2,611-kilometer"`` -> ``{2611.0}``."""
    text = norm_text(phrase) or ""
    numbers = {float(m.group().replace(",", "")) for m in _DIGITS.finditer(text)}
    if "a number of" in text:
        numbers.add(3.0)
    current: float | None = None
    for word in _WORD.findall(text):
        if word in _UNITS:
            current = (current or 0) + _UNITS[word]
        elif word in _MULTIPLIERS:
            current = (current or 1) * _MULTIPLIERS[word]
        else:
            if current is not None:
                numbers.add(float(current))
                current = None
            if word in _VAGUE:
                numbers.add(float(_VAGUE[word]))
    if current is not None:
        numbers.add(float(current))
    return numbers


def hits_not_casualty(figure: Mapping[str, Any], phrases: Iterable[str]) -> bool:
    """Whether a predicted casualty figure was read from one of the ``phrases`` (see module doc)."""
    values = {
        v
        for v in (as_count(figure.get("low")), as_count(figure.get("high")))
        if isinstance(v, float)
    }
    if not values:
        return False
    evidence = norm_text(figure.get("evidence"))
    for phrase in phrases:
        needle = norm_text(phrase)
        if needle is None or not values & stated_numbers(phrase):
            continue
        if evidence is None or needle in evidence:
            return True
    return False
