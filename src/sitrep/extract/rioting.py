"""Did the demonstrators turn violent: a protest with stones or fires is a Violent demonstration.

ACLED's Protests are demonstrations that stay non-violent; when the demonstrators themselves
throw stones, set barricades on fire or smash property, the event is Riots / Violent
demonstration. A model weighing "demonstrated", "demanded" and "protest" says Peaceful protest; the
parse says who threw or burnt. Violence told of others ("activists accused of hurling a Molotov
cocktail", "against those who set fire to the crops") does not count.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from sitrep.extract.roles import DESCRIBING, doers
from sitrep.models import SubEventType

_PROTESTS = {SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION}
#: what demonstrators do that makes a riot ("set" only with fire: "set barricades on fire")
_RIOT_VERBS = {
    "throw",
    "hurl",
    "pelt",
    "stone",
    "burn",
    "torch",
    "vandalize",
    "vandalise",
    "smash",
    "loot",
    "ransack",
    "set",
}
_FIRE = {"fire", "ablaze", "alight"}
#: who demonstrates in a note: the protesters, or the people the note says protested
_DEMONSTRATORS = {
    "protester",
    "protestor",
    "demonstrator",
    "participant",
    "crowd",
    "group",
    "they",
    "resident",
    "worker",
    "driver",
    "citizen",
    "student",
    "youth",
    "supporter",
    "villager",
    "local",
    "farmer",
    "trader",
}


def demonstrators_violent(sentences: Iterable[Span]) -> bool:
    return any(_riots(tok) for sent in sentences for tok in sent)


def with_rioting(label: SubEventType, violent: bool) -> SubEventType:
    if label in _PROTESTS and violent:
        return SubEventType.VIOLENT_DEMONSTRATION
    return label


def _riots(verb: Token) -> bool:
    if verb.pos_ != "VERB" or verb.dep_ in DESCRIBING:
        return False
    lemma = verb.lemma_.lower()
    if lemma not in _RIOT_VERBS or (lemma == "set" and not _with_fire(verb)):
        return False
    found = doers(verb)
    return bool(found) and all(d.lemma_.lower() in _DEMONSTRATORS for d in found)


def _with_fire(verb: Token) -> bool:
    """ "set barricades on fire", "set the building ablaze"."""
    return any(t.lower_ in _FIRE for c in verb.children for t in (c, *(g for g in c.children)))
