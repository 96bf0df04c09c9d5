"""A coder note that opens with its category: "Security measures: On 8 May 2020, Russian forces
conducted a patrol ...".

Some coders (ACLED's Syria notes among them) head a strategic development with the kind it is.
The heading is the coder's own reading of the event, and outranks a model that hears "patrol",
"raid" or "drone" and says Armed clash or Air/drone strike.
"""

from __future__ import annotations

import re

from sitrep.models import SubEventType

_S = SubEventType
_HEADINGS: dict[str, SubEventType] = {
    "security measures": _S.CHANGE_TO_GROUP,
    "movement of forces": _S.CHANGE_TO_GROUP,
    "headquarters or base established": _S.HEADQUARTERS_ESTABLISHED,
    "property destruction": _S.LOOTING,
    "land seizure": _S.LOOTING,
    "detonation": _S.DISRUPTED_WEAPONS_USE,
    "interception": _S.DISRUPTED_WEAPONS_USE,
    "weapons seizure": _S.DISRUPTED_WEAPONS_USE,
    "arrests": _S.ARRESTS,
    "other": _S.OTHER,
}
_HEADING = re.compile(r"\s*([A-Za-z][A-Za-z ]{1,40}?)\s*:\s+\S")


def heading_sub_type(text: str) -> SubEventType | None:
    """The sub-type a note's opening heading names, if it opens with one."""
    m = _HEADING.match(text or "")
    return _HEADINGS.get(m.group(1).lower()) if m else None
