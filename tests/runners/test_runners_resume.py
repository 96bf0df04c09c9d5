"""Interrupted sharded runs resume without re-processing finished shards or duplicating."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from sitrep.extract.pipeline import Extractor
from sitrep.runners.shards import Shard, ShardResult, extract_shard, plan_shards, run_shards
from sitrep.settings import Settings
from sitrep.store import open_store


class Done:
    """A finished future: shards extracted in this process (the executor is not under test)."""

    def __init__(self, value: ShardResult) -> None:
        self.value = value

    def result(self) -> ShardResult:
        return self.value


class Interrupted(Exception):
    pass


def test_resume_after_an_interruption_inside_a_shard(
    corpus: list[Path], tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitrep.runners.shards as shards

    monkeypatch.setattr(shards, "worker_extractor", lambda settings: extractor)
    settings = Settings()
    extracted: list[str] = []

    def submit(shard: Shard) -> Done:
        extracted.append(shard.key)
        return Done(extract_shard(shard, settings))

    stored_so_far = 0

    def crash_on_fourth(outcome: object) -> None:
        nonlocal stored_so_far
        stored_so_far += 1
        if stored_so_far == 4:  # the second document of the second shard
            raise Interrupted

    url = f"sqlite:///{tmp_path / 'resume.db'}"
    plan = partial(plan_shards, corpus, shard_size=2)
    with open_store(url) as store, pytest.raises(Interrupted):
        run_shards(plan(), submit, store, window=1, on_outcome=crash_on_fourth)
    keys = [s.key for s in plan()]
    with open_store(url) as store:
        assert store.shard_done(keys[0]) and not store.shard_done(keys[1])
        assert store.count_documents() == 4  # the crash came after the 4th was written
        extracted.clear()
        stats = run_shards(plan(), submit, store, window=1)
        assert extracted == keys[1:]  # the finished shard was not extracted again
        assert stats.counters["shards skipped (done before)"] == 1
        assert stats.counters["already stored"] == 2  # the interrupted shard's stored docs
        assert stats.counters["stored"] == 3
        assert store.count_documents() == 7
        assert all(store.shard_done(k) for k in keys)
