"""Fixtures: the dev gold lines and a perfect prediction for each."""

from __future__ import annotations

from typing import Any

import pytest
from eval_gold import GOLD_FILES, perfect_prediction

from sitrep.eval import load_jsonl


@pytest.fixture(scope="session")
def dev_gold() -> list[dict[str, Any]]:
    path = GOLD_FILES["dev"]
    if not path.exists():
        pytest.skip(f"gold file not found: {path}")
    return list(load_jsonl(path))


@pytest.fixture()
def dev_perfect(dev_gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [perfect_prediction(doc) for doc in dev_gold]
