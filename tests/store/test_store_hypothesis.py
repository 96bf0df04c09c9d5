"""Property: writing records to the store and reading them back is the identity."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.models import (
    Article,
    CasualtyFigure,
    CasualtyStatus,
    Claimant,
    ClaimantType,
    Count,
    DatePrecision,
    DocumentExtraction,
    Event,
    EventMention,
    EventType,
    Evidence,
    FatalityRange,
    FusedEvent,
    LedgerClaim,
    MergeDecision,
    Place,
    SubEventType,
    VictimKind,
)
from sitrep.store import Store

# Text a database can hold: no NUL (PostgreSQL refuses it), no lone surrogates.
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
names = texts.filter(bool)
maybe = st.none().__or__
counts = maybe(st.integers(0, 2**62))
coords = maybe(st.floats(allow_nan=False, allow_infinity=False))
evidence = st.builds(Evidence, st.integers(0, 10**6), st.integers(0, 10**6), texts)

places = st.builds(
    Place,
    name=names,
    country=maybe(names),
    admin1=maybe(names),
    admin2=maybe(names),
    latitude=coords,
    longitude=coords,
    geo_precision=st.integers(1, 3),
    kind=st.sampled_from(["city", "admin1", "admin2", "country", "border", "crossing"]),
    countries=st.lists(names, max_size=3).map(tuple),
)
fatality_ranges = maybe(st.builds(FatalityRange, counts, counts, counts, texts))
events = st.builds(
    Event,
    event_type=st.sampled_from([str(t) for t in EventType]),
    sub_event_type=st.sampled_from([str(t) for t in SubEventType]),
    date=maybe(st.dates()),
    date_precision=maybe(st.sampled_from(DatePrecision)),
    countries=st.lists(names, max_size=3).map(tuple),
    place=maybe(places),
    actor1=maybe(names),
    actor2=maybe(names),
    evidence=evidence,
    fatalities=fatality_ranges,
)


def figures(n_events: int) -> st.SearchStrategy[CasualtyFigure]:
    return st.builds(
        CasualtyFigure,
        status=st.sampled_from(CasualtyStatus),
        count=st.builds(Count, counts, counts, st.booleans()),
        victim=maybe(texts),
        victim_kind=st.sampled_from(VictimKind),
        victim_side=maybe(texts),
        claimant=st.builds(Claimant, maybe(names), st.sampled_from(ClaimantType)),
        evidence=evidence,
        event_index=maybe(st.integers(0, n_events - 1)) if n_events else st.none(),
    )


@st.composite
def documents(draw: st.DrawFn) -> tuple[Article, DocumentExtraction]:
    doc_id = f"{draw(texts)}-{uuid.uuid4().hex}"
    article = Article(
        doc_id=doc_id,
        text=draw(texts) + " " + uuid.uuid4().hex,  # distinct content across examples
        title=draw(maybe(texts)),
        published=draw(maybe(st.dates())),
        source=draw(maybe(texts)),
        url=draw(maybe(texts)),
    )
    doc_events = tuple(draw(st.lists(events, max_size=3)))
    extraction = DocumentExtraction(
        doc_id=doc_id,
        events=doc_events,
        casualties=tuple(draw(st.lists(figures(len(doc_events)), max_size=4))),
        published=draw(maybe(st.dates())),
        error=draw(maybe(texts)),
        warnings=tuple(draw(st.lists(texts, max_size=2))),
    )
    return article, extraction


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(doc=documents(), fatalities=fatality_ranges, superseded=st.booleans())
def test_write_then_read_is_identity(
    store: Store,
    doc: tuple[Article, DocumentExtraction],
    fatalities: FatalityRange | None,
    superseded: bool,
) -> None:
    article, extraction = doc
    assert store.add_document(article, extraction)
    assert store.get_article(article.doc_id) == article
    assert store.get_extraction(article.doc_id) == extraction
    if not extraction.events:
        return
    # One fused event holding every event and figure of the document.
    fused = FusedEvent(
        event_id=f"ev-{article.doc_id}",
        event=extraction.events[0],
        mentions=tuple(
            EventMention(article.doc_id, i, e, article.published, extraction.casualties)
            for i, e in enumerate(extraction.events)
        ),
        claims=tuple(
            LedgerClaim(article.doc_id, f, extraction.published, superseded)
            for f in extraction.casualties
        ),
        fatalities=fatalities,
    )
    decisions = [MergeDecision(article.doc_id, 0, fused.event_id, 0.5, "test")]
    store.replace_fused([fused], decisions)
    assert store.get_fused(fused.event_id) == fused
    assert list(store.iter_fused()) == [fused]
