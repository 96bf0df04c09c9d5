"""Unicode and whitespace normalisation: NFC, one kind of newline, one kind of space.

Zero-width joiners (U+200C, U+200D) are kept: Persian, Pashto and Indic scripts spell words
with them. Smart quotes and dashes stay as written.
"""

from __future__ import annotations

import html
import re
import unicodedata

_NEWLINES = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n"})
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e",
    ),
    None,
)
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_RUNS = re.compile(r" {2,}")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def normalize_text(text: str, *, unescape_entities: bool = False) -> str:
    """NFC; newlines as "\\n" (U+2029 as a paragraph break); odd spaces as " "; no invisibles.

    Lines are stripped and runs of spaces collapsed; blank lines are kept (they mark paragraphs).
    `unescape_entities` decodes stray "&amp;"/"&#8217;" left in scraped plain text.
    """
    text = text.replace("\r\n", "\n").replace("\u2029", "\n\n").translate(_NEWLINES)
    if unescape_entities:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _CONTROL.sub("", _SPACES.sub(" ", text))
    return "\n".join(_RUNS.sub(" ", line).strip() for line in text.split("\n"))


def normalize_line(text: str) -> str:
    """One line of text (a title): normalised, inner whitespace collapsed."""
    return " ".join(normalize_text(text).split())
