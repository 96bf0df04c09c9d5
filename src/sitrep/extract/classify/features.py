"""The feature pipeline: one class used by training and by prediction alike.

Features of a text (after ``normalise_text``):
- word 1-2-gram TF-IDF and character 3-5-gram TF-IDF (each row L2-normalised), scaled by
  ``tfidf_weight``,
- the MiniLM sentence embedding, scaled by ``embedding_weight``,
- the binary keyword cues of ``text.CUES``, scaled by ``cue_weight``.

Fitted state (vocabularies, idf vectors) is stored as plain arrays and JSON, not pickles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from sitrep.extract.classify.text import CUE_NAMES, cue_features


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    use_tfidf: bool = True
    use_embeddings: bool = True
    word_max_features: int = 20000
    char_max_features: int = 20000
    min_df: int = 2
    #: Scale of the TF-IDF block against the embedding and cue blocks: with one C for all
    #: features, a larger scale regularises the words less (measured in the classifier README).
    tfidf_weight: float = 1.4
    embedding_weight: float = 2.0
    cue_weight: float = 0.5

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> FeatureConfig:
        return cls(**{k: d[k] for k in cls.__dataclass_fields__ if k in d})


def _word_vectorizer(
    cfg: FeatureConfig, vocabulary: dict[str, int] | None = None
) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=1 if vocabulary else cfg.min_df,
        sublinear_tf=True,
        max_features=None if vocabulary else cfg.word_max_features,
        vocabulary=vocabulary,
        dtype=np.float32,
    )


def _char_vectorizer(
    cfg: FeatureConfig, vocabulary: dict[str, int] | None = None
) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        min_df=1 if vocabulary else cfg.min_df,
        sublinear_tf=True,
        max_features=None if vocabulary else cfg.char_max_features,
        vocabulary=vocabulary,
        dtype=np.float32,
    )


class FeatureBuilder:
    """fit(texts) on training texts; transform(texts, embeddings) everywhere."""

    def __init__(self, config: FeatureConfig) -> None:
        self.config = config
        self._word: TfidfVectorizer | None = None
        self._char: TfidfVectorizer | None = None

    # -- fitting and persistence ------------------------------------------------------------
    def fit(self, texts: Sequence[str]) -> FeatureBuilder:
        if self.config.use_tfidf:
            self._word = _word_vectorizer(self.config).fit(texts)
            self._char = _char_vectorizer(self.config).fit(texts)
        return self

    def state(self) -> tuple[dict, dict[str, np.ndarray]]:
        """(JSON-able vocabularies, arrays) describing the fitted vectorizers."""
        meta: dict = {"config": self.config.to_dict(), "cues": list(CUE_NAMES)}
        arrays: dict[str, np.ndarray] = {}
        for name, vec in (("word", self._word), ("char", self._char)):
            if vec is None:
                continue
            terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
            meta[f"{name}_terms"] = terms
            arrays[f"{name}_idf"] = vec.idf_.astype(np.float32)
        return meta, arrays

    @classmethod
    def from_state(cls, meta: dict, arrays: dict[str, np.ndarray]) -> FeatureBuilder:
        fb = cls(FeatureConfig.from_dict(meta["config"]))
        if list(meta.get("cues", [])) != list(CUE_NAMES):
            raise ValueError("keyword cue list differs from the one the model was trained with")
        for name, make in (("word", _word_vectorizer), ("char", _char_vectorizer)):
            if f"{name}_terms" not in meta:
                continue
            vocab = {t: i for i, t in enumerate(meta[f"{name}_terms"])}
            vec = make(fb.config, vocabulary=vocab)
            vec.idf_ = np.asarray(arrays[f"{name}_idf"], dtype=np.float64)
            setattr(fb, f"_{name}", vec)
        return fb

    # -- transform --------------------------------------------------------------------------
    @property
    def n_sparse(self) -> int:
        n = 0
        for vec in (self._word, self._char):
            if vec is not None:
                n += len(vec.vocabulary_)
        return n

    def transform(
        self, texts: Sequence[str], embeddings: np.ndarray | None
    ) -> tuple[sparse.csr_matrix, np.ndarray]:
        """(sparse TF-IDF block, dense block [embedding*w, cues*w]) for normalised texts."""
        cfg = self.config
        blocks = [v.transform(texts) for v in (self._word, self._char) if v is not None]
        if blocks:
            xs = sparse.hstack(blocks, format="csr", dtype=np.float32)
            xs = xs * np.float32(cfg.tfidf_weight)
        else:
            xs = sparse.csr_matrix((len(texts), 0), dtype=np.float32)
        dense = [cue_features(list(texts)) * np.float32(cfg.cue_weight)]
        if cfg.use_embeddings:
            if embeddings is None:
                raise ValueError("this feature configuration needs sentence embeddings")
            dense.insert(
                0, np.asarray(embeddings, dtype=np.float32) * np.float32(cfg.embedding_weight)
            )
        return xs, np.hstack(dense).astype(np.float32)
