"""Demonstrators who throw stones or set fires make a riot (ACLED's Violent demonstration)."""

from __future__ import annotations

import pytest

from sitrep.extract.rioting import demonstrators_violent, with_rioting
from sitrep.models import SubEventType
from sitrep.nlp import load_nlp


@pytest.mark.parametrize(
    ("text", "violent"),
    [
        ("Bus drivers demonstrated on the highway. The demonstrators threw rocks at cars.", True),
        ("Residents protested against the eviction and set tyres on fire.", True),
        ("Protesters hurled petrol bombs at the police line.", True),
        ("Teachers protested, demanding the arrest of those who set fire to the crops.", False),
        (
            "Activists accused of hurling a Molotov cocktail were detained; friends protested.",
            False,
        ),
        ("Police burned the protesters' tents.", False),
        ("Farmers demonstrated peacefully outside the ministry.", False),
    ],
)
def test_did_the_demonstrators_turn_violent(text: str, violent: bool) -> None:
    assert demonstrators_violent(load_nlp()(text).sents) is violent


def test_only_protests_become_violent_demonstrations() -> None:
    riot = SubEventType.VIOLENT_DEMONSTRATION
    assert with_rioting(SubEventType.PEACEFUL_PROTEST, True) is riot
    assert with_rioting(SubEventType.PROTEST_WITH_INTERVENTION, True) is riot
    assert with_rioting(SubEventType.PEACEFUL_PROTEST, False) is SubEventType.PEACEFUL_PROTEST
    assert with_rioting(SubEventType.ARMED_CLASH, True) is SubEventType.ARMED_CLASH
