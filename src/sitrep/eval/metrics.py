"""Counting formulas: precision/recall/F1, accuracy, and per-class F1 for single labels.

All of it is implemented here (no scikit-learn) so that the scorer is stdlib only. The
conventions follow scikit-learn's defaults, which the CASE 2021 shared task used:
a ratio whose denominator is zero is 0.0, and macro averages run over the union of the
gold and predicted labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    """Micro precision, recall and F1 from matched, predicted and gold counts."""

    precision: float
    recall: float
    f1: float


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when nothing was counted."""
    return numerator / denominator if denominator else None


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(matched: int, predicted: int, gold: int) -> PRF:
    """P = matched/predicted, R = matched/gold, F1 their harmonic mean.

    A zero denominator gives 0.0, except that no gold and no prediction at all is a perfect
    1.0 on all three: there was nothing to find and nothing was wrongly found.
    """
    if predicted == 0 and gold == 0:
        return PRF(1.0, 1.0, 1.0)
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    return PRF(precision, recall, f1_score(precision, recall))


@dataclass(frozen=True, slots=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class LabelReport:
    """Single-label classification scores (one gold and one predicted label per document)."""

    n: int
    accuracy: float | None
    macro_f1: float | None
    weighted_f1: float | None
    per_class: dict[str, ClassScore]


def label_report(gold: Sequence[str], predicted: Sequence[str]) -> LabelReport:
    """Accuracy, macro-F1 and support-weighted F1 of ``predicted`` against ``gold``.

    Labels are compared as given (normalise them before calling). Macro-F1 averages the
    per-class F1 over every label seen in gold or predictions; weighted F1 weights each
    class's F1 by its gold support, so classes that occur only in predictions weigh 0.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    n = len(gold)
    if n == 0:
        return LabelReport(0, None, None, None, {})
    true_pos: Counter[str] = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    gold_count = Counter(gold)
    pred_count = Counter(predicted)
    per_class: dict[str, ClassScore] = {}
    for label in sorted(set(gold_count) | set(pred_count)):
        tp = true_pos[label]
        precision = tp / pred_count[label] if pred_count[label] else 0.0
        recall = tp / gold_count[label] if gold_count[label] else 0.0
        per_class[label] = ClassScore(
            precision, recall, f1_score(precision, recall), gold_count[label]
        )
    macro = sum(c.f1 for c in per_class.values()) / len(per_class)
    weighted = sum(c.f1 * c.support for c in per_class.values()) / n
    return LabelReport(n, sum(true_pos.values()) / n, macro, weighted, per_class)
