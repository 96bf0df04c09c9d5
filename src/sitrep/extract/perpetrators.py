"""Who did the beating: ACLED's mob violence is by an unorganised crowd, never by the state.

When police officers, soldiers, paramilitaries or guards beat or assault people, ACLED codes
Violence against civilians / Attack: they are an organised armed actor, however mob-like the
scene. A model weighing "beat", "assaulted", "a group" says Mob violence; the subject of the
violence says who acted. The other way round, villagers or a victim's kin who beat someone are
no armed group: Riots / Mob violence, though a model reading "beat up a man" says Attack.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.roles import doers, is_security
from sitrep.models import SubEventType

_VIOLENCE_VERBS = {"beat", "assault", "attack", "hit", "torture", "thrash", "whip", "lynch"}
#: the hands-on violence of a crowd (not "attack" or "kill": armed men do those)
_MOB_VERBS = {"beat", "assault", "lynch", "thrash", "stone", "manhandle"}
#: people who are no organised armed actor: "villagers beat up four persons", "a woman's kin"
_CROWD = {
    "villager",
    "resident",
    "local",
    "mob",
    "crowd",
    "kin",
    "relative",
    "neighbour",
    "neighbor",
    "inhabitant",
    "person",
    "people",
    "family",
}


def armed_perpetrator(sentences: Iterable[Span], lexicon: Lexicon) -> bool:
    """Does a security force do the violence the note tells of (the subject of "beat",
    "assaulted", or the agent of "was beaten by")?"""
    return any(_by_security(tok, lexicon) for sent in sentences for tok in sent)


def crowd_perpetrator(sentences: Iterable[Span]) -> bool:
    """Do only unarmed people (villagers, residents, kin) do the beating the note tells of?"""
    return any(_by_crowd(tok) for sent in sentences for tok in sent)


def with_perpetrator(label: SubEventType, armed: bool, crowd: bool = False) -> SubEventType:
    if label is SubEventType.MOB_VIOLENCE and armed:
        return SubEventType.ATTACK
    if label is SubEventType.ATTACK and crowd and not armed:
        return SubEventType.MOB_VIOLENCE
    return label


def _by_crowd(verb: Token) -> bool:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MOB_VERBS:
        return False
    found = doers(verb)
    return bool(found) and all(
        d.lemma_.lower() in _CROWD and not any(c.lower_ == "armed" for c in d.children)
        for d in found
    )


def _by_security(verb: Token, lexicon: Lexicon) -> bool:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VIOLENCE_VERBS:
        return False
    return any(is_security(d, lexicon) for d in doers(verb))
