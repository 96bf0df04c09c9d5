"""From a document's extraction to the mentions fusion works on, and their canonical order.

A mention is one event of one document with the figures attached to it. Figures whose
`event_index` is null are attached to the document's main event (index 0, the most salient),
so that no claim of the document drops out of the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sitrep.models import Article, DocumentExtraction, EventMention

#: A mention's identity: (doc_id, event index in that document).
MentionKey = tuple[str, int]


def key_of(mention: EventMention) -> MentionKey:
    return (mention.doc_id, mention.index)


def mentions_of(article: Article | None, extraction: DocumentExtraction) -> list[EventMention]:
    """The document's events as mentions, each with the figures that point to it."""
    if extraction.error is not None:
        return []
    published = extraction.published or (article.published if article else None)
    attached: dict[int, list] = {i: [] for i in range(len(extraction.events))}
    for figure in extraction.casualties:
        index = figure.event_index if figure.event_index in attached else 0
        if index in attached:
            attached[index].append(figure)
    return [
        EventMention(
            doc_id=extraction.doc_id,
            index=i,
            event=event,
            published=published,
            casualties=tuple(attached[i]),
        )
        for i, event in enumerate(extraction.events)
    ]


def mentions_from(
    pairs: Iterable[tuple[Article | None, DocumentExtraction]],
) -> Iterator[EventMention]:
    for article, extraction in pairs:
        yield from mentions_of(article, extraction)


def order_key(mention: EventMention) -> tuple[date, str, int]:
    """The canonical processing order: by publication (else event) date, doc_id, index.

    Publication order is the order in which news arrives, so fusing incrementally as articles
    come in gives the same result as fusing them all at once in this order; ids anchored on
    the first member stay put when later reports join.
    """
    day = mention.published or mention.event.date or date.max
    return (day, mention.doc_id, mention.index)
