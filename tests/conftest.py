"""Shared fixtures: the real seed articles (../shared beside the repo) and one Extractor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests derandomized: a red build must be reproducible, not a dice roll
# (they still explore new inputs on developers' machines).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds.jsonl"
DEV_GOLD = SHARED / "eval" / "dev.jsonl"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SEEDS.exists():  # CI always has it; fail loudly rather than skip silently
        raise FileNotFoundError(f"shared material not found at {SHARED}; set SITREP_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from sitrep.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_articles(shared_dir: Path):  # type: ignore[no-untyped-def]
    from sitrep.models import Article
    from sitrep.pipeline import read_articles

    arts = [
        a for a in read_articles([shared_dir / "corpus" / "seeds.jsonl"]) if isinstance(a, Article)
    ]
    assert len(arts) == 2
    return {a.doc_id: a for a in arts}


@pytest.fixture(scope="session")
def seed_extractions(extractor, seed_articles):  # type: ignore[no-untyped-def]
    return {
        a.doc_id: x
        for a, x in zip(
            seed_articles.values(), extractor.extract_many(seed_articles.values()), strict=True
        )
    }
