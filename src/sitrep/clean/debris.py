"""Scraping debris: lines that belong to the page, not the article. Patterns are data.

Each rule matches a *whole* line (case-insensitive), so a body sentence that merely contains
"read" or "source" is never touched; `max_words` keeps a rule to short lines. To extend, add a
`DebrisRule` to `LINE_RULES` (or a pattern to `INLINE_CREDITS` / `TAIL_MARKERS`) with a test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOCIAL = r"(?:share|tweet|email|e-mail|print|comments?|copy\s+link|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest)"
_PHOTO = r"(?:photos?|images?|pictures?|pics?|file\s+photos?|photographs?|videos?|graphics?)(?:\s+credits?)?"
# A token of a timestamp line ("Updated: Oct 12, 2025, 10:43 AM IST"), nothing that reads as prose.
_DATEISH = (
    r"(?:\d[\d:/.,-]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|[ap]\.?m\.?|ist|gmt|utc|et|edt|est|pkt|aft|hrs?"
    r"|on|at|ago|minutes?|hours?|days?)"
)
_AGENCY = r"(?:AP|AFP|Reuters|EPA|Getty\s+Images|ANI|PTI|IANS|Xinhua|Anadolu|ITG)"


@dataclass(frozen=True, slots=True)
class DebrisRule:
    name: str
    pattern: re.Pattern[str]
    max_words: int = 30


def _rule(name: str, pattern: str, max_words: int = 30) -> DebrisRule:
    return DebrisRule(name, re.compile(rf"(?:{pattern})", re.IGNORECASE), max_words)


#: Whole lines to drop.
LINE_RULES: tuple[DebrisRule, ...] = (
    _rule("read-also", r"(?:read|see)\s+(?:also|more|next)\b.*|also\s+(?:read|see)\b.*", 40),
    _rule(
        "related",
        r"(?:you\s+(?:might|may|could)\s+also\s+(?:like|enjoy|be\s+interested\s+in)"
        r"|recommended(?:\s+(?:for\s+you|stories|articles|videos))?"
        r"|related(?:\s+(?:articles?|stories|story|news|posts?|coverage|content|topics|videos?))?"
        r"|more\s+(?:stories|news|from\s+\S.*)|top\s+stories|latest\s+(?:news|stories|videos?)"
        r"|trending(?:\s+(?:now|news|stories|topics|videos?))?|must\s+read|don'?t\s+miss"
        r"|most\s+(?:read|popular|viewed|shared)|popular\s+(?:now|stories|posts?)"
        r"|editor'?s\s+picks?|in\s+case\s+you\s+missed\s+it|what\s+to\s+read\s+next)\W*",
        8,
    ),
    _rule("source", r"sources?\s*[:|–—-]\s*[^.!?:]{1,60}\.?", 8),
    _rule(
        "photo-credit",
        rf"[(\[]?\s*(?:{_PHOTO}\s*(?:[:|/–—-]|\bby\b|\bcourtesy\b)\s*[^()\[\]]{{0,80}}"
        rf"|{_AGENCY}\s+(?:photos?|images?|video)\b[^()\[\]]{{0,60}}"
        rf"|(?:file\s+)?photo|getty\s+images|representational\s+(?:image|photo|picture))\s*[)\]]?\.?",
        14,
    ),
    _rule(
        "advertisement",
        r"advertisements?|advertising|sponsored(?:\s+(?:content|stories|links?))?|ads?"
        r"|(?:advertisement\s*[-–—:]\s*)?(?:scroll|swipe)\s+(?:down\s+)?to\s+continue.*"
        r"|story\s+continues\s+(?:below|after).*|continue\s+reading.*",
        12,
    ),
    _rule("click-here", r"(?:click|tap)\s+here\b.*", 30),
    _rule("social", rf"{_SOCIAL}(?:\s*[|/,•·:]?\s*{_SOCIAL})*(?:\s+(?:this|article|story))?\W*", 8),
    _rule(
        "share-follow",
        r"(?:share|follow)\s+(?:this|us|on|the\s+(?:story|article)|our)\b.*"
        r"|(?:subscribe|sign\s+up|join|download|get|install)\b.*\b(?:newsletters?|channels?|apps?|"
        r"whatsapp|telegram|updates|alerts|notifications|subscriptions?|inbox|podcasts?)\b.*"
        r"|subscribe(?:\s+now|\s+today)?\W*|log\s*in|sign\s+in|register",
        25,
    ),
    _rule(
        "byline-credit",
        r"[(\[]?\s*(?:with\s+inputs?\s+from|edited\s+by|compiled\s+by|translated\s+by|"
        r"(?:this\s+)?(?:story|article)\s+(?:was\s+)?(?:first\s+)?published\s+(?:on|in|by))\b.{0,80}",
        14,
    ),
    _rule(
        "timestamp",
        rf"(?:first\s+published|published|posted|updated|last\s+updated|modified)"
        rf"\s*(?:on|at|:)?\s*{_DATEISH}(?:[\s,|]+{_DATEISH})*\W*",
        14,
    ),
    _rule(
        "listen", r"listen\s+to\s+(?:this\s+)?(?:article|story).*|\d+\s+mins?(?:ute)?s?\s+read", 12
    ),
    _rule("copyright", r"(?:©|\(c\)|copyright\b|all\s+rights\s+reserved\b).*", 20),
    _rule("separator", r"[\W_]+", 10),  # "***", "—", "|": no letter or digit at all
)

#: Credits at the end of a caption line: the credit goes, the caption stays.
INLINE_CREDITS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"\s*[(\[]\s*(?:{_PHOTO}\s*(?:[:|/–—-]|\bby\b|\bcourtesy\b)\s*[^()\[\]]{{1,80}}"
        rf"|{_AGENCY}\s+(?:photos?|images?)\b[^()\[\]]{{0,60}}|(?:file\s+)?photo)\s*[)\]]\s*$",
        re.IGNORECASE,
    ),
)

#: Wire-service slugs before a headline: "UPDATE 2-", "REFILE-", "CORRECTED-", "WRAPUP 1-".
WIRE_SLUG = re.compile(
    r"^\s*(?:UPDATE|REFILE|CORRECTED|CORRECTING|RPT|REPEAT|WRAPUP|INSIGHT|ANALYSIS|EXCLUSIVE|"
    r"FACTBOX|TIMELINE|BREAKINGVIEWS|URGENT|FLASH)(?:\s*\d+)?\s*[-–—:]\s*(?=\S)"
)

#: Lines after which the page lists other articles: what follows, if it is only a list of
#: short headline-like lines, goes too.
TAIL_MARKERS: tuple[str, ...] = ("related",)


def debris_rule(line: str) -> str | None:
    """The name of the rule `line` (stripped) matches as a whole, else None."""
    text = line.strip()
    if not text:
        return None
    words = len(text.split())
    for rule in LINE_RULES:
        if words <= rule.max_words and rule.pattern.fullmatch(text):
            return rule.name
    return None


def strip_inline_credits(line: str) -> str:
    """`line` without the photo credits at its end ("… night. (Photo - ITG)") and without a
    wire slug at its start ("UPDATE 1-Four die …": the 1 is a version, not a count)."""
    line = WIRE_SLUG.sub("", line)
    previous = None
    while previous != line:
        previous = line
        for pattern in INLINE_CREDITS:
            line = pattern.sub("", line)
    return line
