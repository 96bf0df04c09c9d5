"""Completion markers of shards, for resumable runs."""

from __future__ import annotations

from sitrep.store import Store


def test_shards(store: Store) -> None:
    assert not store.shard_done("corpus.jsonl:0-999")
    assert store.shard_counts("corpus.jsonl:0-999") is None
    store.mark_shard_done("corpus.jsonl:0-999", {"documents": 1000, "rejected": 3})
    assert store.shard_done("corpus.jsonl:0-999")
    assert not store.shard_done("corpus.jsonl:1000-1999")
    assert store.shard_counts("corpus.jsonl:0-999") == {"documents": 1000, "rejected": 3}
    # marking again (a forced re-run) updates the counters, no duplicate key error
    store.mark_shard_done("corpus.jsonl:0-999", {"documents": 1000, "rejected": 0})
    assert store.shard_counts("corpus.jsonl:0-999") == {"documents": 1000, "rejected": 0}
