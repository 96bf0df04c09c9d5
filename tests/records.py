"""Record builders shared by the store, export and API tests (`tests/*/…_records.py` write
their scenarios with them): the seeds' places; the articles, events and casualty figures of a
Durand Line clash and the drone strikes around it; and the fused events made of them.

Builders take the `Evidence` they quote, so a scenario decides whether its offsets point into
an article's text (`quote`) or are only plausible (`evidence`).
"""

from __future__ import annotations

from datetime import date

from sitrep.models import (
    Article,
    CasualtyFigure,
    CasualtyStatus,
    Claimant,
    ClaimantType,
    Contradiction,
    Count,
    DatePrecision,
    DocumentExtraction,
    Event,
    EventMention,
    Evidence,
    FatalityRange,
    FusedEvent,
    LedgerClaim,
    Place,
    VictimKind,
)

PUBLISHED = date(2025, 10, 12)

DURAND = Place(
    name="Durand Line",
    country=None,
    geo_precision=2,
    kind="border",
    countries=("Afghanistan", "Pakistan"),
)
KABUL = Place(
    name="Kabul",
    country="Afghanistan",
    admin1="Kabul",
    latitude=34.52813,
    longitude=69.17233,
    geo_precision=1,
)


def evidence(text: str, start: int = 0) -> Evidence:
    """`text` as if it stood at `start`."""
    return Evidence(start, start + len(text), text)


def quote(text: str, sentence: str) -> Evidence:
    """`sentence` where it stands in `text`."""
    return evidence(sentence, text.index(sentence))


def article(doc_id: str, text: str, **fields: object) -> Article:
    """An article with a title, date, outlet and URL made from its id, unless `fields` say."""
    values: dict[str, object] = {
        "title": f"Title of {doc_id}",
        "published": PUBLISHED,
        "source": f"outlet-{doc_id}",
        "url": f"https://example.org/{doc_id}",
    }
    values.update(fields)
    return Article(doc_id=doc_id, text=text, **values)  # type: ignore[arg-type]


def clash(quoted: Evidence, fatalities: FatalityRange | None = None) -> Event:
    """The Taliban and Pakistan's forces on the Durand Line, 11 October 2025."""
    return Event(
        event_type="Battles",
        sub_event_type="Armed clash",
        date=date(2025, 10, 11),
        date_precision=DatePrecision.DAY,
        countries=("Afghanistan", "Pakistan"),
        place=DURAND,
        actor1="Taliban",
        actor2="Military Forces of Pakistan",
        evidence=quoted,
        fatalities=fatalities,
    )


def strike(
    quoted: Evidence,
    on: date = date(2025, 10, 9),
    place: Place = KABUL,
    actor1: str = "Military Forces of Pakistan",
) -> Event:
    """An air/drone strike in Afghanistan (Kabul unless `place` says)."""
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=on,
        date_precision=DatePrecision.DAY,
        countries=("Afghanistan",),
        place=place,
        actor1=actor1,
        actor2=None,
        evidence=quoted,
    )


def figure(
    low: int | None,
    high: int | None,
    claimant: str | None,
    ctype: ClaimantType,
    quoted: Evidence,
    *,
    status: CasualtyStatus = CasualtyStatus.KILLED,
    victim: str | None = "Pakistani soldiers",
    kind: VictimKind = VictimKind.SECURITY_FORCES,
    side: str | None = "Pakistan",
    event_index: int | None = 0,
    approx: bool = False,
) -> CasualtyFigure:
    """A casualty figure, by default Pakistani soldiers killed, of the document's first event."""
    return CasualtyFigure(
        status=status,
        count=Count(low, high, approx),
        victim=victim,
        victim_kind=kind,
        victim_side=side,
        claimant=Claimant(claimant, ctype),
        evidence=quoted,
        event_index=event_index,
    )


def mention(
    doc: Article,
    extraction: DocumentExtraction,
    index: int,
    casualties: tuple[CasualtyFigure, ...] = (),
) -> EventMention:
    """The document's event `index`, as fusion takes it in."""
    return EventMention(doc.doc_id, index, extraction.events[index], doc.published, casualties)


def fused(
    event_id: str,
    *mentions: EventMention,
    claims: tuple[LedgerClaim, ...] = (),
    fatalities: FatalityRange | None = None,
    contradictions: tuple[Contradiction, ...] = (),
) -> FusedEvent:
    """A fused event represented by its first mention's event."""
    return FusedEvent(event_id, mentions[0].event, mentions, claims, fatalities, contradictions)
