"""Matching predicted casualty figures to gold figures of one document (FORMAT.md §5).

A predicted figure matches a gold figure when ``status`` is equal and ``low`` is equal, or
both ``low`` are null and ``high`` is equal. That relation is an equivalence: every figure
has one key, ``(status, "low", low)`` or ``(status, "high", high)``, and figures match
exactly when their keys are equal. Within one key the number of pairs is therefore fixed
(``min(gold, predicted)``); which gold pairs with which prediction is chosen to maximise,
first, the pairs whose claimant is also right and, second, those whose victim_kind is too
(a maximum-weight assignment, deterministic for a given input order). A figure whose
status or numbers cannot be read has no key and matches nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sitrep.eval.assignment import max_weight_assignment
from sitrep.eval.fields import as_count, name_set, norm_text

FigureKey = tuple[str, str, float | None]


def figure_key(figure: Mapping[str, Any]) -> FigureKey | None:
    """The matching key of a casualty figure, or None when it cannot match anything."""
    status = norm_text(figure.get("status"))
    low, high = as_count(figure.get("low")), as_count(figure.get("high"))
    if status is None:
        return None
    if isinstance(low, float):
        return (status, "low", low)
    if low is None and (high is None or isinstance(high, float)):
        return (status, "high", high)
    return None


def claimant_correct(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """Predicted claimant equals one gold name (case-insensitive, trimmed), or both are null.

    A gold claimant that is null, blank or an empty list is null; so is a blank prediction.
    A predicted claimant that is not a string (or null) is wrong.
    """
    names = name_set(gold.get("claimant"))
    claimant = predicted.get("claimant")
    if claimant is not None and not isinstance(claimant, str):
        return False
    claimant = norm_text(claimant)
    return claimant is None if not names else claimant in names


def victim_kind_correct(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool | None:
    """Whether victim_kind agrees; None when the gold figure has no victim_kind to score."""
    expected = norm_text(gold.get("victim_kind"))
    if expected is None:
        return None
    return norm_text(predicted.get("victim_kind")) == expected


def match_casualties(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Pairs ``(gold index, predicted index)`` of matched figures, sorted by gold index."""
    gold_by_key: dict[FigureKey, list[int]] = defaultdict(list)
    pred_by_key: dict[FigureKey, list[int]] = defaultdict(list)
    for i, figure in enumerate(gold):
        if (key := figure_key(figure)) is not None:
            gold_by_key[key].append(i)
    for j, figure in enumerate(predicted):
        if (key := figure_key(figure)) is not None:
            pred_by_key[key].append(j)
    pairs: list[tuple[int, int]] = []
    for key, gold_ids in gold_by_key.items():
        pred_ids = pred_by_key.get(key)
        if not pred_ids:
            continue
        claimant_weight = min(len(gold_ids), len(pred_ids)) + 1  # claimant outranks victim_kind
        weights = [
            [
                claimant_weight * claimant_correct(gold[g], predicted[p])
                + bool(victim_kind_correct(gold[g], predicted[p]))
                for p in pred_ids
            ]
            for g in gold_ids
        ]
        pairs.extend((gold_ids[r], pred_ids[c]) for r, c in max_weight_assignment(weights))
    return sorted(pairs)
