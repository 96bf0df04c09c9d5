"""`clean`: a RawDocument to an Article — body text without debris, broken lines joined.

The shape of `Article.text`:
- paragraphs are separated by one blank line ("\\n\\n");
- inside a paragraph, a single "\\n" is a break the source made after a complete sentence or a
  heading; breaks in the middle of a sentence are joined with a space;
- the headline is the first paragraph (prepended when the body does not already start with
  it), because headlines carry claims and every evidence offset indexes into this text.
"""

from __future__ import annotations

from datetime import date

from sitrep.clean.dateline import split_dateline
from sitrep.clean.debris import TAIL_MARKERS, debris_rule, strip_inline_credits
from sitrep.clean.errors import CleanError
from sitrep.clean.html import Paragraphs, extract_html
from sitrep.clean.lines import ends_sentence, join_broken_lines
from sitrep.clean.normalize import normalize_line, normalize_text
from sitrep.models import Article, RawDocument
from sitrep.readers.text import looks_like_headline

#: Lines after a tail marker are dropped only if all are short, headline-like list entries.
TAIL_ENTRY_MAX_WORDS = 20


def clean(raw: RawDocument) -> Article:
    """The cleaned article of `raw`; raises `CleanError` when no text remains."""
    title = normalize_line(raw.title) if raw.title else None
    published: date | None = raw.published
    source, url = raw.source, raw.url
    if raw.is_html:
        content = extract_html(raw.text)
        paragraphs = [_normalized_lines(p) for p in content.paragraphs]
        title = title or (normalize_line(content.title) if content.title else None)
        published = published or content.published
        source = source or content.source
        url = url or content.url
    else:
        paragraphs = split_paragraphs(normalize_text(raw.text, unescape_entities=True))
    paragraphs = drop_debris(paragraphs)
    if title and debris_rule(title) is not None:
        title = None  # "Trending Now" taken for a headline by a reader: page furniture
    if not title and not raw.is_html:
        title = _headline(paragraphs)
    paragraphs = _separate_headline(paragraphs, title)
    body = [p for p in map(_join, paragraphs) if p]
    if not title and not raw.is_html:  # joining can make the first line read as a headline
        title = _headline(body)
        body = _separate_headline(body, title)
    body = [_dateline_apart(p, title) for p in _with_headline(body, title)]
    text = "\n\n".join("\n".join(p) for p in body)
    if not text.strip():
        raise CleanError("no text left after cleaning", raw.id)
    return Article(
        doc_id=raw.id,
        text=text,
        title=title or None,
        published=published,
        source=source,
        url=url,
    )


def split_paragraphs(text: str) -> Paragraphs:
    """Normalised text into paragraphs (split on blank lines), each a list of non-empty lines."""
    paragraphs: Paragraphs = [[]]
    for line in text.split("\n"):
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def drop_debris(paragraphs: Paragraphs) -> Paragraphs:
    """Drop trailing "related articles" lists, debris lines and end-of-caption credits."""
    kept: Paragraphs = []
    for paragraph in _cut_tail(paragraphs):
        lines = []
        for line in paragraph:
            if debris_rule(line) is not None:
                continue
            line = strip_inline_credits(line).strip()
            if line and debris_rule(line) is None:
                lines.append(line)
        if lines:
            kept.append(lines)
    return kept


def _headline(paragraphs: Paragraphs) -> str | None:
    """The first line, when it reads as a headline (for documents that came without a title)."""
    if not paragraphs:
        return None
    first = paragraphs[0]
    following = first[1] if len(first) > 1 else None
    if looks_like_headline(first[0], following) and debris_rule(first[0]) is None:
        return first[0]
    return None


def _join(lines: list[str]) -> list[str]:
    """Join broken lines; a joined line can turn out to be debris ("Source:" + "aajtak"), and
    dropping it can bring two lines together, so repeat until nothing changes."""
    while True:
        joined = [line for line in join_broken_lines(lines) if debris_rule(line) is None]
        if joined == lines:
            return joined
        lines = joined


def _cut_tail(paragraphs: Paragraphs) -> Paragraphs:
    """After a "You might also like" / "Related" line, a list of other headlines is debris:
    the marker and everything after it go, if everything after it is such a list."""
    flat = [(i, j, line) for i, para in enumerate(paragraphs) for j, line in enumerate(para)]
    for n, (i, j, line) in enumerate(flat):
        if debris_rule(line) not in TAIL_MARKERS:
            continue
        rest = [r for _, _, r in flat[n + 1 :] if debris_rule(r) is None]
        if all(_list_entry(r) for r in rest):
            return [*paragraphs[:i], paragraphs[i][:j]]
    return paragraphs


def _list_entry(line: str) -> bool:
    return len(line.split()) <= TAIL_ENTRY_MAX_WORDS and not ends_sentence(line)


def _normalized_lines(lines: list[str]) -> list[str]:
    return [norm for norm in map(normalize_line, lines) if norm]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _separate_headline(paragraphs: Paragraphs, title: str | None) -> Paragraphs:
    """The headline line as a paragraph of its own, so it is never joined to the lead."""
    if not title or not paragraphs or len(paragraphs[0]) < 2:
        return paragraphs
    first = paragraphs[0]
    if _key(first[0]) == _key(title):
        return [[first[0]], first[1:], *paragraphs[1:]]
    return paragraphs


def _dateline_apart(paragraph: list[str], title: str | None) -> list[str]:
    """A paragraph whose first line opens with a wire dateline, the dateline on its own line."""
    if not paragraph or (title and _key(paragraph[0]) == _key(title)):
        return paragraph
    return [*split_dateline(paragraph[0]), *paragraph[1:]]


def _with_headline(paragraphs: Paragraphs, title: str | None) -> Paragraphs:
    if not title:
        return paragraphs
    if paragraphs and len(paragraphs[0]) == 1 and _key(paragraphs[0][0]) == _key(title):
        return paragraphs
    return [[title], *paragraphs]
