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
) -> dict[str, dict[str, Any]]:
    """Every metric of FORMAT.md §5 per set, plus `docs_per_s` of the extraction."""
    extractor = extractor or Extractor()
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        gold, docs = SETS[name]
        t0 = time.perf_counter()
        predicted = predict(shared / docs, extractor)
        seconds = time.perf_counter() - t0
        if pred_dir is not None:
            pred_dir.mkdir(parents=True, exist_ok=True)
            with (pred_dir / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(p) + "\n" for p in predicted)
        metrics = evaluate(load_jsonl(shared / gold), predicted)
        metrics["docs_per_s"] = round(len(predicted) / seconds, 2) if seconds else None
        results[name] = metrics
    return results
