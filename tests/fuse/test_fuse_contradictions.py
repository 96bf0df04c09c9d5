"""Contradictions: conflicting figures, denials, no response, competing explanations, dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fuse_records import CLASH, STRIKE_9, figure, mention

from sitrep.fuse import build_event, build_ledger, find_contradictions
from sitrep.fuse.contradictions import SourceText
from sitrep.models import ClaimantType, VictimKind

SEED_000 = (
    "Taliban accuse Pakistan of drone strikes on Kabul. Pakistan has not issued a formal "
    "response to these allegations. The initial report from Zabihullah Mujahid had attributed "
    "these events to an oil tanker explosion."
)


def kinds(found) -> set[str]:
    return {c.kind for c in found}


def test_conflicting_party_figures() -> None:
    sf = VictimKind.SECURITY_FORCES
    a = mention(
        "a",
        CLASH,
        date(2025, 10, 12),
        (figure(58, "Zabihullah Mujahid", ClaimantType.PARTY, kind=sf, side="Pakistan"),),
    )
    b = mention(
        "b",
        CLASH,
        date(2025, 10, 12),
        (figure(23, "ISPR", ClaimantType.PARTY, kind=sf, side="Pakistan"),),
    )
    found = find_contradictions([a, b], build_ledger([a, b]))
    figure_conflicts = [c for c in found if c.kind == "figure"]
    assert len(figure_conflicts) == 1
    assert set(figure_conflicts[0].between) == {"Zabihullah Mujahid", "ISPR"}


def test_close_figures_are_no_conflict() -> None:
    a = mention("a", CLASH, date(2025, 10, 12), (figure(20, "ISPR", ClaimantType.PARTY),))
    b = mention("b", CLASH, date(2025, 10, 12), (figure(21, "UNAMA", ClaimantType.MONITOR),))
    assert "figure" not in kinds(find_contradictions([a, b], build_ledger([a, b])))


def test_no_response_and_competing_explanation_from_article_text() -> None:
    m = mention("seed-000", STRIKE_9, date(2025, 10, 16))
    texts = {"seed-000": SourceText(SEED_000, (STRIKE_9.evidence,))}
    found = build_event("ev-1", [m], texts).contradictions
    assert {"no_response", "explanation"} <= kinds(found)
    explanation = next(c for c in found if c.kind == "explanation")
    assert "oil tanker" in explanation.detail and explanation.between == ("seed-000",)


def test_denial_read_from_evidence_without_text() -> None:
    sentence = "Armenia's defence ministry denied firing at Ganja."
    m = mention(
        "g",
        STRIKE_9,
        date(2020, 10, 11),
        (figure(7, "Azerbaijan", ClaimantType.PARTY, text=sentence),),
    )
    assert "denial" in kinds(find_contradictions([m], build_ledger([m])))


def test_date_disagreement_between_documents() -> None:
    a = mention("a", STRIKE_9, date(2025, 10, 12))  # 9 October
    b = mention("b", replace(STRIKE_9, date=date(2025, 10, 10)), date(2025, 10, 12))
    assert "date" not in kinds(find_contradictions([a, b], ()))
    c = mention("c", replace(STRIKE_9, date=date(2025, 10, 6)), date(2025, 10, 12))
    assert "date" in kinds(find_contradictions([a, c], ()))
