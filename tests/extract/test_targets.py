"""An attack on armed forces is coded as a clash (ACLED), read from the victims counted."""

from __future__ import annotations

from sitrep.extract.targets import with_targets
from sitrep.models import (
    CasualtyFigure,
    CasualtyStatus,
    Claimant,
    Count,
    Evidence,
    SubEventType,
    VictimKind,
)

ATTACK, CLASH = SubEventType.ATTACK, SubEventType.ARMED_CLASH


def _hit(victim: str, kind: VictimKind, status=CasualtyStatus.KILLED) -> CasualtyFigure:  # type: ignore[no-untyped-def]
    return CasualtyFigure(
        status, Count(1, 1), victim, kind, None, Claimant(None), Evidence(0, 1, "x")
    )


def test_an_attack_that_hit_only_security_forces_is_a_clash() -> None:
    police = _hit("policemen", VictimKind.SECURITY_FORCES)
    assert with_targets(ATTACK, [police]) is CLASH
    assert with_targets(ATTACK, [police, _hit("soldier", VictimKind.SECURITY_FORCES)]) is CLASH


def test_civilians_guards_or_no_victims_leave_the_attack() -> None:
    police = _hit("policemen", VictimKind.SECURITY_FORCES)
    assert with_targets(ATTACK, [police, _hit("passer-by", VictimKind.CIVILIAN)]) is ATTACK
    assert with_targets(ATTACK, [police, _hit("man", VictimKind.UNSPECIFIED)]) is ATTACK
    assert with_targets(ATTACK, [_hit("security guard", VictimKind.SECURITY_FORCES)]) is ATTACK
    assert with_targets(ATTACK, []) is ATTACK


def test_other_sub_types_pass_through() -> None:
    police = _hit("policemen", VictimKind.SECURITY_FORCES)
    assert with_targets(SubEventType.SUICIDE_BOMB, [police]) is SubEventType.SUICIDE_BOMB
