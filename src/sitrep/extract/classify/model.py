"""``SubtypeClassifier``: text -> ACLED sub-event type (or ``"none"``) with a probability.

A multinomial logistic regression over the features of ``features.FeatureBuilder``. The model
is stored as ``model.json`` (labels, feature config, TF-IDF vocabularies, provenance) plus
``model.npz`` (weights and idf vectors) in a directory; the default directory is the packaged
``sitrep/extract/resources/classifier``. Prediction is numpy only (plus sklearn's vectorizer
and, when the model uses them, the MiniLM embeddings).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from sitrep.extract.classify.embed import MiniLMEmbedder
from sitrep.extract.classify.errors import ClassifierResourceError
from sitrep.extract.classify.features import FeatureBuilder
from sitrep.extract.classify.text import normalise_text

NONE_LABEL = "none"
MODEL_JSON = "model.json"
MODEL_NPZ = "model.npz"
VOCAB_TXT = "minilm_vocab.txt"
#: Text beyond this many characters is ignored (a sentence classifier; guards against huge input).
MAX_CHARS = 5000

_CACHE: dict[tuple[str, int], SubtypeClassifier] = {}
_CACHE_LOCK = threading.Lock()


def default_model_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "classifier"


class SubtypeClassifier:
    def __init__(
        self,
        labels: Sequence[str],
        features: FeatureBuilder,
        weights_sparse: np.ndarray,
        weights_dense: np.ndarray,
        intercept: np.ndarray,
        embedder: MiniLMEmbedder | None,
        meta: dict | None = None,
    ) -> None:
        self.labels: list[str] = list(labels)
        self.features = features
        self._w_sparse = np.asarray(weights_sparse, dtype=np.float32)  # (n_sparse, k)
        self._w_dense = np.asarray(weights_dense, dtype=np.float32)  # (n_dense, k)
        self._b = np.asarray(intercept, dtype=np.float32)
        self.embedder = embedder
        self.meta = meta or {}

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None, *, intra_op_threads: int = 1) -> SubtypeClassifier:
        """Load the model in ``path`` (a directory; default: the packaged one) once per process.

        Later calls with the same path and thread count return the same object, so the ONNX
        session behind the embeddings is created only once.
        """
        model_dir = Path(path) if path is not None else default_model_dir()
        key = (str(model_dir.resolve()), int(intra_op_threads))
        with _CACHE_LOCK:
            clf = _CACHE.get(key)
            if clf is None:
                clf = cls._read(model_dir, intra_op_threads)
                _CACHE[key] = clf
            return clf

    @classmethod
    def _read(cls, model_dir: Path, intra_op_threads: int) -> SubtypeClassifier:
        jpath, npath = model_dir / MODEL_JSON, model_dir / MODEL_NPZ
        if not jpath.is_file() or not npath.is_file():
            raise ClassifierResourceError(f"no sub-type model in {model_dir}")
        try:
            meta = json.loads(jpath.read_text(encoding="utf-8"))
            with np.load(npath, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
            features = FeatureBuilder.from_state(meta["features"], arrays)
        except (OSError, ValueError, KeyError) as exc:
            raise ClassifierResourceError(f"invalid sub-type model in {model_dir}: {exc}") from exc
        embedder = None
        if features.config.use_embeddings:
            embedder = MiniLMEmbedder(model_dir / VOCAB_TXT, intra_op_threads=intra_op_threads)
        return cls(
            labels=meta["labels"],
            features=features,
            weights_sparse=arrays["w_sparse"],
            weights_dense=arrays["w_dense"],
            intercept=arrays["intercept"],
            embedder=embedder,
            meta={k: v for k, v in meta.items() if k != "features"},
        )

    def save(self, model_dir: Path) -> None:
        """Write ``model.json`` + ``model.npz`` (weights as float16 to keep the package small)."""
        model_dir.mkdir(parents=True, exist_ok=True)
        fmeta, farrays = self.features.state()
        meta = dict(self.meta)
        meta["labels"] = self.labels
        meta["features"] = fmeta
        (model_dir / MODEL_JSON).write_text(
            json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        np.savez_compressed(
            model_dir / MODEL_NPZ,
            w_sparse=self._w_sparse.astype(np.float16),
            w_dense=self._w_dense.astype(np.float16),
            intercept=self._b.astype(np.float32),
            **farrays,
        )

    # -- prediction ---------------------------------------------------------------------------
    def prepare(self, texts: Sequence[str]) -> list[str]:
        """The exact text the features see: clipped, then ``normalise_text``."""
        return [normalise_text((t or "")[:MAX_CHARS]) for t in texts]

    def decision_function(self, norm_texts: Sequence[str]) -> np.ndarray:
        emb = None
        if self.features.config.use_embeddings:
            assert self.embedder is not None
            emb = self.embedder.encode(norm_texts)
        xs, xd = self.features.transform(norm_texts, emb)
        scores = np.asarray(xs @ self._w_sparse) if xs.shape[1] else 0.0
        return scores + xd @ self._w_dense + self._b

    def predict_proba(self, texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """(labels, probabilities of shape (len(texts), len(labels)))."""
        k = len(self.labels)
        if len(texts) == 0:
            return list(self.labels), np.zeros((0, k), dtype=np.float32)
        norm = self.prepare(texts)
        z = self.decision_function(norm)
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        # No text left after normalisation: there is nothing to code.
        empty = [i for i, t in enumerate(norm) if not t.strip()]
        if empty and NONE_LABEL in self.labels:
            p[empty] = 0.0
            p[empty, self.labels.index(NONE_LABEL)] = 1.0
        return list(self.labels), p.astype(np.float32)

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """[(label, probability)] per text; label is an ACLED sub-type or ``"none"``."""
        labels, p = self.predict_proba(texts)
        best = p.argmax(axis=1) if len(p) else []
        return [(labels[j], float(p[i, j])) for i, j in enumerate(best)]
