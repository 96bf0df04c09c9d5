"""Sub-counts: "10 villagers, including two women" reports 10 dead, not 12, and not 2.

FORMAT.md §3 reports a sub-count as a figure of its own ("six medics, including four doctors" =
6 and 4). An event's toll must not add it to the count it belongs to, nor, when both name the
same victim group (villagers and women are civilians), take it for a lower restatement of that
count. A figure is a part of another when both come from one sentence and one claimant, the
other is larger and of a group that can hold it, and the sentence introduces this figure's
victims with "including" or "among them". A partitive ("one of the dead militants was a
Pakistani national") is a part of any larger count of its group in the text, whoever said it:
"the dead militants" are those counted already. Read from the figure's own evidence, so fusion
can tell from stored claims too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.models import CasualtyFigure, VictimKind

_INTRO = r"\b(?:including|among (?:them|whom|those|the dead|the victims|the killed))\b"


_PARTITIVE = r"\bof (?:the|those|these) (?:[\w-]+ ){0,3}?"


def _before_victim(f: CasualtyFigure, pattern: str) -> bool:
    """Does `pattern` come right before the figure's victim noun in its sentence?"""
    if not f.victim:
        return False
    noun = re.escape(f.victim.split()[-1])
    return re.search(rf"{pattern}\b{noun}\b", f.evidence.text, re.I) is not None


def _introduced(f: CasualtyFigure) -> bool:
    return _before_victim(f, rf"{_INTRO}[^.;:]{{0,60}}?")


def _partitive(f: CasualtyFigure) -> bool:
    """ "one of the dead militants": a part of a group the text has counted."""
    return _before_victim(f, _PARTITIVE)


def _same_group(part: CasualtyFigure, whole: CasualtyFigure) -> bool:
    """ "21 militants including 2 commanders and 4 Afghan soldiers": the soldiers, another
    group, are no part of the 21."""
    unspecified = VictimKind.UNSPECIFIED
    kinds = part.victim_kind is whole.victim_kind or unspecified in {
        part.victim_kind,
        whole.victim_kind,
    }
    sides = not part.victim_side or not whole.victim_side or part.victim_side == whole.victim_side
    return kinds and sides


def parts(figures: Sequence[CasualtyFigure]) -> set[int]:
    """Indexes of the figures that are sub-counts of another figure in the list."""
    out = set()
    for i, f in enumerate(figures):
        point = f.count.point
        if point is None:
            continue
        anywhere = _partitive(f)
        if not anywhere and not _introduced(f):
            continue
        for g in figures:
            if (
                g is not f
                and g.status is f.status
                and (
                    anywhere
                    or (g.evidence.start == f.evidence.start and g.claimant.name == f.claimant.name)
                )
                and (g.count.point or 0) > point
                and _same_group(f, g)
            ):
                out.add(i)
                break
    return out
