"""Who took the territory: ACLED's two capture sub-types differ only in the taker.

"Government regains territory" is a state force taking ground back; "Non-state actor overtakes
territory" is a rebel, militant or militia group taking it, even when it *retakes* a town it had
lost. A model reading the words sees "recaptured" and leans to the first; the parse says who
the subject of the capture is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.roles import doers
from sitrep.models import SubEventType, VictimKind

Taker = Literal["state", "non_state"]

_CAPTURE_VERBS = {
    "capture",
    "recapture",
    "retake",
    "seize",
    "regain",
    "reclaim",
    "overrun",
    "liberate",
    "wrest",
    "occupy",
    # forms the lemmatizer leaves as they are
    "retook",
    "retaken",
    "overran",
}
#: "took control of", "took over", "gained control of", "gained ground"
_CONTROL_VERBS = {"take", "gain"}
_STATE_WORDS = {"government", "army", "military", "state", "regime", "federal", "national"}
_NON_STATE_WORDS = {
    "militia",
    "militias",
    "opposition",
    "rebel",
    "insurgent",
    "jihadist",
    "islamist",
    "separatist",
    "militant",
    "group",
    "faction",
}
TERRITORY = {
    SubEventType.GOVERNMENT_REGAINS_TERRITORY: "state",
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY: "non_state",
}


def territory_taker(sentences: Iterable[Span], lexicon: Lexicon) -> Taker | None:
    """Whether a state force or a non-state group takes the territory, by the subject of the
    first capture verb whose subject says so plainly; None when none does."""
    for sent in sentences:
        for tok in sent:
            if not _captures(tok):
                continue
            for subject in doers(tok):
                found = _side(subject, lexicon)
                if found is not None:
                    return found
    return None


def with_taker(label: SubEventType, taker: Taker | None) -> SubEventType:
    """The capture sub-type that fits the taker (other labels pass through)."""
    if label not in TERRITORY or taker is None or TERRITORY[label] == taker:
        return label
    return next(sub for sub, side in TERRITORY.items() if side == taker)


def _captures(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return False
    if lemma in _CAPTURE_VERBS or tok.lower_ in _CAPTURE_VERBS:
        return True
    if lemma in _CONTROL_VERBS:  # "took over", "took/gained control of"
        return any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"control", "ground"} for c in tok.children
        )
    return False


def _side(subject: Token, lexicon: Lexicon) -> Taker | None:
    """State or non-state from the subject's head noun and its modifiers; None if they
    disagree ("pro-government militia") or say nothing ("they")."""
    sides = set()
    for t in subject.subtree:
        if t.i > subject.i:  # "rebels from the north": only the head and what precedes it
            break
        lemma = t.lemma_.lower()
        kind = lexicon.victims.get(t.lower_) or lexicon.victims.get(lemma)
        if kind is VictimKind.SECURITY_FORCES or lemma in _STATE_WORDS:
            sides.add("state")
        elif kind is VictimKind.MILITANTS or lemma in _NON_STATE_WORDS:
            sides.add("non_state")
    if len(sides) != 1:
        return None
    return "state" if "state" in sides else "non_state"
