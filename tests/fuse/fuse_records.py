"""Hand-built mentions for the fusion tests: Kabul strikes, a Durand Line clash and its reports."""

from __future__ import annotations

from datetime import date

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
    Evidence,
    Place,
    VictimKind,
)

KABUL = Place("Kabul", "Afghanistan", "Kabul", "Kabul", 34.5281, 69.1723, 1)
DURAND = Place("Durand Line", None, kind="border", countries=("Afghanistan", "Pakistan"))
PESHAWAR = Place("Peshawar", "Pakistan", "Khyber Pakhtunkhwa", None, 34.008, 71.5785, 1)


def event(
    sub: str = "Air/drone strike",
    on: date | None = date(2025, 10, 9),
    place: Place | None = KABUL,
    actors: tuple[str | None, str | None] = ("Military Forces of Pakistan", None),
    text: str = "Pakistani drones struck Kabul.",
    etype: str | None = None,
    start: int = 0,
) -> Event:
    parents = {
        "Air/drone strike": "Explosions/Remote violence",
        "Suicide bomb": "Explosions/Remote violence",
        "Armed clash": "Battles",
        "Agreement": "Strategic developments",
    }
    countries = place.countries or (place.country,) if place else ("Afghanistan",)
    return Event(
        event_type=etype or parents[sub],
        sub_event_type=sub,
        date=on,
        date_precision=DatePrecision.DAY if on else None,
        countries=tuple(c for c in countries if c),
        place=place,
        actor1=actors[0],
        actor2=actors[1],
        evidence=Evidence(start, start + len(text), text),
    )


def figure(
    low: int | None,
    claimant: str | None = None,
    ctype: ClaimantType = ClaimantType.MEDIA,
    *,
    status: CasualtyStatus = CasualtyStatus.KILLED,
    kind: VictimKind = VictimKind.CIVILIAN,
    side: str | None = "Afghanistan",
    high: int | None = None,
    index: int | None = 0,
    text: str | None = None,
) -> CasualtyFigure:
    sentence = text or f"{claimant or 'Officials'} said {low} people were {status}."
    return CasualtyFigure(
        status=status,
        count=Count(low, high if high is not None else low),
        victim="people",
        victim_kind=kind,
        victim_side=side,
        claimant=Claimant(claimant, ctype),
        evidence=Evidence(0, len(sentence), sentence),
        event_index=index,
    )


def mention(
    doc_id: str,
    ev: Event,
    published: date | None,
    casualties: tuple[CasualtyFigure, ...] = (),
    index: int = 0,
) -> EventMention:
    return EventMention(doc_id, index, ev, published, casualties)


def doc(
    doc_id: str,
    text: str,
    events: tuple[Event, ...],
    casualties: tuple[CasualtyFigure, ...] = (),
    published: date | None = date(2025, 10, 12),
) -> tuple[Article, DocumentExtraction]:
    article = Article(doc_id, text, title=doc_id, published=published, source="test")
    return article, DocumentExtraction(doc_id, events, casualties, published)


# The Durand Line clash of 11 October 2025, a Kabul strike two days before, one a week later.
CLASH_TEXT = "Taliban forces and Pakistani troops clashed along the Durand Line on Saturday night."
CLASH = event(
    "Armed clash",
    date(2025, 10, 11),
    DURAND,
    ("Taliban", "Military Forces of Pakistan"),
    CLASH_TEXT,
)
RESTATED = event(
    "Armed clash",
    date(2025, 10, 11),
    None,
    ("Taliban", None),
    "The clashes on Saturday night between Taliban fighters and Pakistani troops killed dozens.",
)
STRIKE_9 = event(on=date(2025, 10, 9), text="A Pakistani air strike hit TTP hideouts in Kabul.")
STRIKE_15 = event(
    on=date(2025, 10, 15), text="Two drone strikes hit a market and a house in Kabul on Wednesday."
)


def scenario() -> list[EventMention]:
    """Two outlets on the clash, a later restatement, and the two Kabul strikes."""
    return [
        mention(
            "clash-a",
            CLASH,
            date(2025, 10, 12),
            (
                figure(
                    58,
                    "Zabihullah Mujahid",
                    ClaimantType.PARTY,
                    kind=VictimKind.SECURITY_FORCES,
                    side="Pakistan",
                ),
            ),
        ),
        mention("clash-a", STRIKE_9, date(2025, 10, 12), index=1),
        mention(
            "clash-b",
            CLASH,
            date(2025, 10, 12),
            (
                figure(
                    23, "ISPR", ClaimantType.PARTY, kind=VictimKind.SECURITY_FORCES, side="Pakistan"
                ),
            ),
        ),
        mention("restate-c", RESTATED, date(2025, 10, 14)),
        mention("strike-d", STRIKE_15, date(2025, 10, 16)),
    ]
