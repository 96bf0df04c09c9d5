"""Plain-text articles: one file, one document; the first line becomes the title when it is one."""

from __future__ import annotations

import re
from datetime import date

from sitrep.models import RawDocument, Rejected
from sitrep.readers.common import looks_like_html
from sitrep.readers.encoding import NotText, decode_bytes

#: A headline is short, and is not a sentence that ends in a full stop or breaks mid-clause.
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 220
#: a headline may end with its source: "..., army says", "..., witnesses say"
_SAYS = frozenset({"says", "say", "said"})
_BAD_HEADLINE_END = (".", ",", ";", ":", "-", "–", "—", "(", "[")
#: A line ending in one of these words cannot end a sentence (or a headline).
FUNCTION_WORDS = frozenset(
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
        "between",
        "against",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "since",
        "until",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "if",
        "because",
        "although",
        "though",
        "via",
        "per",
        "amid",
        "amidst",
        "among",
        "across",
        "near",
        "including",
        "toward",
        "towards",
        "upon",
        "within",
        "without",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "not",
        "no",
        "said",
        "says",
        "told",
        "say",
        "according",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def looks_like_headline(line: str, next_line: str | None = None) -> bool:
    """Whether `line` (the first non-empty line of a text) reads as a headline.

    Used by the text reader and by clean/ when a document came without a title. `next_line`
    is the line right after it (None when a blank line or nothing follows): a headline is not
    continued by a line that starts in lower case.
    """
    line = line.strip()
    words = line.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if line.endswith(_BAD_HEADLINE_END) and not line.endswith("..."):
        return False
    if not _WORD.search(line) or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“"):
        return False
    last = words[-1].casefold()
    if last in FUNCTION_WORDS and not (last in _SAYS and "," in line):
        return False  # but "M23 rebels kill 12 civilians in eastern Congo, army says" is one
    nxt = (next_line or "").lstrip()
    return not (nxt and nxt[0].islower())


def first_lines(text: str) -> tuple[str | None, str | None]:
    """The first non-empty line, and the line right after it (None if blank or missing)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip():
            following = lines[i + 1] if i + 1 < len(lines) else None
            return line.strip(), (following if following and following.strip() else None)
    return None, None


def headline_of(text: str) -> str | None:
    first, following = first_lines(text)
    if first is not None and looks_like_headline(first, following):
        return first
    return None


def document_from_bytes(
    data: bytes,
    *,
    origin: str,
    doc_id: str,
    published: date | None,
    html: bool | None = None,
    declared_charset: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> RawDocument | Rejected:
    """Decode one document's bytes; `html` None means sniff whether it is HTML.

    Plain text gets its title from a headline-like first line; HTML keeps title None and leaves
    extraction (title, date, body) to clean/.
    """
    if not data.strip():
        return Rejected(origin=origin, reason="empty", doc_id=doc_id)
    try:
        text = decode_bytes(data, declared_charset)
    except NotText as exc:
        return Rejected(origin=origin, reason=exc.reason, doc_id=doc_id)
    if not text.strip():
        return Rejected(origin=origin, reason="empty", doc_id=doc_id)
    is_html = looks_like_html(text) if html is None else html
    if title is None and not is_html:
        title = headline_of(text)
    return RawDocument(
        id=doc_id,
        text=text,
        source=source,
        published=published,
        title=title,
        url=url,
        is_html=is_html,
        origin=origin,
    )
