"""Violence by police or troops is an attack, never mob violence (ACLED)."""

from __future__ import annotations

import pytest

from sitrep.extract.lexicon import default_lexicon
from sitrep.extract.perpetrators import armed_perpetrator, crowd_perpetrator, with_perpetrator
from sitrep.models import SubEventType
from sitrep.nlp import load_nlp


@pytest.mark.parametrize(
    ("text", "armed"),
    [
        ("Police assaulted a family for violating the curfew.", True),
        ("A man was tied up and brutally beaten by police officers.", True),
        ("Paramilitaries beat and extorted a civilian in the town.", True),
        ("Police are accused of assaulting a taxi driver.", True),
        ("Villagers beat up four men over an unpaid debt.", False),
        ("A mob attacked a police station and beat two officers.", False),
    ],
)
def test_who_did_the_beating(text: str, armed: bool) -> None:
    assert armed_perpetrator(load_nlp()(text).sents, default_lexicon()) is armed


def test_only_mob_violence_turns_into_an_attack() -> None:
    assert with_perpetrator(SubEventType.MOB_VIOLENCE, True) is SubEventType.ATTACK
    assert with_perpetrator(SubEventType.MOB_VIOLENCE, False) is SubEventType.MOB_VIOLENCE
    assert with_perpetrator(SubEventType.ARMED_CLASH, True) is SubEventType.ARMED_CLASH


@pytest.mark.parametrize(
    ("text", "crowd"),
    [
        ("Villagers beat up four men over an unpaid debt.", True),
        ("A man was assaulted by his neighbour's relatives in the city.", True),
        ("Five persons beat up a shopkeeper with sticks.", True),
        ("Police assaulted a family for violating the curfew.", False),
        ("Armed men attacked a taxi driver in the market.", False),  # armed: an attack
        ("Gunmen killed two villagers.", False),
    ],
)
def test_who_beat_is_an_unarmed_crowd(text: str, crowd: bool) -> None:
    assert crowd_perpetrator(load_nlp()(text).sents) is crowd


def test_an_attack_by_an_unarmed_crowd_is_mob_violence() -> None:
    assert with_perpetrator(SubEventType.ATTACK, False, crowd=True) is SubEventType.MOB_VIOLENCE
    assert with_perpetrator(SubEventType.ATTACK, True, crowd=True) is SubEventType.ATTACK
    assert with_perpetrator(SubEventType.ATTACK, False) is SubEventType.ATTACK
