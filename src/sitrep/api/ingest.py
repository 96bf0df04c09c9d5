"""The API's write path: FORMAT.md §1 records -> cleaned articles -> extraction -> store ->
re-fusion; and analysts' merges and splits.

The Extractor is created once per app, at the first write that needs it (it loads spaCy and
the gazetteer, several seconds). Writes are serialised by one lock: spaCy pipelines are not
shared between threads, and each re-fusion replaces every fused event. A record never names
a file: only its text is read.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sitrep.clean import CleanError, clean
from sitrep.models import Article, DocumentExtraction, Rejected
from sitrep.readers import record_to_document
from sitrep.readers.jsonl import BadRecord
from sitrep.settings import Settings
from sitrep.store import Store

log = logging.getLogger(__name__)


class DocumentExtractor(Protocol):
    def extract_many(self, articles: Sequence[Article]) -> Any: ...


ExtractorFactory = Callable[[Settings], DocumentExtractor]


def default_extractor(settings: Settings) -> DocumentExtractor:
    from sitrep.extract.pipeline import Extractor

    return Extractor(settings)


@dataclass(slots=True)
class ItemResult:
    index: int
    doc_id: str | None
    status: str  # stored, duplicate, rejected, failed
    reason: str | None = None
    events: int = 0
    casualties: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "doc_id": self.doc_id,
            "status": self.status,
            "reason": self.reason,
            "events": self.events,
            "casualties": self.casualties,
        }


@dataclass(slots=True)
class IngestResult:
    items: list[ItemResult] = field(default_factory=list)
    fused_events: int | None = None  # events after re-fusion; None when nothing was re-fused

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    def as_dict(self) -> dict[str, Any]:
        return {
            "stored": self.count("stored"),
            "duplicates": self.count("duplicate"),
            "rejected": self.count("rejected"),
            "failed": self.count("failed"),
            "fused_events": self.fused_events,
            "results": [i.as_dict() for i in sorted(self.items, key=lambda r: r.index)],
        }


def _fuse_store() -> Callable[[Store], Any] | None:
    try:
        from sitrep.fuse import fuse_store
    except ImportError:  # fusion not available in this build
        return None
    return fuse_store


class Writer:
    """Serialised writes to one store, with a lazily created extractor."""

    def __init__(
        self, store: Store, settings: Settings, extractor_factory: ExtractorFactory | None = None
    ) -> None:
        self.store = store
        self.settings = settings
        self._factory = extractor_factory or default_extractor
        self._extractor: DocumentExtractor | None = None
        self.lock = threading.Lock()

    def extractor(self) -> DocumentExtractor:
        """The app's extractor, created on first use (call with `lock` held)."""
        if self._extractor is None:
            log.info("loading the extractor for the first write")
            self._extractor = self._factory(self.settings)
        return self._extractor

    def _article(self, i: int, record: Any) -> Article | ItemResult:
        doc_id = record.get("id") if isinstance(record, dict) else None
        doc_id = doc_id if isinstance(doc_id, str) else None
        try:
            raw = record_to_document(record, origin=f"request item {i}")
        except BadRecord as err:
            return ItemResult(i, err.doc_id or doc_id, "rejected", err.reason)
        if isinstance(raw, Rejected):
            return ItemResult(i, raw.doc_id, "rejected", raw.reason)
        size = len(raw.text.encode("utf-8"))
        if size > self.settings.max_bytes:
            reason = f"text of {size} bytes is over the limit of {self.settings.max_bytes}"
            return ItemResult(i, raw.id, "rejected", reason)
        try:
            return clean(raw)
        except CleanError as err:
            return ItemResult(i, raw.id, "rejected", err.reason)

    def ingest(self, records: Sequence[Any]) -> IngestResult:
        """Store every acceptable record with its extraction; then re-fuse once."""
        result = IngestResult()
        todo: list[tuple[int, Article]] = []
        seen: set[str] = set()
        for i, record in enumerate(records):
            item = self._article(i, record)
            if isinstance(item, ItemResult):
                result.items.append(item)
                continue
            key = item.content_hash
            if item.doc_id in seen or key in seen:
                result.items.append(ItemResult(i, item.doc_id, "duplicate", "repeated in request"))
                continue
            seen.update((item.doc_id, key))
            todo.append((i, item))
        if not todo:
            return result
        with self.lock:
            fresh = []
            for i, article in todo:
                if self.store.has_document(article.doc_id) or self.store.has_document(
                    None, article.content_hash
                ):
                    result.items.append(
                        ItemResult(i, article.doc_id, "duplicate", "already stored")
                    )
                else:
                    fresh.append((i, article))
            if not fresh:
                return result
            extractions = self.extractor().extract_many([a for _, a in fresh])
            for (i, article), extraction in zip(fresh, extractions, strict=True):
                result.items.append(self._store(i, article, extraction))
            if result.count("stored"):
                fuse = _fuse_store()
                if fuse is not None:
                    result.fused_events = len(fuse(self.store).events)
        return result

    def _store(self, i: int, article: Article, x: DocumentExtraction) -> ItemResult:
        if x.error is not None:
            return ItemResult(i, article.doc_id, "failed", x.error)
        if not self.store.add_document(article, x):
            return ItemResult(i, article.doc_id, "duplicate", "already stored")
        return ItemResult(i, article.doc_id, "stored", None, len(x.events), len(x.casualties))

    def merge(self, a: str, b: str) -> str:
        from sitrep.fuse import merge_in_store

        with self.lock:
            return merge_in_store(self.store, a, b)

    def split(self, event_id: str, doc_id: str, index: int) -> str:
        from sitrep.fuse import split_in_store

        with self.lock:
            return split_in_store(self.store, event_id, doc_id, index)
