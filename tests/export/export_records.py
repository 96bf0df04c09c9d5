"""Hand-built records for the export tests (fusion and extraction are written elsewhere).

The scenario follows the seeds: a Durand Line clash reported by two outlets with competing
figures (no point coordinates: a border), two Kabul strikes a week apart, and a hostile
article whose text, title and URL carry markup and script.
"""

from __future__ import annotations

from datetime import date

from records import article, clash, evidence, figure, fused, mention, strike
from sitrep.models import (
    Article,
    CasualtyFigure,
    CasualtyStatus,
    ClaimantType,
    Contradiction,
    DatePrecision,
    DocumentExtraction,
    Event,
    FatalityRange,
    FusedEvent,
    LedgerClaim,
    Place,
    VictimKind,
)

HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'

SPIN_BOLDAK = Place(
    name="Spin Boldak",
    country="Afghanistan",
    admin1="Kandahar",
    admin2="Spin Boldak",
    latitude=31.00575,
    longitude=66.39996,
    geo_precision=2,
)


MUJAHID_58 = figure(
    58,
    58,
    "Zabihullah Mujahid",
    ClaimantType.PARTY,
    evidence("Mujahid said the operation resulted in 58 Pakistani soldiers dead and 30 wounded."),
)
MUJAHID_30 = figure(
    30,
    30,
    "Zabihullah Mujahid",
    ClaimantType.PARTY,
    evidence("Mujahid said the operation resulted in 58 Pakistani soldiers dead and 30 wounded."),
    status=CasualtyStatus.WOUNDED,
)
ISPR_23 = figure(
    23, 23, "ISPR", ClaimantType.PARTY, evidence("ISPR said 23 soldiers were martyred.")
)
ISPR_200 = figure(
    201,
    None,
    "ISPR",
    ClaimantType.PARTY,
    evidence("ISPR said more than 200 Taliban were killed."),
    victim="Taliban fighters",
    kind=VictimKind.MILITANTS,
    side="Afghanistan",
)
UNAMA_37 = figure(
    37,
    37,
    "UNAMA",
    ClaimantType.MONITOR,
    evidence("UNAMA said 37 civilians were killed and at least 425 wounded."),
    victim="civilians",
    kind=VictimKind.CIVILIAN,
    side=None,
)
HOSTILE_FIGURE = figure(
    3,
    3,
    f"Spokesman {HOSTILE}",
    ClaimantType.PARTY,
    evidence(f"Three people died. {HOSTILE}"),
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
                evidence("Taliban forces clashed with Pakistani troops along the Durand Line."),
                FatalityRange(58, 58, 58, "own voice"),
            ),
            strike(
                evidence("Pakistan carried out drone strikes on Kabul on Thursday."),
                date(2025, 10, 9),
            ),
        ),
        casualties=(MUJAHID_58, MUJAHID_30),
        published=a.published,
    )
    ex_b = DocumentExtraction(
        doc_id="doc-b",
        events=(
            clash(
                evidence("Pakistani troops repulsed an attack on the border overnight."),
                FatalityRange(23, 23, 201, "lowest party"),
            ),
        ),
        casualties=(ISPR_23, ISPR_200),
        published=b.published,
    )
    ex_c = DocumentExtraction(
        doc_id="doc-c",
        events=(
            strike(evidence("A drone struck a house in Kabul on Wednesday."), date(2025, 10, 15)),
        ),
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

    clash_event = fused(
        "ev-clash",
        mention(a, ex_a, 0, attached(ex_a, 0)),
        mention(b, ex_b, 0, attached(ex_b, 0)),
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
    strike_9 = fused("ev-strike-9", mention(a, ex_a, 1))
    strike_15 = fused(
        "ev-strike-15",
        mention(c, ex_c, 0, ex_c.casualties),
        claims=(LedgerClaim("doc-c", ex_c.casualties[0], c.published),),
        fatalities=FatalityRange(37, 37, 37, "monitor figure"),
    )
    hostile = fused(
        "ev-hostile",
        mention(x, ex_x, 0, ex_x.casualties),
        claims=(LedgerClaim("doc-x", ex_x.casualties[0], x.published),),
        fatalities=FatalityRange(3, 3, 3, f"rule {HOSTILE}"),
        contradictions=(Contradiction("explanation", (HOSTILE, "police"), f"detail {HOSTILE}"),),
    )
    return [clash_event, strike_9, strike_15, hostile]


def fused_events() -> list[FusedEvent]:
    return fused_from(documents())


def articles() -> list[Article]:
    return [a for a, _ in documents()]
