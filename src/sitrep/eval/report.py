"""A plain-text table of the figures ``evaluate`` returns (the CLI may dress it up)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Sections of the table: (title, [(key, label), ...]), in reading order.
SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Documents",
        (
            ("docs", "gold documents"),
            ("predicted_lines", "prediction lines"),
            ("missing_predictions", "missing predictions"),
            ("error_lines", "error lines"),
            ("duplicate_predictions", "duplicate predictions"),
            ("unknown_predictions", "predictions not in gold"),
        ),
    ),
    (
        "Casualty figures",
        (
            ("gold_casualties", "gold figures"),
            ("predicted_casualties", "predicted figures"),
            ("matched_casualties", "matched figures"),
            ("casualty_precision", "precision"),
            ("casualty_recall", "recall"),
            ("casualty_f1", "F1"),
            ("claimant_accuracy", "claimant accuracy"),
            ("victim_kind_accuracy", "victim_kind accuracy"),
            ("not_casualty_hits", "not-casualty hits"),
        ),
    ),
    (
        "Events",
        (
            ("gold_events", "gold events"),
            ("predicted_events", "predicted events"),
            ("matched_events", "matched events"),
            ("event_precision", "precision"),
            ("event_recall", "recall"),
            ("event_f1", "F1"),
            ("sub_event_type_accuracy", "sub_event_type accuracy"),
            ("location_error_km", "mean location error (km)"),
            ("location_error_n", "events with both coordinates"),
            ("fatalities_accuracy", "fatalities accuracy"),
            ("fatalities_n", "events with gold fatalities"),
        ),
    ),
    (
        "Primary sub-event type (single-event)",
        (
            ("primary_sub_event_type_n", "documents"),
            ("primary_sub_event_type_accuracy", "accuracy"),
            ("primary_sub_event_type_macro_f1", "macro-F1"),
            ("primary_sub_event_type_weighted_f1", "weighted F1"),
        ),
    ),
    (
        "Headline fatalities (UCDP range)",
        (
            ("headline_fatalities_n", "documents"),
            ("headline_fatalities_accuracy", "within [low, high]"),
            ("headline_fatalities_exact_accuracy", "equal to best"),
        ),
    ),
)


def format_value(key: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.1f}" if key.endswith("_km") else f"{value:.3f}"


def table_rows(metrics: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """``(section, label, value)`` for every figure present and not None, in table order."""
    return [
        (title, label, format_value(key, metrics[key]))
        for title, entries in SECTIONS
        for key, label in entries
        if metrics.get(key) is not None
    ]


def format_table(metrics: Mapping[str, Any]) -> str:
    """The figures as a two-column text table, one section per metric family.

    Figures the gold does not support (None) are left out, as are sections left empty.
    """
    rows = table_rows(metrics)
    if not rows:
        return "(no metrics)"
    width = max(len(label) for _, label, _ in rows) + 2
    value_width = max(len(value) for _, _, value in rows)
    lines: list[str] = []
    section = None
    for title, label, value in rows:
        if title != section:
            if lines:
                lines.append("")
            lines.append(title)
            lines.append("-" * (width + value_width + 2))
            section = title
        lines.append(f"  {label:<{width}}{value:>{value_width}}")
    return "\n".join(lines)
