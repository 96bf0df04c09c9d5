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


def test_with_no_victims_counted_the_object_of_the_attack_decides() -> None:
    from sitrep.extract.lexicon import default_lexicon
    from sitrep.extract.targets import armed_target
    from sitrep.nlp import load_nlp

    def armed(text: str) -> bool:
        return armed_target(load_nlp()(text).sents, default_lexicon())

    assert armed("Armed men shot at a police station.")
    assert armed("Gunmen opened fire on a group of soldiers near the bridge.")
    assert not armed("Armed men shot at a bus station.")
    assert not armed("Gunmen attacked a wedding party in the village.")
    # the passive's subject was hit as the object is: "police were shot"
    assert armed("Two traffic policemen were shot by armed men on a motorbike.")
    assert armed("A gendarme was attacked near the market.")
    assert not armed("Two farmers were shot by armed men on a motorbike.")
    assert with_targets(ATTACK, [], armed_object=True) is CLASH
    # counted victims outrank the object: civilians hit at a police post stay an attack
    assert (
        with_targets(ATTACK, [_hit("passer-by", VictimKind.CIVILIAN)], armed_object=True) is ATTACK
    )


def test_a_hostile_chain_of_groups_is_read_without_recursion() -> None:
    from sitrep.extract.lexicon import default_lexicon
    from sitrep.extract.targets import armed_target
    from sitrep.nlp import load_nlp

    text = "Gunmen attacked " + "a group of " * 1500 + "soldiers."
    assert armed_target(load_nlp()(text).sents, default_lexicon())


def test_a_clash_that_hit_only_civilians_with_no_fight_told_is_an_attack() -> None:
    from sitrep.extract.targets import with_victims

    civilians = [_hit("civilians", VictimKind.CIVILIAN)]
    text = "Unidentified gunmen shot and killed 2 civilians in the town."
    assert with_victims(CLASH, civilians, text) is ATTACK
    # civilians caught in a fight between armed sides: still a clash
    crossfire = "A child was injured by stray bullets in a shoot-out between rival gangs."
    assert with_victims(CLASH, civilians, crossfire) is CLASH
    assert (
        with_victims(CLASH, civilians, "Troops clashed with rebels; two civilians died.") is CLASH
    )
    # soldiers among the victims, or no victims counted: the model's clash stands
    mixed = [*civilians, _hit("soldier", VictimKind.SECURITY_FORCES)]
    assert with_victims(CLASH, mixed, text) is CLASH
    assert with_victims(CLASH, [], text) is CLASH
    assert with_victims(ATTACK, civilians, text) is ATTACK
