"""Who took the territory decides between ACLED's two capture sub-types."""

from __future__ import annotations

import pytest

from sitrep.extract.lexicon import default_lexicon
from sitrep.extract.territory import territory_taker, with_taker
from sitrep.models import SubEventType
from sitrep.nlp import load_nlp

GOV = SubEventType.GOVERNMENT_REGAINS_TERRITORY
NSA = SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY


@pytest.mark.parametrize(
    ("text", "taker"),
    [
        ("Militants recaptured the village from government forces on Monday.", "non_state"),
        ("Opposition fighters retook a hilltop town after two days of fighting.", "non_state"),
        ("Rebels have taken over four localities in the district, a spokesman said.", "non_state"),
        ("Government troops recaptured the town from the rebels.", "state"),
        ("The district centre was retaken by the army on Sunday.", "state"),
        ("They took control of the villages and the nearby hills.", None),
        ("Rebels attacked a convoy near the town.", None),
    ],
)
def test_the_subject_of_the_capture_is_the_taker(text: str, taker: str | None) -> None:
    assert territory_taker(load_nlp()(text).sents, default_lexicon()) == taker


def test_only_the_capture_sub_types_follow_the_taker() -> None:
    assert with_taker(GOV, "non_state") is NSA
    assert with_taker(NSA, "state") is GOV
    assert with_taker(GOV, None) is GOV
    assert with_taker(SubEventType.ARMED_CLASH, "state") is SubEventType.ARMED_CLASH
