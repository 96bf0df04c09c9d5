"""A protest the authorities stopped is a protest with intervention."""

from __future__ import annotations

import pytest

from sitrep.extract.intervention import authorities_intervened, with_intervention
from sitrep.extract.lexicon import default_lexicon
from sitrep.models import SubEventType
from sitrep.nlp import load_nlp


@pytest.mark.parametrize(
    ("text", "intervened"),
    [
        ("Hundreds of workers protested outside the mill. Police dispersed them.", True),
        ("About 40 people rallied. Around 20 were arrested by the police.", True),
        ("Surfers held a demonstration on the beach. Several arrests were made.", True),
        ("Residents protested. The police intervened and controlled the situation.", True),
        ("Troops fired shots in the air to disperse the crowd.", True),
        # the arrest is why they protest, not what was done to them
        (
            "Journalists protested against the arrest of their editor, who was arrested on Monday.",
            False,
        ),
        ("Protesters demanded the release of activists who were detained last week.", False),
        ("Merchants protested against taxes and called on the governor to remove them.", False),
        ("The protesters dispersed peacefully in the evening.", False),
    ],
)
def test_the_authorities_stepping_in(text: str, intervened: bool) -> None:
    assert authorities_intervened(load_nlp()(text).sents, default_lexicon()) is intervened


def test_only_a_peaceful_protest_becomes_one_with_intervention() -> None:
    peaceful, riot = SubEventType.PEACEFUL_PROTEST, SubEventType.VIOLENT_DEMONSTRATION
    assert with_intervention(peaceful, True) is SubEventType.PROTEST_WITH_INTERVENTION
    assert with_intervention(peaceful, False) is peaceful
    assert with_intervention(riot, True) is riot
