"""One demonstration, one event: an article's protest, the police's tear gas, the crowd's clash
with the police and the cars it set on fire are one gathering, coded as ACLED codes it.

"Thousands of opposition supporters clashed with police ... Police fired tear gas ...
protesters threw stones and set fire to vehicles" had become four events: a peaceful protest, an
armed clash, a protest with intervention and a looting. ACLED codes a gathering once, by what
its participants did: a crowd that fights or burns is a violent demonstration; a peaceful one the
police broke up, a protest with intervention; one the police shot at, excessive force against
protesters. Here, within one article, the protest-family events of agreeing day and place merge,
and so do a clash or a destruction told in a sentence that names the crowd, and the security
forces' attack on it; the merged event takes the gravest of their sub-types.
"""

from __future__ import annotations

import re

from sitrep.extract.events import Draft, dates_agree, more_precise, places_agree
from sitrep.models import Evidence, SubEventType

_S = SubEventType
#: the protest family, from the mildest to the gravest
_PROTESTS = (
    _S.PEACEFUL_PROTEST,
    _S.PROTEST_WITH_INTERVENTION,
    _S.EXCESSIVE_FORCE,
    _S.VIOLENT_DEMONSTRATION,
)
#: acts of a crowd that make its demonstration violent when the sentence names the crowd
_CROWD_ACTS = {_S.ARMED_CLASH, _S.LOOTING}
_CROWD = re.compile(
    r"\b(?:protesters|protestors|demonstrators|rioters|marchers|crowds?|supporters)\b", re.I
)


#: who uses force on a crowd: "police shot dead two protesters" is force against the protest
_FORCES = re.compile(r"\b(?:police\w*|security forces|soldiers|troops|army|gendarm\w*)\b", re.I)


#: the protests a model may name before the force used on them is read
_UNFORCED = {_S.PEACEFUL_PROTEST, _S.PROTEST_WITH_INTERVENTION}
#: "security forces killed at least 38 protesters", "police shot and wounded demonstrators"
_FORCES_HARM_CROWD = re.compile(
    rf"{_FORCES.pattern}[^.;]{{0,60}}?\b(?:kill\w*|shot|shoot\w*|open(?:ed)? fire|wound\w*)\b"
    rf"[^.;]{{0,40}}?{_CROWD.pattern}",
    re.I,
)


def _force_on_crowd(dr: Draft) -> bool:
    """The security forces' attack on a crowd, or a protest told by the force used on it."""
    if dr.sub_event_type is _S.ATTACK:
        return any(_CROWD.search(e.text) and _FORCES.search(e.text) for e in dr.evidence)
    return dr.sub_event_type in _UNFORCED and any(
        _FORCES_HARM_CROWD.search(e.text) for e in dr.evidence
    )


def _joins(dr: Draft) -> bool:
    """A mention of the gathering: a protest (the security forces' attack on the crowd is one
    by now), or a clash or arson told with the crowd named."""
    if dr.sub_event_type in _PROTESTS:
        return True
    return dr.sub_event_type in _CROWD_ACTS and any(_CROWD.search(e.text) for e in dr.evidence)


def merge_demonstrations(drafts: list[Draft]) -> list[Draft]:
    """The drafts with each gathering's mentions merged into its first draft."""
    if not any(dr.sub_event_type in _PROTESTS for dr in drafts):
        return drafts
    out: list[Draft] = []
    heads: list[Draft] = []
    for dr in drafts:
        if _force_on_crowd(dr):
            dr.sub_event_type = _S.EXCESSIVE_FORCE
        if not _joins(dr):
            out.append(dr)
            continue
        head = next(
            (h for h in heads if dates_agree(h.date, dr.date) and places_agree(h.place, dr.place)),
            None,
        )
        if head is None:
            heads.append(dr)
            out.append(dr)
            continue
        _absorb(head, dr)
    for head in heads:
        if head.sub_event_type in _CROWD_ACTS:  # a crowd's clash told alone: still a gathering
            head.sub_event_type = _S.VIOLENT_DEMONSTRATION
    return out


def _absorb(head: Draft, dr: Draft) -> None:
    grave = _gravity(head.sub_event_type, dr.sub_event_type)
    head.sub_event_type = grave
    head.sentences.extend(s for s in dr.sentences if s not in head.sentences)
    head.evidence.extend(e for e in dr.evidence if not _has(head.evidence, e))
    head.figures.extend(k for k in dr.figures if k not in head.figures)
    head.countries.extend(c for c in dr.countries if c not in head.countries)
    head.actors.extend(a for a in dr.actors if a not in head.actors)
    head.trigger_words |= dr.trigger_words
    head.in_headline = head.in_headline or dr.in_headline
    head.headline_first = head.headline_first or dr.headline_first
    head.weight = max(head.weight, dr.weight)
    head.place = more_precise(head.place, dr.place)
    if head.date is None or (head.date_said and not dr.date_said and dr.date is not None):
        head.date, head.date_precision, head.date_said = dr.date, dr.date_precision, dr.date_said


def _gravity(a: SubEventType, b: SubEventType) -> SubEventType:
    """The graver reading: a crowd's clash or arson makes the demonstration violent."""
    rank = {s: i for i, s in enumerate(_PROTESTS)}
    rank.update({s: len(_PROTESTS) - 1 for s in _CROWD_ACTS})
    grave = max((a, b), key=lambda s: rank[s])
    return _S.VIOLENT_DEMONSTRATION if grave in _CROWD_ACTS else grave


def _has(pieces: list[Evidence], e: Evidence) -> bool:
    return any(p.start == e.start and p.end == e.end for p in pieces)
