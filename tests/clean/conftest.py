"""Fixtures for clean tests: the real seed articles of the shared corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The repository sits next to shared/ (as the Makefile's CORPUS assumes); SITREP_SHARED overrides.
SHARED = Path(os.environ.get("SITREP_SHARED", Path(__file__).resolve().parents[3] / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    # CI has the shared folder: fail loudly rather than skip silently.
    assert (CORPUS / "seeds.jsonl").is_file(), (
        f"seed corpus not found at {CORPUS}; set SITREP_SHARED"
    )
    return CORPUS


@pytest.fixture(scope="session")
def seed_records(corpus: Path) -> dict[str, dict]:
    lines = (corpus / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    return {rec["id"]: rec for rec in map(json.loads, lines)}
