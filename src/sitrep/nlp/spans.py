"""Linear-time views of a parsed Doc. spaCy's `Span.ents` scans every entity of the document,
so calling it once per sentence made extraction quadratic in an article's length."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "sitrep_sentence_ents"


def sentence_ents(sent: Span) -> list[Span]:
    """The named entities inside `sent`, bucketed once per document."""
    doc: Doc = sent.doc
    cache: dict[int, list[Span]] | None = doc.user_data.get(_KEY)
    if cache is None:
        cache = {}
        ents = list(doc.ents)
        k = 0
        for s in doc.sents:
            bucket: list[Span] = []
            while k < len(ents) and ents[k].start < s.end:
                if ents[k].start >= s.start:
                    bucket.append(ents[k])
                k += 1
            cache[s.start] = bucket
        doc.user_data[_KEY] = cache
    found = cache.get(sent.start)
    if found is None:  # a span that is not one of the document's sentences
        return [e for e in doc.ents if sent.start <= e.start and e.end <= sent.end]
    return [e for e in found if e.end <= sent.end]


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
