"""Linear-time views of a parsed Doc. spaCy's `Span.ents` scans every entity of the document,
so calling it once per sentence made extraction quadratic in an article's length."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "sitrep_sentence_ents"


def sentence_ents(sent: Span) -> list[Span]:
    """The named entities inside `sent`, bucketed once per document.

    The buckets hold (start, end, label) numbers, not Spans: a Span kept in `doc.user_data`
    refers back to its Doc, and such cycles wait for the garbage collector's oldest generation,
    which with the gazetteer's millions of long-lived objects runs so rarely that every parsed
    Doc (with its tensors) stayed in memory: ~60 MB more per 200 benchmark articles.
    """
    doc: Doc = sent.doc
    cache: dict[int, list[tuple[int, int, int]]] | None = doc.user_data.get(_KEY)
    if cache is None:
        cache = {}
        ents = [(e.start, e.end, e.label) for e in doc.ents]
        k = 0
        for s in doc.sents:
            bucket: list[tuple[int, int, int]] = []
            while k < len(ents) and ents[k][0] < s.end:
                if ents[k][0] >= s.start:
                    bucket.append(ents[k])
                k += 1
            cache[s.start] = bucket
        doc.user_data[_KEY] = cache
    found = cache.get(sent.start)
    if found is None:  # a span that is not one of the document's sentences
        return [e for e in doc.ents if sent.start <= e.start and e.end <= sent.end]
    return [Span(doc, start, end, label=label) for start, end, label in found if end <= sent.end]


def entity_of(token: Token) -> Span | None:
    """The entity `token` belongs to, found from the token's IOB tags (no scan of doc.ents)."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
