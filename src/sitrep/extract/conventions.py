"""ACLED's coding conventions over the sub-type a model gives a note or a headline.

The model weighs the words; a few ACLED rules turn on who did what to whom, which the parse
reads better: who took the territory (`territory`), whom the violence struck (`targets`), did
the demonstrators turn violent (`rioting`), did the authorities stop the protest
(`intervention`), who did the beating (`perpetrators`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from sitrep.extract.intervention import authorities_intervened, with_intervention
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.perpetrators import armed_perpetrator, crowd_perpetrator, with_perpetrator
from sitrep.extract.rioting import demonstrators_violent, with_rioting
from sitrep.extract.targets import armed_target, with_targets, with_victims
from sitrep.extract.territory import TERRITORY, territory_taker, with_taker
from sitrep.models import CasualtyFigure, SubEventType


def coded_sub_type(
    label: SubEventType,
    sentences: Sequence[Span],
    figures: Sequence[CasualtyFigure],
    lexicon: Lexicon,
) -> SubEventType:
    """The model's `label` for a single-event text, corrected by the conventions it breaks."""
    if label in TERRITORY:
        label = with_taker(label, territory_taker(sentences, lexicon))
    if label is SubEventType.ATTACK:
        label = with_targets(label, figures, armed_target(sentences, lexicon))
    if label is SubEventType.ATTACK and crowd_perpetrator(sentences):
        label = with_perpetrator(label, armed_perpetrator(sentences, lexicon), crowd=True)
    elif label is SubEventType.ARMED_CLASH:
        label = with_victims(label, figures, " ".join(s.text for s in sentences))
    if label in (SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION):
        label = with_rioting(label, demonstrators_violent(sentences))
    if label is SubEventType.PEACEFUL_PROTEST:
        label = with_intervention(label, authorities_intervened(sentences, lexicon))
    if label is SubEventType.MOB_VIOLENCE:
        label = with_perpetrator(label, armed_perpetrator(sentences, lexicon))
    return label
