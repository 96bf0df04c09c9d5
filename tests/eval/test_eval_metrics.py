from __future__ import annotations

import pytest

from sitrep.eval.metrics import label_report, prf, ratio


def test_prf() -> None:
    score = prf(matched=3, predicted=4, gold=6)
    assert score.precision == 0.75 and score.recall == 0.5
    assert score.f1 == pytest.approx(0.6)


def test_prf_zero_denominators() -> None:
    assert prf(0, 0, 0) == prf(1, 1, 1)  # nothing to find, nothing wrongly found: 1.0
    assert prf(0, 0, 5).precision == 0.0 and prf(0, 0, 5).f1 == 0.0
    assert prf(0, 5, 0).recall == 0.0


def test_ratio() -> None:
    assert ratio(1, 4) == 0.25
    assert ratio(0, 0) is None


def test_label_report_classes_only_predicted_count_in_macro_not_weighted() -> None:
    report = label_report(["a", "a", "b"], ["a", "c", "b"])
    # a: P 1, R 1/2, F1 2/3; b: F1 1; c: predicted once, never gold: F1 0, support 0
    assert report.accuracy == pytest.approx(2 / 3)
    assert report.macro_f1 == pytest.approx((2 / 3 + 1 + 0) / 3)
    assert report.weighted_f1 == pytest.approx((2 / 3 * 2 + 1 * 1) / 3)
    assert report.per_class["c"].support == 0


def test_label_report_empty_and_mismatched() -> None:
    assert label_report([], []).accuracy is None
    with pytest.raises(ValueError):
        label_report(["a"], [])
