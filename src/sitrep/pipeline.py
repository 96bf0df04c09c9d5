"""The stages chained: read -> clean -> extract, streaming, in bounded batches, in input order.

Every input item comes out exactly once, as an `Outcome`: either an article with its
extraction, or the reason it was rejected. Counters name each outcome for the run summary.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TypeVar

from sitrep.clean import CleanError, clean
from sitrep.extract.pipeline import Extractor
from sitrep.models import Article, DocumentExtraction, RawDocument, Rejected
from sitrep.readers import read_paths

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Outcome:
    origin: str
    article: Article | None
    extraction: DocumentExtraction | None
    rejected: Rejected | None = None

    @property
    def ok(self) -> bool:
        return self.extraction is not None and self.extraction.error is None

    @property
    def doc_id(self) -> str | None:
        if self.article is not None:
            return self.article.doc_id
        return self.rejected.doc_id if self.rejected else None

    @property
    def error(self) -> str | None:
        if self.rejected is not None:
            return self.rejected.reason
        return self.extraction.error if self.extraction else None


@dataclass
class RunStats:
    counters: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (origin or id, reason)
    #: wall seconds per stage ("read_clean", "parse", "extract", "store"), summed over processes
    seconds: Counter[str] = field(default_factory=Counter)

    def count(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.counters["extracted"] += 1
            return
        self.counters["failed"] += 1
        self.failures.append((outcome.doc_id or outcome.origin, outcome.error or "unknown"))


def timed(items: Iterable[_T], seconds: Counter[str], stage: str) -> Iterator[_T]:
    """`items` unchanged; the time spent producing each one is added to `seconds[stage]`."""
    it = iter(items)
    while True:
        start = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            seconds[stage] += time.perf_counter() - start
            return
        seconds[stage] += time.perf_counter() - start
        yield item


def to_articles(items: Iterable[RawDocument | Rejected]) -> Iterator[Article | Rejected]:
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            yield clean(item)
        except CleanError as exc:
            yield Rejected(item.origin, exc.reason, item.id)


def read_articles(
    paths: Iterable[str | Path], *, published: date | None = None, max_bytes: int = 5_000_000
) -> Iterator[Article | Rejected]:
    return to_articles(
        read_paths([Path(p) for p in paths], published=published, max_bytes=max_bytes)
    )


def extract_stream(
    items: Iterable[Article | Rejected], extractor: Extractor, batch_size: int = 64
) -> Iterator[Outcome]:
    """Extraction over a stream, `batch_size` items in memory at a time, order kept."""
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        articles = [x for x in batch if isinstance(x, Article)]
        results = iter(extractor.extract_many(articles))
        for item in batch:
            if isinstance(item, Rejected):
                yield Outcome(item.origin, None, None, item)
            else:
                yield Outcome(item.doc_id, item, next(results))
