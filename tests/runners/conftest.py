"""A small corpus for the runners: the two real seed articles and a few generated documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.bench.corpus import documents, load_units


@pytest.fixture(scope="session")
def corpus(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    extra = folder / "generated.jsonl"
    with extra.open("w", encoding="utf-8") as fh:
        for rec in documents(load_units(shared_dir), 5, words=120):
            fh.write(json.dumps(rec) + "\n")
    return [shared_dir / "corpus" / "seeds.jsonl", extra]
