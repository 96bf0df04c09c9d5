"""Fusion over a store: read every extraction, fuse, replace the fused events in one go.

The store is any object with the methods of `FusionStore` (sitrep.store.Store has them), so
this module needs no database library. Manual decisions come from the store's merge log
unless given; they are honoured as must-link / cannot-link constraints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sitrep.extract.lexicon import Lexicon
from sitrep.fuse.build import build_event
from sitrep.fuse.cluster import Constraints, Fuser, fuse_mentions
from sitrep.fuse.contradictions import SourceText
from sitrep.fuse.manual import (
    LoggedDecision,
    constraints_from_decisions,
    constraints_from_log,
    merge_events,
    split_mention,
)
from sitrep.fuse.mentions import mentions_of
from sitrep.fuse.similarity import FuseSettings
from sitrep.models import Article, DocumentExtraction, EventMention, FusedEvent, MergeDecision


class FusionStore(Protocol):
    def iter_extractions(
        self, *, order: Any = ..., include_errors: bool = ..., batch_size: int = ...
    ) -> Iterator[tuple[Article, DocumentExtraction]]: ...

    def replace_fused(
        self, events: Iterable[FusedEvent], decisions: Iterable[MergeDecision]
    ) -> None: ...

    def merge_log(self, event_id: str | None = None) -> Sequence[LoggedDecision]: ...

    def get_fused(self, event_id: str) -> FusedEvent | None: ...

    def log_decision(self, decision: MergeDecision, *, manual: bool = True) -> None: ...


@dataclass(frozen=True, slots=True)
class FusionResult:
    events: list[FusedEvent]
    decisions: list[MergeDecision]
    documents: int
    mentions: int


class EventNotFound(LookupError):
    """A fused event id that the store does not hold."""


def fuse_pairs(
    pairs: Iterable[tuple[Article | None, DocumentExtraction]],
    *,
    settings: FuseSettings | None = None,
    constraints: Constraints | None = None,
    lexicon: Lexicon | None = None,
) -> FusionResult:
    """Fuse documents given as (article, extraction) pairs; the articles' texts feed the
    contradiction cues."""
    mentions: list[EventMention] = []
    texts: dict[str, SourceText] = {}
    documents = 0
    for article, extraction in pairs:
        documents += 1
        mentions.extend(mentions_of(article, extraction))
        if article is not None:
            spans = tuple(e.evidence for e in extraction.events)
            texts[article.doc_id] = SourceText(article.text, spans)
    fuser = fuse_mentions(mentions, settings, constraints)
    return FusionResult(
        events=events_of(fuser, texts, lexicon),
        decisions=fuser.decisions(),
        documents=documents,
        mentions=len(mentions),
    )


def events_of(
    fuser: Fuser,
    texts: dict[str, SourceText] | None = None,
    lexicon: Lexicon | None = None,
) -> list[FusedEvent]:
    return [
        build_event(event_id, members, texts, fuser.settings, lexicon)
        for event_id, members in fuser.groups()
    ]


def fuse_store(
    store: FusionStore,
    *,
    settings: FuseSettings | None = None,
    manual: Iterable[MergeDecision] | None = None,
    lexicon: Lexicon | None = None,
) -> FusionResult:
    """Re-fuse everything the store holds and replace its fused events (one transaction).

    `manual`: the analysts' decisions to honour, oldest first; default: the store's log.
    """
    if manual is None:
        constraints = constraints_from_log(store.merge_log())
    else:
        constraints = constraints_from_decisions(manual)
    pairs = store.iter_extractions(order="doc_id", include_errors=False)
    result = fuse_pairs(pairs, settings=settings, constraints=constraints, lexicon=lexicon)
    store.replace_fused(result.events, result.decisions)
    return result


def _get(store: FusionStore, event_id: str) -> FusedEvent:
    event = store.get_fused(event_id)
    if event is None:
        raise EventNotFound(f"no fused event {event_id!r}")
    return event


def merge_in_store(
    store: FusionStore, a: str, b: str, *, settings: FuseSettings | None = None
) -> str:
    """Merge events `a` and `b` by hand: log the decisions, re-fuse; returns the event's id."""
    merged, decisions = merge_events(_get(store, a), _get(store, b), settings=settings)
    for d in decisions:
        store.log_decision(d, manual=True)
    result = fuse_store(store, settings=settings)
    first = merged.mentions[0]
    return next(
        e.event_id
        for e in result.events
        if any((m.doc_id, m.index) == (first.doc_id, first.index) for m in e.mentions)
    )


def split_in_store(
    store: FusionStore,
    event_id: str,
    doc_id: str,
    index: int,
    *,
    settings: FuseSettings | None = None,
) -> str:
    """Split a mention out of an event by hand: log, re-fuse; returns the mention's event id."""
    _, _, decision = split_mention(_get(store, event_id), doc_id, index, settings=settings)
    store.log_decision(decision, manual=True)
    result = fuse_store(store, settings=settings)
    return next(
        e.event_id
        for e in result.events
        if any((m.doc_id, m.index) == (doc_id, index) for m in e.mentions)
    )
