"""Extract and score every gold set under ../shared/eval (one Extractor, loaded once).

    python scripts/eval_all.py [--shared ../shared] [--json out/eval.json] [--only acled,ucdp]

Prints the headline figures of each set and writes every metric as JSON. The sub-type
classifier is trained on the acled and case2021 development files, so those two sets are scored
with its out-of-fold labels (tests/data/subtype_oof.json, written by
`scripts/train_subtype.py --oof`): figures on documents the model was not trained on.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitrep.extract.pipeline import Extractor
from sitrep.runners.evaluate import SETS, evaluate_sets

KEYS = [
    "casualty_f1",
    "claimant_accuracy",
    "victim_kind_accuracy",
    "not_casualty_hits",
    "event_f1",
    "sub_event_type_accuracy",
    "location_error_km",
    "fatalities_accuracy",
    "primary_sub_event_type_accuracy",
    "primary_sub_event_type_weighted_f1",
    "headline_fatalities_accuracy",
    "docs_per_s",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--only", default="", help="comma-separated subset of " + ",".join(SETS))
    ap.add_argument("--pred-dir", type=Path, default=None, help="also write predictions here")
    ap.add_argument(
        "--oof",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "tests" / "data" / "subtype_oof.json",
        help="out-of-fold sub-types for the classifier's training sets ('' = use the shipped model)",
    )
    args = ap.parse_args()
    names = [s for s in args.only.split(",") if s] or list(SETS)
    extractor = Extractor()
    oof = (
        json.loads(args.oof.read_text(encoding="utf-8")) if str(args.oof) not in {"", "."} else None
    )
    results = {}
    for name in names:
        metrics = evaluate_sets(args.shared, [name], extractor, args.pred_dir, oof)[name]
        results[name] = metrics
        shown = {k: metrics[k] for k in KEYS if metrics.get(k) is not None}
        rounded = {k: round(v, 3) if isinstance(v, float) else v for k, v in shown.items()}
        print(name, json.dumps(rounded), flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
