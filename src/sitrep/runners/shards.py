"""Sharded runs: the input cut into numbered shards, extracted anywhere, written in order.

A shard is a run of consecutive input documents, keyed by where they come from
("corpus.jsonl:1-64"), so the same input and shard size always give the same keys. Shards are
extracted by any executor (local processes, a Dask cluster); their results come back to the one
process that holds the store, which writes them in input order and then marks the shard done.
A re-run skips the shards marked done; a shard interrupted half-way is extracted again and its
documents already stored are no-ops (`Store.add_document` is idempotent on doc_id/content hash).

Nothing here imports dask: the executor is whatever `submit` the caller passes.
"""

from __future__ import annotations

import functools
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from sitrep.extract.pipeline import Extractor
from sitrep.models import Article, DocumentExtraction, RawDocument, Rejected
from sitrep.pipeline import Outcome, RunStats, extract_stream, timed, to_articles
from sitrep.readers import read_paths
from sitrep.settings import Settings

#: documents per shard: big enough to amortise a task's overhead (~ms), small enough to resume
DEFAULT_SHARD_SIZE = 64
_LINE = re.compile(r"^(?P<path>.*):(?P<line>\d+)$")


class ShardStore(Protocol):
    def add_document(self, article: Article, extraction: DocumentExtraction) -> bool: ...

    def mark_shard_done(self, key: str, counts: dict[str, int]) -> None: ...

    def shard_done(self, key: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class Shard:
    key: str
    items: tuple[RawDocument | Rejected, ...]


@dataclass(frozen=True, slots=True)
class ShardResult:
    key: str
    outcomes: tuple[Outcome, ...]
    seconds: dict[str, float] = field(default_factory=dict)


def shard_key(items: tuple[RawDocument | Rejected, ...]) -> str:
    """A shard's name: "path:first-last" for lines of one file, else "origin+count"."""
    first, last = items[0].origin, items[-1].origin
    a, b = _LINE.match(first), _LINE.match(last)
    if a and b and a["path"] == b["path"]:
        return f"{a['path']}:{a['line']}-{b['line']}"
    return f"{first}+{len(items)}"


def plan_shards(
    paths: Iterable[str | Path],
    *,
    shard_size: int = DEFAULT_SHARD_SIZE,
    published: date | None = None,
    max_bytes: int = 5_000_000,
    seconds: Counter[str] | None = None,
) -> Iterator[Shard]:
    """The input, streamed, as shards of `shard_size` documents (one file never mixes with
    the next, so a key names a line range of one file)."""
    if shard_size < 1:
        raise ValueError("shard_size must be at least 1")
    items: Iterator[RawDocument | Rejected] = read_paths(
        [Path(p) for p in paths], published=published, max_bytes=max_bytes
    )
    if seconds is not None:
        items = timed(items, seconds, "read_clean")
    batch: list[RawDocument | Rejected] = []
    current: str | None = None
    for item in items:
        m = _LINE.match(item.origin)
        source = m["path"] if m else item.origin
        if batch and (len(batch) >= shard_size or source != current):
            yield Shard(shard_key(tuple(batch)), tuple(batch))
            batch = []
        current = source
        batch.append(item)
    if batch:
        yield Shard(shard_key(tuple(batch)), tuple(batch))


@functools.cache
def worker_extractor(settings: Settings) -> Extractor:
    """The Extractor of this process, loaded on first use and kept (one per worker)."""
    return Extractor(settings)


def extract_shard(shard: Shard, settings: Settings) -> ShardResult:
    """Clean and extract one shard (runs in a worker process; never touches the store)."""
    extractor = worker_extractor(settings)
    before = Counter(extractor.seconds)
    seconds: Counter[str] = Counter()
    articles = timed(to_articles(shard.items), seconds, "read_clean")
    outcomes = tuple(extract_stream(articles, extractor, batch_size=settings.batch_size))
    seconds.update(extractor.seconds)
    seconds.subtract(before)
    return ShardResult(shard.key, outcomes, {k: v for k, v in seconds.items() if v})


class Pending(Protocol):
    def result(self) -> ShardResult: ...


def write_shard(
    store: ShardStore,
    result: ShardResult,
    stats: RunStats,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> None:
    """Store a shard's documents in order, then mark it done with its counters."""
    counts: Counter[str] = Counter()
    start = time.perf_counter()
    for outcome in result.outcomes:
        if outcome.ok and outcome.article is not None and outcome.extraction is not None:
            stored = store.add_document(outcome.article, outcome.extraction)
            counts["stored" if stored else "already stored"] += 1
        else:
            counts["failed"] += 1
            stats.failures.append((outcome.doc_id or outcome.origin, outcome.error or "unknown"))
        if on_outcome is not None:
            on_outcome(outcome)
    store.mark_shard_done(result.key, dict(counts))
    stats.seconds["store"] += time.perf_counter() - start
    stats.seconds.update(result.seconds)
    stats.counters.update(counts)
    stats.counters["shards done"] += 1


def run_shards(
    shards: Iterable[Shard],
    submit: Callable[[Shard], Pending],
    store: ShardStore,
    *,
    window: int,
    stats: RunStats | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_shard: Callable[[str], None] | None = None,
) -> RunStats:
    """Submit unfinished shards, at most `window` in flight, and write results in input order.

    Memory is bounded by `window` shards whatever the corpus size. `on_shard(key)` is called
    after each shard is marked done (progress; tests use it to interrupt a run).
    """
    stats = stats or RunStats()
    in_flight: deque[Pending] = deque()

    def drain_one() -> None:
        result = in_flight.popleft().result()
        write_shard(store, result, stats, on_outcome)
        if on_shard is not None:
            on_shard(result.key)

    for shard in shards:
        if store.shard_done(shard.key):
            stats.counters["shards skipped (done before)"] += 1
            continue
        in_flight.append(submit(shard))
        while len(in_flight) >= window:
            drain_one()
    while in_flight:
        drain_one()
    return stats
