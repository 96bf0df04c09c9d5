"""Did the authorities step in: a peaceful protest that police dispersed is "with intervention".

ACLED's Protests split on what the state did: "Peaceful protest" when nobody intervened,
"Protest with intervention" when police or troops dispersed, arrested or otherwise stopped the
protesters without lethal force. A note tells it in a clause of its own ("Police dispersed them
and arrested nearly 60 of them", "Several arrests were made"), which a model weighing the whole
note often outvotes. The parse finds the clause; an arrest that is only the protest's cause
("against the arrest of a blogger", "activists who were detained last week") does not count.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.roles import DESCRIBING, doers, is_security
from sitrep.models import SubEventType

_STOP_VERBS = {"intervene", "disperse", "arrest", "detain", "remove", "evict", "control"}
#: verbs whose object or passive subject alone says who was stopped ("dispersed the crowd")
_OBJECT_VERBS = {"disperse", "arrest", "detain", "remove", "evict"}
_PROTESTERS = {
    "protester",
    "protestor",
    "demonstrator",
    "participant",
    "crowd",
    "protest",
    "demonstration",
    "rally",
    "gathering",
    "march",
    "sit-in",
}
_FORCE = {"force", "gas", "cannon", "baton", "lathi", "bullet", "teargas"}


def authorities_intervened(sentences: Iterable[Span], lexicon: Lexicon) -> bool:
    return any(_stops(tok, lexicon) for sent in sentences for tok in sent)


def with_intervention(label: SubEventType, intervened: bool) -> SubEventType:
    if label is SubEventType.PEACEFUL_PROTEST and intervened:
        return SubEventType.PROTEST_WITH_INTERVENTION
    return label


def _stops(verb: Token, lexicon: Lexicon) -> bool:
    if verb.pos_ != "VERB" or verb.dep_ in DESCRIBING:
        return False
    lemma = verb.lemma_.lower()
    by_force = any(is_security(d, lexicon) for d in doers(verb))
    if lemma in _STOP_VERBS and by_force:
        return True
    if lemma in _OBJECT_VERBS:
        stopped = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if any(c.lemma_.lower() in _PROTESTERS or c.lower_ in _PROTESTERS for c in stopped):
            return True
    if lemma == "use" and by_force:  # "police used force / tear gas against ..."
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _FORCE for c in verb.children)
    if lemma == "make":  # "Several arrests were made"
        return any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in {"arrest", "detention"}
            for c in verb.children
        )
    return False
