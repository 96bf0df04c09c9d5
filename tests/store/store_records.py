"""Hand-built records for the store tests (the extractor and fusion are written elsewhere).

The scenario follows the seeds: a Durand Line clash reported by two outlets with competing
figures, and a Kabul drone strike reported by one.
"""

from __future__ import annotations

from datetime import date

from records import article, clash, evidence, figure, fused, mention, strike
from sitrep.models import (
    Article,
    CasualtyFigure,
    ClaimantType,
    Contradiction,
    DocumentExtraction,
    FatalityRange,
    FusedEvent,
    LedgerClaim,
    MergeDecision,
    VictimKind,
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
) -> CasualtyFigure:
    """A figure quoting '<claimant> said <low> were killed.'"""
    sentence = f"{claimant or 'The article'} said {low} were killed."
    victim = "Pakistani soldiers" if side == "Pakistan" else "fighters"
    return figure(
        low,
        high,
        claimant,
        ctype,
        evidence(sentence, 5),
        victim=victim,
        kind=kind,
        side=side,
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
            clash(evidence("clashes on the Durand Line"), FatalityRange(58, 58, 58, "own voice")),
            strike(evidence("an earlier strike on Kabul", 10)),
        ),
        casualties=(TALIBAN_58,),
        published=a.published,
    )
    ex_b = DocumentExtraction(
        doc_id="doc-b",
        events=(
            clash(evidence("border clashes overnight"), FatalityRange(23, 23, 201, "lowest party")),
        ),
        casualties=(ISPR_23, ISPR_200),
        published=b.published,
        warnings=("two figures, one sentence",),
    )
    ex_c = DocumentExtraction(
        doc_id="doc-c",
        events=(strike(evidence("A drone struck Kabul", 10), on=date(2025, 10, 15)),),
        casualties=(killed(None, None, None, ClaimantType.MEDIA, event_index=None),),
        published=c.published,
    )
    return [(a, ex_a), (b, ex_b), (c, ex_c)]


def fused_events() -> tuple[list[FusedEvent], list[MergeDecision]]:
    """The fusion of `documents()`: the clash (a+b), and two separate Kabul strikes."""
    (a, ex_a), (b, ex_b), (c, ex_c) = documents()
    clash_event = fused(
        "ev-clash",
        mention(a, ex_a, 0, (TALIBAN_58,)),
        mention(b, ex_b, 0, (ISPR_23, ISPR_200)),
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
    strike_9 = fused("ev-strike-9", mention(a, ex_a, 1))
    strike_15 = fused(
        "ev-strike-15",
        mention(c, ex_c, 0, ex_c.casualties),
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
