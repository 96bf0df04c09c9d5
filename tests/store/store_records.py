"""Hand-built records for the store tests (the extractor and fusion are written elsewhere).

The scenario follows the seeds: a Durand Line clash reported by two outlets with competing
figures, and a Kabul drone strike reported by one.
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
    MergeDecision,
    Place,
    VictimKind,
)

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


def article(doc_id: str, text: str, published: date | None = date(2025, 10, 12)) -> Article:
    return Article(
        doc_id=doc_id,
        text=text,
        title=f"Title of {doc_id}",
        published=published,
        source="test-wire",
        url=f"https://example.org/{doc_id}",
    )


def clash(evidence: str, fatalities: FatalityRange | None = None) -> Event:
    return Event(
        event_type="Battles",
        sub_event_type="Armed clash",
        date=date(2025, 10, 11),
        date_precision=DatePrecision.DAY,
        countries=("Afghanistan", "Pakistan"),
        place=DURAND,
        actor1="Taliban",
        actor2="Military Forces of Pakistan",
        evidence=Evidence(0, len(evidence), evidence),
        fatalities=fatalities,
    )


def strike(evidence: str, on: date = date(2025, 10, 9)) -> Event:
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=on,
        date_precision=DatePrecision.DAY,
        countries=("Afghanistan",),
        place=KABUL,
        actor1="Military Forces of Pakistan",
        actor2=None,
        evidence=Evidence(10, 10 + len(evidence), evidence),
    )


def killed(
    low: int | None,
    high: int | None,
    claimant: str | None,
    ctype: ClaimantType,
    *,
    kind: VictimKind = VictimKind.SECURITY_FORCES,
    side: str | None = "Pakistan",
    event_index: int | None = 0,
    approx: bool = False,
) -> CasualtyFigure:
    sentence = f"{claimant or 'The article'} said {low} were killed."
    return CasualtyFigure(
        status=CasualtyStatus.KILLED,
        count=Count(low, high, approx),
        victim="Pakistani soldiers" if side == "Pakistan" else "fighters",
        victim_kind=kind,
        victim_side=side,
        claimant=Claimant(claimant, ctype),
        evidence=Evidence(5, 5 + len(sentence), sentence),
        event_index=event_index,
    )


TALIBAN_58 = killed(58, 58, "Zabihullah Mujahid", ClaimantType.PARTY)
ISPR_23 = killed(23, 23, "ISPR", ClaimantType.PARTY)
ISPR_200 = killed(
    201, None, "ISPR", ClaimantType.PARTY, kind=VictimKind.MILITANTS, side="Afghanistan"
)


def documents() -> list[tuple[Article, DocumentExtraction]]:
    """Three documents: two on the clash (one also on a strike), one on another strike."""
    a = article("doc-a", "The Taliban said 58 Pakistani soldiers were killed on the Durand Line.")
    b = article("doc-b", "ISPR said 23 soldiers died and more than 200 Taliban were killed.")
    c = article("doc-c", "A drone struck Kabul on Wednesday.", published=date(2025, 10, 16))
    ex_a = DocumentExtraction(
        doc_id="doc-a",
        events=(
            clash("clashes on the Durand Line", FatalityRange(58, 58, 58, "own voice")),
            strike("an earlier strike on Kabul"),
        ),
        casualties=(TALIBAN_58,),
        published=a.published,
    )
    ex_b = DocumentExtraction(
        doc_id="doc-b",
        events=(clash("border clashes overnight", FatalityRange(23, 23, 201, "lowest party")),),
        casualties=(ISPR_23, ISPR_200),
        published=b.published,
        warnings=("two figures, one sentence",),
    )
    ex_c = DocumentExtraction(
        doc_id="doc-c",
        events=(strike("A drone struck Kabul", on=date(2025, 10, 15)),),
        casualties=(killed(None, None, None, ClaimantType.MEDIA, event_index=None),),
        published=c.published,
    )
    return [(a, ex_a), (b, ex_b), (c, ex_c)]


def fused_events() -> tuple[list[FusedEvent], list[MergeDecision]]:
    """The fusion of `documents()`: the clash (a+b), and two separate Kabul strikes."""
    (a, ex_a), (b, ex_b), (c, ex_c) = documents()
    clash_event = FusedEvent(
        event_id="ev-clash",
        event=ex_a.events[0],
        mentions=(
            EventMention("doc-a", 0, ex_a.events[0], a.published, (TALIBAN_58,)),
            EventMention("doc-b", 0, ex_b.events[0], b.published, (ISPR_23, ISPR_200)),
        ),
        claims=(
            LedgerClaim("doc-a", TALIBAN_58, a.published),
            LedgerClaim("doc-b", ISPR_23, b.published),
            LedgerClaim("doc-b", ISPR_200, b.published, superseded=False),
        ),
        fatalities=FatalityRange(23, 23, 58, "lowest party claim"),
        contradictions=(
            Contradiction("figure", ("Zabihullah Mujahid", "ISPR"), "58 against 23 soldiers"),
        ),
    )
    strike_9 = FusedEvent(
        event_id="ev-strike-9",
        event=ex_a.events[1],
        mentions=(EventMention("doc-a", 1, ex_a.events[1], a.published),),
        claims=(),
        fatalities=None,
    )
    strike_15 = FusedEvent(
        event_id="ev-strike-15",
        event=ex_c.events[0],
        mentions=(EventMention("doc-c", 0, ex_c.events[0], c.published, ex_c.casualties),),
        claims=(LedgerClaim("doc-c", ex_c.casualties[0], c.published, superseded=True),),
        fatalities=FatalityRange(None, None, None, "no figure"),
    )
    decisions = [
        MergeDecision("doc-a", 0, "ev-clash", 1.0, "started event"),
        MergeDecision("doc-b", 0, "ev-clash", 0.87, "same date, border, actors"),
        MergeDecision("doc-a", 1, "ev-strike-9", 1.0, "started event"),
        MergeDecision("doc-c", 0, "ev-strike-15", 1.0, "started event; 6 days from ev-strike-9"),
    ]
    return [clash_event, strike_9, strike_15], decisions
