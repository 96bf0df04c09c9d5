"""Shared fixtures: the seeds extracted once per session (the only tests that run spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds.jsonl"


@pytest.fixture(scope="session")
def seed_pairs():
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} not found")
    from sitrep.extract.pipeline import Extractor
    from sitrep.pipeline import extract_stream, read_articles

    outcomes = list(extract_stream(read_articles([SEEDS]), Extractor()))
    assert all(o.ok for o in outcomes)
    return [(o.article, o.extraction) for o in outcomes]
