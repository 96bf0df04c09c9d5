"""The conventions chained over a model's label: each applies only where its label is."""

from __future__ import annotations

from sitrep.extract.conventions import coded_sub_type
from sitrep.extract.lexicon import default_lexicon
from sitrep.models import SubEventType
from sitrep.nlp import load_nlp


def _coded(label: SubEventType, text: str) -> SubEventType:
    return coded_sub_type(label, list(load_nlp()(text).sents), [], default_lexicon())


def test_each_convention_corrects_its_own_label_only() -> None:
    retook = "Militants retook the village from the army. Police dispersed the crowd."
    assert _coded(SubEventType.GOVERNMENT_REGAINS_TERRITORY, retook) is (
        SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    )
    assert _coded(SubEventType.PEACEFUL_PROTEST, retook) is SubEventType.PROTEST_WITH_INTERVENTION
    # a label no convention is about passes through whatever the text says
    assert _coded(SubEventType.AIR_DRONE_STRIKE, retook) is SubEventType.AIR_DRONE_STRIKE


def test_an_attack_whose_doers_are_villagers_is_mob_violence() -> None:
    text = "On 5 May 2021, villagers beat up two men accused of theft in Rampur village."
    assert _coded(SubEventType.ATTACK, text) is SubEventType.MOB_VIOLENCE
    assert _coded(SubEventType.ATTACK, "Police beat up two men in Rampur.") is SubEventType.ATTACK


def test_a_protest_whose_demonstrators_set_fires_is_a_violent_demonstration() -> None:
    text = "On 4 May 2021, residents protested over water cuts and set tyres on fire."
    assert _coded(SubEventType.PEACEFUL_PROTEST, text) is SubEventType.VIOLENT_DEMONSTRATION
