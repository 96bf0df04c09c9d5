"""Rejoin lines a scraper broke mid-sentence; keep the breaks that end a sentence or a heading.

Within a paragraph, a line break is a *break in the sentence* when the line before ends with a
comma, colon, dash or a function word ("between", "of", "and"), when the next line starts in
lower case, or when the line before is too long to be a heading and does not end a sentence.
"Kabul,\\nAfghanistan:\\nAfghanistan's Taliban…" becomes one dateline-led sentence; a
title-cased subheading followed by its paragraph stays on its own line.
"""

from __future__ import annotations

import re

from sitrep.readers.text import FUNCTION_WORDS

#: Words a title-cased heading leaves in lower case.
_MINOR = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "nor",
        "as",
        "vs",
        "via",
    ]
)
HEADING_MAX_WORDS = 20
SHORT_LINE_WORDS = 8
_CLOSERS = "\"'”’)]»"
_TERMINAL = ".!?…"
_BULLET = re.compile(r"^(?:[-–—•*·▪►]\s|\d{1,3}[.)]\s)")
_JOINING_END = (",", ";", ":", "(", "[", "–", "—", "/", "&")


def join_broken_lines(lines: list[str]) -> list[str]:
    """The lines of one paragraph, with mid-sentence breaks joined (a space, or none after a
    hyphenated word part); the remaining breaks are real ones."""
    out: list[str] = []
    for line in lines:
        if out:
            glue = joiner(out[-1], line)
            if glue is not None:
                out[-1] = out[-1] + glue + line
                continue
        out.append(line)
    return out


def joiner(prev: str, nxt: str) -> str | None:
    """What joins `prev` and `nxt` ("" or " ") when the break between them is mid-sentence,
    else None."""
    if not prev or not nxt or _BULLET.match(nxt):
        return None
    starts_lower = nxt[0].islower()
    if ends_sentence(prev):
        return " " if starts_lower else None
    if prev[-1] == "-" and len(prev) > 1 and prev[-2].isalpha() and starts_lower:
        return ""  # "cease-" + "fire": the hyphen is kept, nothing inserted
    if prev.endswith(_JOINING_END) or prev.endswith(" -"):
        return " "
    if nxt[0] in ",;:)].":
        return ""
    if starts_lower:
        return " "
    if last_word(prev) in FUNCTION_WORDS:
        return " "
    if not heading_like(prev):
        return " "
    return None


def ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _TERMINAL


def last_word(line: str) -> str:
    words = line.split()
    return words[-1].strip(_CLOSERS + ".,;:!?").casefold() if words else ""


def heading_like(line: str) -> bool:
    """Short, or title-cased and not long: a line that may stand alone without punctuation."""
    words = line.split()
    if len(words) <= SHORT_LINE_WORDS:
        return True
    if len(words) > HEADING_MAX_WORDS:
        return False
    content = [w for w in words if w[:1].isalpha() and w.casefold() not in _MINOR]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.6
