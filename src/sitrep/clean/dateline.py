"""Wire datelines ("PESHAWAR, Pakistan (AP) — A suicide bomber ...") on a line of their own.

Left in the lead, the dateline is read as part of its first sentence: its city in capitals
became the claimant of the lead's figures ("PESHAWAR" said nine officers were killed). On its
own line it is a sentence of its own (a line break ends a sentence), which still names the
country and the city the report was filed from. Only a first word in capitals opens a dateline,
and only before a long lead, so a headline such as "UPDATE 1-Four die ..." is left alone.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^(?P<dateline>"
    r"[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3}"  # PESHAWAR, DERA ISMAIL KHAN, AL-ARISH
    r"(?:/[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3}){0,3}"  # ISLAMABAD/NEW DELHI
    # , Gaza Strip; , Democratic Republic of Congo (but not ", Nov 14")
    r"(?:,\s*(?!" + _MONTH + r"\s+\d)"
    r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*){0,3}){0,2}"
    r"(?:,?\s+" + _MONTH + r"\s+\d{1,2})?"  # , Nov 14
    r"(?:\s*\([A-Za-z][\w .-]{1,20}\))?"  # (AP), (Reuters)
    r")\s*(?:[—–]|--?|:)\s+(?=[A-Z\"“‘'])"
)
LEAD_MIN_WORDS = 8


def split_dateline(line: str) -> list[str]:
    """[dateline, lead] when the line opens with a wire dateline, else [line]."""
    m = DATELINE.match(line)
    if m is None:
        return [line]
    lead = line[m.end() :]
    if len(lead.split()) < LEAD_MIN_WORDS:
        return [line]
    return [line[: m.end()].rstrip(), lead]


def is_dateline(text: str) -> bool:
    """Is the text a dateline on its own, as `split_dateline` leaves it ("KHARTOUM, April 16
    (Reuters) -")?"""
    line = " ".join(text.split())
    m = DATELINE.match(line + " A")  # the pattern looks ahead to the lead's first letter
    return m is not None and m.end() >= len(line)
