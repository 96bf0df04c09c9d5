"""Who did it, read off the parse: shared by the ACLED conventions (`conventions.py`)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.lexicon import Lexicon
from sitrep.models import VictimKind

#: clauses that describe someone, not what happened: "activists who were detained", "who hurled
#: stones last week"
DESCRIBING = {"relcl", "acl", "amod", "pcomp", "pobj"}
#: nouns of state forces the victim lexicon does not list as such ("security forces", "police")
_SECURITY_LEMMAS = {"police", "paramilitary", "personnel", "force"}


def doers(verb: Token) -> list[Token]:
    """The verb's subject, or the agent of its passive ("was beaten by police officers"); for a
    verb with no subject of its own, the subject of the clause it continues: "rebels advanced
    and retook the town", "paramilitaries beat and extorted a man", "police are accused of
    assaulting a driver"."""
    out = [c for c in verb.children if c.dep_ == "nsubj"]
    out += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if out:
        return out
    owner = None
    if verb.dep_ in {"conj", "xcomp", "advcl"}:
        owner = verb.head
    elif verb.dep_ == "pcomp":
        owner = verb.head.head
    if owner is None:
        return []
    return [c for c in owner.children if c.dep_ in {"nsubj", "nsubjpass"}]


def is_security(noun: Token, lexicon: Lexicon) -> bool:
    """Police, troops or another state force, or a list that names one ("police and NSS
    personnel")."""
    for t in (noun, *(c for c in noun.children if c.dep_ == "conj")):
        kind = lexicon.victims.get(t.lower_) or lexicon.victims.get(t.lemma_.lower())
        if kind is VictimKind.SECURITY_FORCES or t.lemma_.lower() in _SECURITY_LEMMAS:
            return True
    return False
