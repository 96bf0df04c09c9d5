"""Training and cross-validation of the sub-type classifier (used by scripts/train_subtype.py).

Kept in the package so that training and prediction share one feature pipeline:
``SubtypeClassifier.prepare`` (clip + ``normalise_text``) -> ``FeatureBuilder`` -> weights.
"""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from sitrep.extract.classify.embed import MiniLMEmbedder
from sitrep.extract.classify.features import FeatureBuilder, FeatureConfig
from sitrep.extract.classify.model import MAX_CHARS, VOCAB_TXT, SubtypeClassifier, default_model_dir
from sitrep.extract.classify.text import normalise_text
from sitrep.models.vocab import SubEventType

VALID_LABELS = frozenset([s.value for s in SubEventType] + ["none"])


@dataclass(frozen=True, slots=True)
class LabelledSet:
    name: str
    ids: list[str]
    texts: list[str]  # normalised
    labels: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class TrainConfig:
    features: FeatureConfig = field(default_factory=FeatureConfig)
    C: float = 3.0
    class_weight: str | None = "balanced"
    #: Per-example weight of each training set in the joint model (CASE is news-like, as the
    #: sentences sitrep classifies are; ACLED notes are many and formulaic).
    set_weights: dict[str, float] = field(
        default_factory=lambda: {"acled": 1.0, "case2021": 3.0, "extra": 2.0}
    )
    max_iter: int = 3000


def prepare_text(text: str) -> str:
    """Same as ``SubtypeClassifier.prepare`` for one text."""
    return normalise_text((text or "")[:MAX_CHARS])


def load_dev_set(name: str, docs_path: Path, gold_path: Path) -> LabelledSet:
    gold = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                gold[g["doc_id"]] = g["primary_sub_event_type"]
    ids, texts, labels = [], [], []
    with docs_path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            label = gold.get(d["id"])
            if label is None:
                continue
            if label not in VALID_LABELS:
                raise ValueError(f"{name}: unknown label {label!r} for {d['id']}")
            ids.append(d["id"])
            texts.append(prepare_text(d.get("text") or ""))
            labels.append(label)
    return LabelledSet(name, ids, texts, np.array(labels, dtype=object))


def load_extra_examples(path: Path | None = None) -> LabelledSet:
    path = path or default_model_dir() / "extra_examples.tsv"
    ids, texts, labels = [], [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition("\t")
        if label not in VALID_LABELS or not text.strip():
            raise ValueError(f"{path}:{n}: bad line")
        ids.append(f"extra-{n}")
        texts.append(prepare_text(text))
        labels.append(label)
    return LabelledSet("extra", ids, texts, np.array(labels, dtype=object))


def fit(
    texts: Sequence[str],
    embeddings: np.ndarray | None,
    labels: np.ndarray,
    sample_weight: np.ndarray,
    cfg: TrainConfig,
) -> tuple[FeatureBuilder, LogisticRegression]:
    fb = FeatureBuilder(cfg.features).fit(texts)
    xs, xd = fb.transform(texts, embeddings)
    x = sparse.hstack([xs, sparse.csr_matrix(xd)], format="csr")
    lr = LogisticRegression(C=cfg.C, max_iter=cfg.max_iter, class_weight=cfg.class_weight)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        lr.fit(x, labels, sample_weight=sample_weight)
    return fb, lr


def to_classifier(
    fb: FeatureBuilder, lr: LogisticRegression, embedder: MiniLMEmbedder | None, meta: dict
) -> SubtypeClassifier:
    n_sparse = fb.n_sparse
    coef = lr.coef_  # (k, n_features)
    return SubtypeClassifier(
        labels=[str(c) for c in lr.classes_],
        features=fb,
        weights_sparse=coef[:, :n_sparse].T,
        weights_dense=coef[:, n_sparse:].T,
        intercept=lr.intercept_,
        embedder=embedder if fb.config.use_embeddings else None,
        meta=meta,
    )


def predict_labels(fb: FeatureBuilder, lr: LogisticRegression, texts, embeddings) -> np.ndarray:
    xs, xd = fb.transform(texts, embeddings)
    return lr.predict(sparse.hstack([xs, sparse.csr_matrix(xd)], format="csr"))


@dataclass
class CVResult:
    variant: str
    mode: str  # "separate" or "joint"
    case_weighted_f1: float
    case_macro_f1: float
    case_accuracy: float
    acled_accuracy: float
    oof: dict[str, str]
    seconds: float


def cross_validate(
    sets: dict[str, LabelledSet],
    embeddings: dict[str, np.ndarray | None],
    cfg: TrainConfig,
    variant: str,
    mode: str,
    n_splits: int = 5,
    seed: int = 0,
    log: Callable[[str], None] = print,
) -> CVResult:
    """Stratified k-fold on ACLED and on CASE.

    ``separate``: a model per set, trained on that set's training folds only.
    ``joint``: one model per fold trained on the training folds of both sets plus the extra
    examples; tested on the held-out fold of each set.
    """
    t0 = time.time()
    acled, case = sets["acled"], sets["case2021"]
    skf = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # classes with < n_splits members
        folds = {s.name: list(skf.split(s.texts, s.labels)) for s in (acled, case)}
    preds = {s.name: np.empty(len(s), dtype=object) for s in (acled, case)}

    def sub(s: LabelledSet, idx):
        e = embeddings.get(s.name)
        return [s.texts[i] for i in idx], (None if e is None else e[idx]), s.labels[idx]

    for k in range(n_splits):
        if mode == "separate":
            for s in (acled, case):
                tr, te = folds[s.name][k]
                t_tr, e_tr, y_tr = sub(s, tr)
                fb, lr = fit(t_tr, e_tr, y_tr, np.ones(len(tr)), cfg)
                t_te, e_te, _ = sub(s, te)
                preds[s.name][te] = predict_labels(fb, lr, t_te, e_te)
        else:
            parts = []
            for s in (acled, case):
                tr, _ = folds[s.name][k]
                parts.append((s.name, *sub(s, tr)))
            if "extra" in sets:
                x = sets["extra"]
                parts.append(("extra", *sub(x, np.arange(len(x)))))
            texts = [t for p in parts for t in p[1]]
            embs = None if parts[0][2] is None else np.vstack([p[2] for p in parts])
            y = np.concatenate([p[3] for p in parts])
            w = np.concatenate([np.full(len(p[1]), cfg.set_weights.get(p[0], 1.0)) for p in parts])
            fb, lr = fit(texts, embs, y, w, cfg)
            for s in (acled, case):
                _, te = folds[s.name][k]
                t_te, e_te, _ = sub(s, te)
                preds[s.name][te] = predict_labels(fb, lr, t_te, e_te)
        log(f"  {variant}/{mode}: fold {k + 1}/{n_splits} done ({time.time() - t0:.0f} s)")
    pc, pa = preds["case2021"].astype(str), preds["acled"].astype(str)
    oof = {
        i: p for s in (acled, case) for i, p in zip(s.ids, preds[s.name].astype(str), strict=True)
    }
    return CVResult(
        variant=variant,
        mode=mode,
        case_weighted_f1=float(f1_score(case.labels.astype(str), pc, average="weighted")),
        case_macro_f1=float(f1_score(case.labels.astype(str), pc, average="macro")),
        case_accuracy=float(accuracy_score(case.labels.astype(str), pc)),
        acled_accuracy=float(accuracy_score(acled.labels.astype(str), pa)),
        oof=oof,
        seconds=time.time() - t0,
    )


def train_final(
    sets: dict[str, LabelledSet],
    embeddings: dict[str, np.ndarray | None],
    cfg: TrainConfig,
    embedder: MiniLMEmbedder | None,
    meta: dict,
) -> SubtypeClassifier:
    names = [n for n in ("acled", "case2021", "extra") if n in sets]
    texts = [t for n in names for t in sets[n].texts]
    y = np.concatenate([sets[n].labels for n in names])
    w = np.concatenate([np.full(len(sets[n]), cfg.set_weights.get(n, 1.0)) for n in names])
    embs = None
    if cfg.features.use_embeddings:
        embs = np.vstack([embeddings[n] for n in names])
    fb, lr = fit(texts, embs, y, w, cfg)
    return to_classifier(fb, lr, embedder, meta)


def make_embedder(model_dir: Path | None = None, threads: int = 1) -> MiniLMEmbedder:
    return MiniLMEmbedder((model_dir or default_model_dir()) / VOCAB_TXT, intra_op_threads=threads)
