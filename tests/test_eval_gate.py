"""The quality gate: every gold set under ../shared/eval scored end to end against pinned floors.

Sets the sub-type classifier was trained on are scored with its out-of-fold labels, so the
figures are on documents the model never saw (tests/data/subtype_oof.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval import evaluate, load_jsonl
from sitrep.runners.evaluate import evaluate_sets, predict

DATA = Path(__file__).parent / "data"
FLOORS = json.loads((DATA / "eval_floors.json").read_text(encoding="utf-8"))
OOF = json.loads((DATA / "subtype_oof.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(shared_dir: Path, extractor):  # type: ignore[no-untyped-def]
    names = [n for n in FLOORS if not n.startswith("_")]
    return evaluate_sets(shared_dir, names, extractor, oof=OOF)


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in FLOORS if not n.startswith("_")])
def test_quality_does_not_drop_below_the_pinned_floors(figures, name: str) -> None:  # type: ignore[no-untyped-def]
    got = figures[name]
    for key, floor in FLOORS[name].items():
        if key.endswith("_max"):
            metric = key.removesuffix("_max")
            assert got[metric] is not None and got[metric] <= floor, (
                name,
                metric,
                got[metric],
                floor,
            )
        else:
            assert got[key] is not None and got[key] >= floor, (name, key, got[key], floor)


OWN = Path(__file__).parent / "fuse" / "data"
#: the project's own annotations of 18 short reports on 2020-23 events (tests/fuse/data): not a
#: held-out set (extraction was tuned on it), a regression floor for article-style text
OWN_FLOORS = {"casualty_f1": 0.88, "claimant_accuracy": 0.95, "event_f1": 0.88}


@pytest.mark.slow
def test_own_article_set_does_not_drop_below_its_floors(extractor) -> None:  # type: ignore[no-untyped-def]
    got = evaluate(
        load_jsonl(OWN / "fusion_gold.jsonl"), predict(OWN / "fusion_docs.jsonl", extractor)
    )
    for key, floor in OWN_FLOORS.items():
        assert got[key] is not None and got[key] >= floor, (key, got[key], floor)
