"""Extract and score the gold sets under shared/eval: used by `make eval` and the eval gate."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.eval import evaluate, load_jsonl
from sitrep.export.extraction import extraction_dict
from sitrep.extract.pipeline import Extractor
from sitrep.pipeline import extract_stream, read_articles

#: name -> (gold, documents), relative to the shared folder
SETS: dict[str, tuple[str, str]] = {
    "dev": ("eval/dev.jsonl", "corpus/seeds.jsonl"),
    "acled": ("eval/external/acled.gold.jsonl", "eval/external/acled.docs.jsonl"),
    "ucdp": ("eval/external/ucdp.gold.jsonl", "eval/external/ucdp.docs.jsonl"),
    "case2021": ("eval/external/case2021.gold.jsonl", "eval/external/case2021.docs.jsonl"),
}


#: sets the shipped sub-type classifier was trained on: honest figures use out-of-fold labels
TRAINED_ON = frozenset({"acled", "case2021"})


class OutOfFoldClassifier:
    """The sub-type classifier's cross-validated predictions, looked up by document text.

    `scripts/train_subtype.py --oof F` writes, for every training document, the label a model
    trained on the other folds gave it; scoring the pipeline with those labels gives figures on
    documents the classifier never saw (issue 3: k-fold, never on training documents).
    """

    def __init__(self, labels_by_doc: dict[str, str], docs: Path) -> None:
        self.by_text: dict[str, str] = {}
        for row in load_jsonl(docs):
            label = labels_by_doc.get(str(row.get("id")))
            if label is not None:
                self.by_text[_key(str(row.get("text", "")))] = label

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        return [(self.by_text.get(_key(t), "none"), 1.0) for t in texts]


def _key(text: str) -> str:
    return " ".join(text.split())[:400]


def predict(docs: Path, extractor: Extractor) -> list[dict[str, Any]]:
    out = []
    for outcome in extract_stream(read_articles([docs]), extractor):
        if outcome.extraction is not None:
            out.append(extraction_dict(outcome.extraction))
        else:
            out.append({"doc_id": outcome.doc_id, "error": outcome.error})
    return out


def evaluate_sets(
    shared: Path,
    names: Iterable[str] = SETS,
    extractor: Extractor | None = None,
    pred_dir: Path | None = None,
    oof: dict[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Every metric of FORMAT.md §5 per set, plus `docs_per_s` of the extraction.

    With `oof` (doc id -> out-of-fold sub-type), the sets the classifier was trained on are
    scored with those labels instead of the shipped model's (marked `"classifier": "oof"`).
    """
    extractor = extractor or Extractor()
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        gold, docs = SETS[name]
        use = extractor
        if oof is not None and name in TRAINED_ON:
            use = Extractor(
                extractor.settings,
                lexicon=extractor.lexicon,
                geocoder=extractor.geocoder,
                classifier=OutOfFoldClassifier(oof, shared / docs),
            )
        t0 = time.perf_counter()
        predicted = predict(shared / docs, use)
        seconds = time.perf_counter() - t0
        if pred_dir is not None:
            pred_dir.mkdir(parents=True, exist_ok=True)
            with (pred_dir / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(p) + "\n" for p in predicted)
        metrics = evaluate(load_jsonl(shared / gold), predicted)
        metrics["docs_per_s"] = round(len(predicted) / seconds, 2) if seconds else None
        if name in TRAINED_ON:
            metrics["classifier"] = "oof" if use is not extractor else "trained-on-this-set"
        results[name] = metrics
    return results
