"""``evaluate``: every figure of FORMAT.md §5 that a gold set supports.

Predictions are paired with gold documents by ``doc_id``. A gold document without a
prediction line, or whose line is an error line (``{"doc_id": …, "error": …}``), predicts
nothing. The first prediction line of a ``doc_id`` is used; later ones are counted as
``duplicate_predictions`` and ignored. Lines for documents not in the gold are counted as
``unknown_predictions`` and ignored.

What a gold set supports is read from its fields, document by document, and a document's
predictions count only toward the figures its gold supports (predicted events of a UCDP
line, whose gold ``events`` is null, are not counted as false positives):

- ``casualties`` a list -> casualty precision/recall/F1 (micro over documents), claimant
  accuracy and victim_kind accuracy on matched figures (see ``casualties.py``);
- ``not_casualties`` a list -> ``not_casualty_hits``, the number of predicted figures that
  matched no gold figure and were read from one of those phrases (see ``not_casualties.py``);
- ``events`` a list -> event precision/recall/F1, sub_event_type accuracy and mean location
  error (km, over matched events where both sides have coordinates), see ``events.py``;
- a gold event with an integer ``fatalities`` -> ``fatalities_accuracy`` on matched events:
  the predicted ``fatalities.best`` must equal it. A predicted event without fatalities, or
  with ``best`` null, counts as 0, because ACLED codes "no fatalities" as an explicit 0;
- ``primary_sub_event_type`` a string -> accuracy, macro-F1 and weighted F1 of the
  single-event label: the first predicted event's ``sub_event_type``, ``none`` when no event
  is predicted, ``(missing)`` when that event has no sub_event_type (always wrong). Labels
  are compared case-insensitively; per-class scores come under
  ``primary_sub_event_type_per_class``;
- ``fatalities_range`` ``[low, best, high]`` (UCDP) -> the headline figure of the prediction
  is the first event's ``fatalities.best``; when there is no event, or its ``best`` is null,
  the largest ``killed`` casualty figure (its ``low``, or ``high`` where ``low`` is null);
  when there is none of these, 0. ``headline_fatalities_accuracy`` is the share of
  documents whose headline figure lies in ``[low, high]`` (inclusive);
  ``headline_fatalities_exact_accuracy`` the share where it equals ``best``.

Every key is always present; a figure the gold does not support, or whose denominator is
zero (e.g. claimant accuracy with no matched figure), is None. P/R/F1 with no gold and no
prediction at all is 1.0; with predictions but no gold, or gold but no predictions, the
zero-denominator side is 0.0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sitrep.eval.casualties import claimant_correct, match_casualties, victim_kind_correct
from sitrep.eval.events import location_error_km, match_events
from sitrep.eval.fields import as_count, dict_items, norm_text
from sitrep.eval.metrics import label_report, prf, ratio
from sitrep.eval.not_casualties import hits_not_casualty

NO_EVENT_LABEL = "none"
MISSING_LABEL = "(missing)"


@dataclass(slots=True)
class _Tally:
    docs: int = 0
    predicted_lines: int = 0
    missing_predictions: int = 0
    error_lines: int = 0
    duplicate_predictions: int = 0
    unknown_predictions: int = 0
    # casualties
    casualty_docs: int = 0
    gold_casualties: int = 0
    predicted_casualties: int = 0
    matched_casualties: int = 0
    claimant_correct: int = 0
    victim_kind_scored: int = 0
    victim_kind_correct: int = 0
    not_casualty_docs: int = 0
    not_casualty_hits: int = 0
    # events
    event_docs: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched_events: int = 0
    sub_event_type_correct: int = 0
    location_errors: list[float] = field(default_factory=list)
    fatalities_scored: int = 0
    fatalities_correct: int = 0
    # single-event label
    label_gold: list[str] = field(default_factory=list)
    label_predicted: list[str] = field(default_factory=list)
    label_spelling: dict[str, str] = field(default_factory=dict)
    # UCDP headline figure
    headline_scored: int = 0
    headline_in_range: int = 0
    headline_exact: int = 0


def evaluate(gold: Iterable[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Score prediction lines against gold lines; see the module docstring for every key."""
    tally = _Tally()
    predictions = _index_predictions(predicted, tally)
    gold_ids: set[Any] = set()
    for gold_doc in gold:
        tally.docs += 1
        doc_id = _doc_id(gold_doc)
        gold_ids.add(doc_id)
        if doc_id is None or doc_id not in predictions:
            tally.missing_predictions += 1
        prediction = (predictions.get(doc_id) if doc_id is not None else None) or {}
        events = dict_items(prediction.get("events"))
        casualties = dict_items(prediction.get("casualties"))
        _score_casualties(gold_doc, casualties, tally)
        _score_events(gold_doc, events, tally)
        _score_label(gold_doc, events, tally)
        _score_headline(gold_doc, events, casualties, tally)
    tally.unknown_predictions = sum(
        1 for doc_id in predictions if doc_id is None or doc_id not in gold_ids
    )
    return _summary(tally)


def _doc_id(line: Mapping[str, Any]) -> str | int | None:
    """The line's ``doc_id``; an id of another type is read as its repr, so it stays hashable."""
    doc_id = line.get("doc_id")
    return doc_id if doc_id is None or isinstance(doc_id, str | int) else repr(doc_id)


def _index_predictions(
    lines: Iterable[dict[str, Any]], tally: _Tally
) -> dict[Any, dict[str, Any] | None]:
    """Prediction lines by ``doc_id``; an error line is kept as None (it predicts nothing)."""
    index: dict[Any, dict[str, Any] | None] = {}
    for line in lines:
        tally.predicted_lines += 1
        is_error = not isinstance(line, Mapping) or line.get("error") is not None
        if is_error:
            tally.error_lines += 1
        doc_id = _doc_id(line) if isinstance(line, Mapping) else None
        if is_error and doc_id is None:
            continue
        if doc_id in index:
            tally.duplicate_predictions += 1
            continue
        index[doc_id] = None if is_error else dict(line)
    return index


def _score_casualties(
    gold_doc: Mapping[str, Any], predicted: list[dict[str, Any]], tally: _Tally
) -> None:
    gold_figures = gold_doc.get("casualties")
    matched_ids: set[int] = set()
    if isinstance(gold_figures, list):
        gold_figures = dict_items(gold_figures)
        tally.casualty_docs += 1
        tally.gold_casualties += len(gold_figures)
        tally.predicted_casualties += len(predicted)
        for g, p in match_casualties(gold_figures, predicted):
            matched_ids.add(p)
            tally.matched_casualties += 1
            tally.claimant_correct += claimant_correct(gold_figures[g], predicted[p])
            kind = victim_kind_correct(gold_figures[g], predicted[p])
            if kind is not None:
                tally.victim_kind_scored += 1
                tally.victim_kind_correct += kind
    phrases = gold_doc.get("not_casualties")
    if isinstance(phrases, list):
        tally.not_casualty_docs += 1
        phrases = [s for s in phrases if isinstance(s, str)]
        tally.not_casualty_hits += sum(
            1
            for j, figure in enumerate(predicted)
            if j not in matched_ids and hits_not_casualty(figure, phrases)
        )


def _score_events(
    gold_doc: Mapping[str, Any], predicted: list[dict[str, Any]], tally: _Tally
) -> None:
    if not isinstance(gold_doc.get("events"), list):
        return
    gold_events = dict_items(gold_doc.get("events"))
    tally.event_docs += 1
    tally.gold_events += len(gold_events)
    tally.predicted_events += len(predicted)
    for g, p in match_events(gold_events, predicted):
        gold_event, event = gold_events[g], predicted[p]
        tally.matched_events += 1
        expected = norm_text(gold_event.get("sub_event_type"))
        tally.sub_event_type_correct += (
            expected is not None and norm_text(event.get("sub_event_type")) == expected
        )
        distance = location_error_km(gold_event, event)
        if distance is not None:
            tally.location_errors.append(distance)
        fatalities = gold_event.get("fatalities")
        if isinstance(fatalities, int) and not isinstance(fatalities, bool):
            tally.fatalities_scored += 1
            best = _predicted_best(event)
            tally.fatalities_correct += best is not None and best == fatalities


def _predicted_best(event: Mapping[str, Any]) -> float | None:
    """The event's ``fatalities.best``, 0 when absent or null, None when unreadable."""
    fatalities = event.get("fatalities")
    value = (
        as_count(fatalities.get("best"))
        if isinstance(fatalities, Mapping)
        else as_count(fatalities)
    )
    if value is None:
        return 0.0
    return value if isinstance(value, float) else None


def _score_label(
    gold_doc: Mapping[str, Any], predicted: list[dict[str, Any]], tally: _Tally
) -> None:
    expected = gold_doc.get("primary_sub_event_type")
    if not isinstance(expected, str) or norm_text(expected) is None:
        return
    if not predicted:
        label = NO_EVENT_LABEL
    else:
        raw = predicted[0].get("sub_event_type")
        label = raw if isinstance(raw, str) and norm_text(raw) is not None else MISSING_LABEL
    gold_key, pred_key = norm_text(expected) or "", norm_text(label) or ""
    tally.label_spelling.setdefault(gold_key, expected.strip())
    tally.label_gold.append(gold_key)
    tally.label_predicted.append(pred_key)
    tally.label_spelling.setdefault(pred_key, label.strip())


def headline_fatalities(events: list[dict[str, Any]], casualties: list[dict[str, Any]]) -> float:
    """The prediction's headline death toll, as the module docstring defines it."""
    if events:
        fatalities = events[0].get("fatalities")
        best = as_count(fatalities.get("best")) if isinstance(fatalities, Mapping) else None
        if isinstance(best, float):
            return best
    killed = []
    for figure in casualties:
        if norm_text(figure.get("status")) != "killed":
            continue
        low, high = as_count(figure.get("low")), as_count(figure.get("high"))
        value = low if low is not None else high
        if isinstance(value, float):
            killed.append(value)
    return max(killed, default=0.0)


def _score_headline(
    gold_doc: Mapping[str, Any],
    events: list[dict[str, Any]],
    casualties: list[dict[str, Any]],
    tally: _Tally,
) -> None:
    span = gold_doc.get("fatalities_range")
    if not isinstance(span, list) or len(span) != 3:
        return
    low, best, high = (as_count(v) for v in span)
    if not (isinstance(low, float) and isinstance(best, float) and isinstance(high, float)):
        return
    figure = headline_fatalities(events, casualties)
    tally.headline_scored += 1
    tally.headline_in_range += low <= figure <= high
    tally.headline_exact += figure == best


def _summary(t: _Tally) -> dict[str, Any]:
    casualty = prf(t.matched_casualties, t.predicted_casualties, t.gold_casualties)
    event = prf(t.matched_events, t.predicted_events, t.gold_events)
    has_casualties, has_events = t.casualty_docs > 0, t.event_docs > 0
    spelled = (
        [t.label_spelling[k] for k in t.label_gold],
        [t.label_spelling[k] for k in t.label_predicted],
    )
    labels = label_report(*spelled)
    has_labels = labels.n > 0
    return {
        "docs": t.docs,
        "predicted_lines": t.predicted_lines,
        "missing_predictions": t.missing_predictions,
        "error_lines": t.error_lines,
        "duplicate_predictions": t.duplicate_predictions,
        "unknown_predictions": t.unknown_predictions,
        "gold_casualties": t.gold_casualties if has_casualties else None,
        "predicted_casualties": t.predicted_casualties if has_casualties else None,
        "matched_casualties": t.matched_casualties if has_casualties else None,
        "casualty_precision": casualty.precision if has_casualties else None,
        "casualty_recall": casualty.recall if has_casualties else None,
        "casualty_f1": casualty.f1 if has_casualties else None,
        "claimant_accuracy": ratio(t.claimant_correct, t.matched_casualties),
        "victim_kind_accuracy": ratio(t.victim_kind_correct, t.victim_kind_scored),
        "not_casualty_hits": t.not_casualty_hits if t.not_casualty_docs else None,
        "gold_events": t.gold_events if has_events else None,
        "predicted_events": t.predicted_events if has_events else None,
        "matched_events": t.matched_events if has_events else None,
        "event_precision": event.precision if has_events else None,
        "event_recall": event.recall if has_events else None,
        "event_f1": event.f1 if has_events else None,
        "sub_event_type_accuracy": ratio(t.sub_event_type_correct, t.matched_events),
        "location_error_km": ratio(sum(t.location_errors), len(t.location_errors)),
        "location_error_n": len(t.location_errors) if has_events else None,
        "fatalities_accuracy": ratio(t.fatalities_correct, t.fatalities_scored),
        "fatalities_n": t.fatalities_scored if has_events else None,
        "primary_sub_event_type_n": labels.n if has_labels else None,
        "primary_sub_event_type_accuracy": labels.accuracy,
        "primary_sub_event_type_macro_f1": labels.macro_f1,
        "primary_sub_event_type_weighted_f1": labels.weighted_f1,
        "primary_sub_event_type_per_class": {
            label: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.support}
            for label, c in labels.per_class.items()
        }
        if has_labels
        else None,
        "headline_fatalities_n": t.headline_scored or None,
        "headline_fatalities_accuracy": ratio(t.headline_in_range, t.headline_scored),
        "headline_fatalities_exact_accuracy": ratio(t.headline_exact, t.headline_scored),
    }
