"""Who did the beating: ACLED's mob violence is by an unorganised crowd, never by the state.

When police officers, soldiers, paramilitaries or guards beat or assault people, ACLED codes
Violence against civilians / Attack: they are an organised armed actor, however mob-like the
scene. A model weighing "beat", "assaulted", "a group" says Mob violence; the subject of the
violence says who acted.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.roles import doers, is_security
from sitrep.models import SubEventType

_VIOLENCE_VERBS = {"beat", "assault", "attack", "hit", "torture", "thrash", "whip", "lynch"}


def armed_perpetrator(sentences: Iterable[Span], lexicon: Lexicon) -> bool:
    """Does a security force do the violence the note tells of (the subject of "beat",
    "assaulted", or the agent of "was beaten by")?"""
    return any(_by_security(tok, lexicon) for sent in sentences for tok in sent)


def with_perpetrator(label: SubEventType, armed: bool) -> SubEventType:
    if label is SubEventType.MOB_VIOLENCE and armed:
        return SubEventType.ATTACK
    return label


def _by_security(verb: Token, lexicon: Lexicon) -> bool:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VIOLENCE_VERBS:
        return False
    return any(is_security(d, lexicon) for d in doers(verb))
