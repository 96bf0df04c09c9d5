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
from sitrep.models import SubEventType, VictimKind

_VIOLENCE_VERBS = {"beat", "assault", "attack", "hit", "torture", "thrash", "whip", "lynch"}
_SECURITY_LEMMAS = {"police", "paramilitary", "personnel"}


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
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not doers and verb.dep_ in {"conj", "xcomp"}:  # "beat and extorted", "accused of ..."
        doers = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not doers and verb.dep_ == "pcomp":  # "police are accused of assaulting a driver"
        owner = verb.head.head
        doers = [c for c in owner.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(_security(d, lexicon) for d in doers)


def _security(tok: Token, lexicon: Lexicon) -> bool:
    for t in (tok, *(c for c in tok.children if c.dep_ == "conj")):  # "police and NSS personnel"
        kind = lexicon.victims.get(t.lower_) or lexicon.victims.get(t.lemma_.lower())
        if kind is VictimKind.SECURITY_FORCES or t.lemma_.lower() in _SECURITY_LEMMAS:
            return True
    return False
