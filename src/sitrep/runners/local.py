"""The default runner: one process, streaming, one transaction per document; or, with
`workers` > 1, local worker processes extracting shards that this process writes in order."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from functools import partial
from pathlib import Path
from typing import Protocol

from sitrep.extract.pipeline import Extractor
from sitrep.models import Article, DocumentExtraction, Rejected
from sitrep.pipeline import Outcome, RunStats, extract_stream, read_articles, timed
from sitrep.runners.shards import (
    DEFAULT_SHARD_SIZE,
    ShardStore,
    extract_shard,
    plan_shards,
    run_shards,
    worker_extractor,
)
from sitrep.settings import Settings


class DocumentSink(Protocol):
    def has_document(self, doc_id: str | None = None, content_hash: str | None = None) -> bool: ...

    def add_document(self, article: Article, extraction: DocumentExtraction) -> bool: ...


def _new_only(
    items: Iterable[Article | Rejected], sink: DocumentSink, stats: RunStats
) -> Iterator[Article | Rejected]:
    """Re-ingesting an article is a no-op: skip it before paying for its extraction."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article):
            digest = item.content_hash
            start = time.perf_counter()
            known = (
                digest in seen
                or sink.has_document(item.doc_id, None)
                or sink.has_document(None, digest)
            )
            stats.seconds["store"] += time.perf_counter() - start
            if known:
                stats.counters["already stored"] += 1
                continue
            seen.add(digest)
        yield item


def ingest(
    paths: Iterable[str | Path],
    sink: DocumentSink,
    extractor: Extractor,
    *,
    published: date | None = None,
    max_bytes: int = 5_000_000,
    batch_size: int = 8,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunStats:
    """Read, clean, extract and store every document; failures are counted, never raised."""
    stats = RunStats()
    before = dict(extractor.seconds)
    articles = timed(
        read_articles(paths, published=published, max_bytes=max_bytes), stats.seconds, "read_clean"
    )
    items = _new_only(articles, sink, stats)
    for outcome in extract_stream(items, extractor, batch_size=batch_size):
        if outcome.ok and outcome.article is not None and outcome.extraction is not None:
            start = time.perf_counter()
            stored = sink.add_document(outcome.article, outcome.extraction)
            stats.seconds["store"] += time.perf_counter() - start
            stats.counters["stored" if stored else "already stored"] += 1
        else:
            stats.counters["failed"] += 1
            stats.failures.append((outcome.doc_id or outcome.origin, outcome.error or "unknown"))
        if on_outcome is not None:
            on_outcome(outcome)
    for stage, secs in extractor.seconds.items():
        stats.seconds[stage] += secs - before.get(stage, 0.0)
    return stats


def _load_worker(settings: Settings) -> None:
    worker_extractor(settings)


def ingest_parallel(
    paths: Iterable[str | Path],
    store: ShardStore,
    settings: Settings,
    *,
    workers: int = 2,
    published: date | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_shard: Callable[[str], None] | None = None,
) -> RunStats:
    """`workers` local processes (spawned, models loaded once each) extract shards; this
    process reads the input, writes the results in input order and marks shards done, so an
    interrupted run resumes at the first unfinished shard."""
    stats = RunStats()
    shards = plan_shards(
        paths,
        shard_size=shard_size,
        published=published,
        max_bytes=settings.max_bytes,
        seconds=stats.seconds,
    )
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_load_worker, initargs=(settings,)
    ) as pool:
        work = partial(extract_shard, settings=settings)
        return run_shards(
            shards,
            lambda shard: pool.submit(work, shard),
            store,
            window=2 * workers,
            stats=stats,
            on_outcome=on_outcome,
            on_shard=on_shard,
        )
