"""Whom the violence struck: ACLED codes an attack on armed forces as a clash.

"Violence against civilians" is violence against people who cannot fight back; when gunmen
shoot police officers, soldiers or a gendarmerie post, ACLED codes the event as a Battles /
Armed clash, however one-sided ("armed men shot and injured an off-duty police officer"). A
model reading "attacked" and "shot" says Attack; the victims the note counts, or when it counts
none the object of the attack ("shot at a police station"), say who was hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.models import CasualtyFigure, CasualtyStatus, SubEventType, VictimKind

_HARMED = {CasualtyStatus.KILLED, CasualtyStatus.WOUNDED, CasualtyStatus.CASUALTIES}
_ATTACK_VERBS = {"attack", "shoot", "fire", "ambush", "target", "storm", "raid"}
#: a post of the armed forces: "a police station", "the gendarmerie post", "an army checkpoint"
_POSTS = {
    "station",
    "post",
    "checkpoint",
    "base",
    "camp",
    "barracks",
    "outpost",
    "convoy",
    "patrol",
}
_FORCES = {"police", "army", "military", "gendarmerie", "security", "border"}


def armed_target(sentences: Iterable[Span], lexicon: Lexicon) -> bool:
    """Is the object of an attack verb armed: police, soldiers, fighters or their post?"""
    return any(
        _armed(obj, lexicon)
        for sent in sentences
        for verb in sent
        if verb.pos_ == "VERB" and _attacks(verb)
        for obj in _objects(verb)
    )


def with_targets(
    label: SubEventType, figures: Sequence[CasualtyFigure], armed_object: bool = False
) -> SubEventType:
    """An Attack whose counted victims are all security forces is an Armed clash. Guards do not
    count: a security guard is a civilian to ACLED, and "prison guards" may be the attackers."""
    if label is not SubEventType.ATTACK:
        return label
    harmed = [f for f in figures if f.status in _HARMED]
    if not harmed:
        return SubEventType.ARMED_CLASH if armed_object else label
    if all(
        f.victim_kind is VictimKind.SECURITY_FORCES and "guard" not in (f.victim or "").lower()
        for f in harmed
    ):
        return SubEventType.ARMED_CLASH
    return label


#: words of a fight between armed sides: civilians caught in it leave it a clash
_FIGHT = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|exchang\w*|battl\w*|gunfights?|firefights?|engag\w*|"
    r"crossfire|cross-fire|skirmish\w*|confront\w*|repel\w*|repuls\w*|shoot-?outs?|stray|"
    r"positions)\b",
    re.I,
)


def with_victims(label: SubEventType, figures: Sequence[CasualtyFigure], text: str) -> SubEventType:
    """An Armed clash whose counted victims are all civilians, told with no word of a fight,
    is an Attack: "gunmen shot and killed 2 civilians" has one armed side only."""
    if label is not SubEventType.ARMED_CLASH or _FIGHT.search(text):
        return label
    harmed = [f for f in figures if f.status in _HARMED]
    if harmed and all(f.victim_kind is VictimKind.CIVILIAN for f in harmed):
        return SubEventType.ATTACK
    return label


def _attacks(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in _ATTACK_VERBS or (  # "opened fire on"
        lemma == "open"
        and any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in verb.children)
    )


def _objects(verb: Token) -> list[Token]:
    """ "attacked the post", "shot at a police station", "opened fire on a patrol", and the
    passive's subject: "traffic police were shot and injured"."""
    out = [
        c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() != "fire"
    ]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "on"}]
    for fire in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "fire"):
        preps += [c for c in fire.children if c.dep_ == "prep" and c.lower_ in {"at", "on"}]
    out += [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return out


def _armed(noun: Token, lexicon: Lexicon) -> bool:
    # "a group of fighters": the members say who; followed in a loop, as a hostile text can
    # nest "a group of" past Python's recursion limit
    nouns = [noun]
    while nouns:
        noun = nouns.pop()
        if noun.lemma_.lower() in {"group", "unit", "member", "team"}:
            nouns += [
                g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
            ]
        elif _armed_noun(noun, lexicon):
            return True
    return False


def _armed_noun(noun: Token, lexicon: Lexicon) -> bool:
    kind = lexicon.victims.get(noun.lower_) or lexicon.victims.get(noun.lemma_.lower())
    if "guard" in noun.lower_:
        return False
    if kind in {VictimKind.SECURITY_FORCES, VictimKind.MILITANTS}:
        return True
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}
    return noun.lemma_.lower() in _POSTS and bool(modifiers & _FORCES)
