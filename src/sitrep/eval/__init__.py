"""Evaluation of extraction output against gold, as shared/eval/FORMAT.md §5 defines it.

Pure Python on plain dicts (no spaCy, no scikit-learn)::

    from sitrep.eval import evaluate, format_table, load_jsonl

    metrics = evaluate(load_jsonl("dev.jsonl"), load_jsonl("pred.jsonl", strict=False))
    print(format_table(metrics))

Where FORMAT.md leaves a choice open, the module that makes it says so in its docstring:
``scorer`` (which metrics a gold set supports, missing/error lines, the fatalities and
UCDP headline conventions, None for undefined figures), ``casualties`` (choice among equally
matching figures), ``events`` (date_before, dates and coordinates), ``not_casualties``
(when a predicted figure counts as read from a not-casualty phrase) and ``metrics``
(zero denominators, macro and weighted F1).
"""

from sitrep.eval.jsonl import EvalInputError, load_jsonl
from sitrep.eval.report import format_table
from sitrep.eval.scorer import evaluate

__all__ = ["EvalInputError", "evaluate", "format_table", "load_jsonl"]
