"""Hand-built records for the export tests (fusion and extraction are written elsewhere).

The scenario follows the seeds: a Durand Line clash reported by two outlets with competing
figures (no point coordinates: a border), two Kabul strikes a week apart, and a hostile
article whose text, title and URL carry markup and script.
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

HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'

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
SPIN_BOLDAK = Place(
    name="Spin Boldak",
    country="Afghanistan",
    admin1="Kandahar",
    admin2="Spin Boldak",
    latitude=31.00575,
    longitude=66.39996,
    geo_precision=2,
)


def evidence(text: str, start: int = 0) -> Evidence:
    return Evidence(start, start + len(text), text)


def article(doc_id: str, text: str, **kw: object) -> Article:
    fields: dict[str, object] = {
        "title": f"Title of {doc_id}",
        "published": date(2025, 10, 12),
        "source": f"outlet-{doc_id}",
        "url": f"https://example.org/{doc_id}",
    }
    fields.update(kw)
    return Article(doc_id=doc_id, text=text, **fields)  # type: ignore[arg-type]


def clash(text: str, fatalities: FatalityRange | None = None) -> Event:
    return Event(
        event_type="Battles",
        sub_event_type="Armed clash",
        date=date(2025, 10, 11),
        date_precision=DatePrecision.DAY,
        countries=("Afghanistan", "Pakistan"),
        place=DURAND,
        actor1="Taliban",
        actor2="Military Forces of Pakistan",
        evidence=evidence(text),
        fatalities=fatalities,
    )


def strike(text: str, on: date, place: Place = KABUL) -> Event:
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=on,
        date_precision=DatePrecision.DAY,
        countries=("Afghanistan",),
        place=place,
        actor1="Military Forces of Pakistan",
        actor2=None,
        evidence=evidence(text),
    )


def figure(
    low: int | None,
    high: int | None,
    claimant: str | None,
    ctype: ClaimantType,
    text: str,
    *,
    status: CasualtyStatus = CasualtyStatus.KILLED,
    victim: str | None = "Pakistani soldiers",
    kind: VictimKind = VictimKind.SECURITY_FORCES,
    side: str | None = "Pakistan",
    event_index: int | None = 0,
    approx: bool = False,
) -> CasualtyFigure:
    return CasualtyFigure(
        status=status,
        count=Count(low, high, approx),
        victim=victim,
        victim_kind=kind,
        victim_side=side,
        claimant=Claimant(claimant, ctype),
        evidence=evidence(text),
        event_index=event_index,
    )


MUJAHID_58 = figure(
    58,
    58,
    "Zabihullah Mujahid",
    ClaimantType.PARTY,
    "Mujahid said the operation resulted in 58 Pakistani soldiers dead and 30 wounded.",
)
MUJAHID_30 = figure(
    30,
    30,
    "Zabihullah Mujahid",
    ClaimantType.PARTY,
    "Mujahid said the operation resulted in 58 Pakistani soldiers dead and 30 wounded.",
    status=CasualtyStatus.WOUNDED,
)
ISPR_23 = figure(23, 23, "ISPR", ClaimantType.PARTY, "ISPR said 23 soldiers were martyred.")
ISPR_200 = figure(
    201,
    None,
    "ISPR",
    ClaimantType.PARTY,
    "ISPR said more than 200 Taliban were killed.",
    victim="Taliban fighters",
    kind=VictimKind.MILITANTS,
    side="Afghanistan",
)
UNAMA_37 = figure(
    37,
    37,
    "UNAMA",
    ClaimantType.MONITOR,
    "UNAMA said 37 civilians were killed and at least 425 wounded.",
    victim="civilians",
    kind=VictimKind.CIVILIAN,
    side=None,
)
HOSTILE_FIGURE = figure(
    3,
    3,
    f"Spokesman {HOSTILE}",
    ClaimantType.PARTY,
    f"Three people died. {HOSTILE}",
    victim=f"civilians {HOSTILE}",
    kind=VictimKind.CIVILIAN,
    side=None,
)


def documents() -> list[tuple[Article, DocumentExtraction]]:
    """doc-a (clash + Kabul strike), doc-b (clash), doc-c (later Kabul strike), doc-x (hostile)."""
    a = article("doc-a", "The Taliban said 58 Pakistani soldiers were killed.")
    b = article("doc-b", "ISPR said 23 soldiers died and more than 200 Taliban were killed.")
    c = article("doc-c", "A drone struck Kabul.", published=date(2025, 10, 16))
    x = article(
        "doc-x",
        f"Three people died in Spin Boldak. {HOSTILE}",
        title=f"Breaking {HOSTILE}",
        source=f"evil {HOSTILE}",
        url="javascript:alert(1)",
        published=date(2025, 10, 14),
    )
    ex_a = DocumentExtraction(
        doc_id="doc-a",
        events=(
            clash(
                "Taliban forces clashed with Pakistani troops along the Durand Line.",
                FatalityRange(58, 58, 58, "own voice"),
            ),
            strike("Pakistan carried out drone strikes on Kabul on Thursday.", date(2025, 10, 9)),
        ),
        casualties=(MUJAHID_58, MUJAHID_30),
        published=a.published,
    )
    ex_b = DocumentExtraction(
        doc_id="doc-b",
        events=(
            clash(
                "Pakistani troops repulsed an attack on the border overnight.",
                FatalityRange(23, 23, 201, "lowest party"),
            ),
        ),
        casualties=(ISPR_23, ISPR_200),
        published=b.published,
    )
    ex_c = DocumentExtraction(
        doc_id="doc-c",
        events=(strike("A drone struck a house in Kabul on Wednesday.", date(2025, 10, 15)),),
        casualties=(UNAMA_37,),
        published=c.published,
    )
    ex_x = DocumentExtraction(
        doc_id="doc-x",
        events=(
            Event(
                event_type="Violence against civilians",
                sub_event_type="Attack",
                date=date(2025, 10, 13),
                date_precision=DatePrecision.DAY,
                countries=("Afghanistan",),
                place=SPIN_BOLDAK,
                actor1=f"Unidentified {HOSTILE}",
                actor2="Civilians (Afghanistan)",
                evidence=evidence(f"Three people died in Spin Boldak. {HOSTILE}"),
                fatalities=FatalityRange(3, 3, 3, ""),
            ),
        ),
        casualties=(HOSTILE_FIGURE,),
        published=x.published,
    )
    return [(a, ex_a), (b, ex_b), (c, ex_c), (x, ex_x)]


def fused_from(docs: list[tuple[Article, DocumentExtraction]]) -> list[FusedEvent]:
    """The fusion of `documents()` (possibly as read back from a store)."""
    by_id = {x.doc_id: (a, x) for a, x in docs}
    (a, ex_a), (b, ex_b) = by_id["doc-a"], by_id["doc-b"]
    (c, ex_c), (x, ex_x) = by_id["doc-c"], by_id["doc-x"]

    def attached(ex: DocumentExtraction, i: int) -> tuple[CasualtyFigure, ...]:
        return tuple(f for f in ex.casualties if f.event_index == i)

    clash_event = FusedEvent(
        event_id="ev-clash",
        event=ex_a.events[0],
        mentions=(
            EventMention("doc-a", 0, ex_a.events[0], a.published, attached(ex_a, 0)),
            EventMention("doc-b", 0, ex_b.events[0], b.published, attached(ex_b, 0)),
        ),
        claims=(
            LedgerClaim("doc-a", ex_a.casualties[0], a.published),
            LedgerClaim("doc-a", ex_a.casualties[1], a.published),
            LedgerClaim("doc-b", ex_b.casualties[0], b.published),
            LedgerClaim("doc-b", ex_b.casualties[1], b.published, superseded=True),
        ),
        fatalities=FatalityRange(23, 23, 58, "party claims only: lowest is best"),
        contradictions=(
            Contradiction(
                "figure", ("Zabihullah Mujahid", "ISPR"), "58 against 23 Pakistani soldiers"
            ),
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
        claims=(LedgerClaim("doc-c", ex_c.casualties[0], c.published),),
        fatalities=FatalityRange(37, 37, 37, "monitor figure"),
    )
    hostile = FusedEvent(
        event_id="ev-hostile",
        event=ex_x.events[0],
        mentions=(EventMention("doc-x", 0, ex_x.events[0], x.published, ex_x.casualties),),
        claims=(LedgerClaim("doc-x", ex_x.casualties[0], x.published),),
        fatalities=FatalityRange(3, 3, 3, f"rule {HOSTILE}"),
        contradictions=(Contradiction("explanation", (HOSTILE, "police"), f"detail {HOSTILE}"),),
    )
    return [clash_event, strike_9, strike_15, hostile]


def fused_events() -> list[FusedEvent]:
    return fused_from(documents())


def articles() -> list[Article]:
    return [a for a, _ in documents()]
