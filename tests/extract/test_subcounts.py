"""Sub-counts ("10 villagers, including two women") inside the count they belong to."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitrep.extract.events import fatality_range
from sitrep.extract.subcounts import parts
from sitrep.fuse import reconcile
from sitrep.models import (
    CasualtyFigure,
    CasualtyStatus,
    Claimant,
    ClaimantType,
    Count,
    Evidence,
    LedgerClaim,
    VictimKind,
)

CIV, MIL, SF = VictimKind.CIVILIAN, VictimKind.MILITANTS, VictimKind.SECURITY_FORCES


def _fig(sentence: str, n: int, victim: str, kind: VictimKind) -> CasualtyFigure:
    return CasualtyFigure(
        status=CasualtyStatus.KILLED,
        count=Count(n, n),
        victim=victim,
        victim_kind=kind,
        victim_side=None,
        claimant=Claimant("police", ClaimantType.GOVERNMENT),
        evidence=Evidence(0, len(sentence), sentence),
    )


VILLAGERS = "Gunmen killed 10 villagers, including two women, in the attack, police said."


def test_a_sub_count_of_the_same_group_neither_adds_nor_lowers_the_toll() -> None:
    figures = [_fig(VILLAGERS, 10, "villagers", CIV), _fig(VILLAGERS, 2, "women", CIV)]
    assert parts(figures) == {1}
    toll = fatality_range(figures)
    assert toll is not None and (toll.low, toll.best, toll.high) == (10, 10, 10)


def test_a_sub_count_of_a_person_of_no_group_is_inside_its_count() -> None:
    text = "Forces killed 18 Taliban militants, including 2 local commanders, in Qalat."
    figures = [
        _fig(text, 18, "Taliban militants", MIL),
        _fig(text, 2, "local commanders", VictimKind.UNSPECIFIED),
    ]
    toll = fatality_range(figures)
    assert toll is not None and toll.best == 18


def test_another_group_after_the_sub_count_still_adds_up() -> None:
    text = "At least 21 militants including 2 commanders and 4 Afghan soldiers were killed."
    figures = [
        _fig(text, 21, "militants", MIL),
        _fig(text, 2, "commanders", VictimKind.UNSPECIFIED),
        _fig(text, 4, "Afghan soldiers", SF),
    ]
    assert parts(figures) == {1}
    toll = fatality_range(figures)
    assert toll is not None and toll.best == 25


def test_figures_of_different_sentences_or_claimants_are_never_parts() -> None:
    whole = _fig(VILLAGERS, 10, "villagers", CIV)
    elsewhere = replace(_fig(VILLAGERS, 2, "women", CIV), evidence=Evidence(100, 180, VILLAGERS))
    other = replace(_fig(VILLAGERS, 2, "women", CIV), claimant=Claimant("residents"))
    assert parts([whole, elsewhere]) == set() and parts([whole, other]) == set()


def test_fusion_leaves_sub_counts_inside_their_documents_count() -> None:
    day = date(2023, 5, 1)
    ledger = [
        LedgerClaim("a", _fig(VILLAGERS, 10, "villagers", CIV), day),
        LedgerClaim("a", _fig(VILLAGERS, 2, "women", CIV), day),
    ]
    toll = reconcile(ledger)
    assert toll is not None and (toll.low, toll.best, toll.high) == (10, 10, 10)


def test_a_vague_dozens_bounds_the_toll_but_a_number_is_its_best() -> None:
    text = "An air strike killed dozens of people; witnesses said at least 50 were killed."
    dozens = replace(
        _fig(text, 24, "people", VictimKind.UNSPECIFIED),
        count=Count(24, None, True),
        claimant=Claimant("witnesses", ClaimantType.OTHER),
    )
    fifty = replace(
        _fig(text, 50, "people", VictimKind.UNSPECIFIED),
        count=Count(50, None),
        claimant=Claimant("residents", ClaimantType.OTHER),
    )
    toll = fatality_range([dozens, fifty])
    assert toll is not None and (toll.low, toll.best) == (24, 50)
    # with nothing but the vague word, it is the best there is
    alone = fatality_range([dozens])
    assert alone is not None and alone.best == 24


def test_a_smaller_number_of_another_group_never_puts_best_below_low() -> None:
    # found by the fuzz test: "Three killed ... dozens police": the 3 are not the dozens
    text = "Three killed in raid; dozens police in the raid were killed."
    three = replace(_fig(text, 3, "killed", VictimKind.UNSPECIFIED), victim=None)
    dozens = replace(_fig(text, 24, "police", SF), count=Count(24, None, True))
    toll = fatality_range([three, dozens])
    assert toll is not None and toll.low <= toll.best <= toll.high  # type: ignore[operator]
    assert toll.best == 24


def test_a_partitive_is_a_part_of_its_group_counted_in_another_sentence() -> None:
    counted = "Two soldiers and three militants were killed in the gunfight, the army said."
    one_of = "Police said one of the dead militants was a foreign national."
    army = _fig(counted, 3, "militants", MIL)
    police = replace(
        _fig(one_of, 1, "militants", MIL),
        claimant=Claimant("Police", ClaimantType.GOVERNMENT),
        evidence=Evidence(100, 100 + len(one_of), one_of),
    )
    figures = [_fig(counted, 2, "soldiers", SF), army, police]
    assert parts(figures) == {2}
    toll = fatality_range(figures)
    assert toll is not None and (toll.low, toll.best, toll.high) == (5, 5, 5)
    # "dozens of militants" is no part of anything: a count, not a partitive
    dozens = _fig("Troops killed dozens of militants, the army said.", 24, "militants", MIL)
    assert (
        parts([army, replace(dozens, evidence=Evidence(200, 250, dozens.evidence.text))]) == set()
    )
