"""The default runner: one process, streaming, one transaction per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Protocol

from sitrep.extract.pipeline import Extractor
from sitrep.models import Article, DocumentExtraction, Rejected
from sitrep.pipeline import Outcome, RunStats, extract_stream, read_articles


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
            if (
                digest in seen
                or sink.has_document(item.doc_id, None)
                or sink.has_document(None, digest)
            ):
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
    batch_size: int = 32,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunStats:
    """Read, clean, extract and store every document; failures are counted, never raised."""
    stats = RunStats()
    items = _new_only(read_articles(paths, published=published, max_bytes=max_bytes), sink, stats)
    for outcome in extract_stream(items, extractor, batch_size=batch_size):
        if outcome.ok and outcome.article is not None and outcome.extraction is not None:
            if sink.add_document(outcome.article, outcome.extraction):
                stats.counters["stored"] += 1
            else:
                stats.counters["already stored"] += 1
        else:
            stats.counters["failed"] += 1
            stats.failures.append((outcome.doc_id or outcome.origin, outcome.error or "unknown"))
        if on_outcome is not None:
            on_outcome(outcome)
    return stats
