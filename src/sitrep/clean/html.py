"""Article text and metadata from HTML: trafilatura first, a tolerant stdlib parser as fallback.

Output is a list of paragraphs, each a list of lines (a <br> inside a paragraph is a line
break, which clean/ may rejoin). trafilatura gives the main content without navigation,
comments and boilerplate; when it finds nothing (a short feed summary, a page lxml cannot
parse, very deep nesting) or fails, `html.parser` — which never raises on bad markup and has
no depth limit — takes the visible text of block elements.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import trafilatura
from trafilatura.settings import use_config

log = logging.getLogger(__name__)

Paragraphs = list[list[str]]

_BLOCK_ELEMENTS = ("p", "head", "item", "quote", "code", "row")
_HAS_DOCUMENT = re.compile(r"<\s*(?:html|body)\b", re.IGNORECASE)
#: trafilatura settings for sitrep: short texts (feed summaries) are articles too; dates only
#: from the page's markup and metadata, never guessed from dates mentioned in the text.
_SETTINGS = {
    "MIN_EXTRACTED_SIZE": "1",
    "MIN_OUTPUT_SIZE": "1",
    "EXTENSIVE_DATE_SEARCH": "off",
}


@dataclass(slots=True)
class HtmlContent:
    paragraphs: Paragraphs = field(default_factory=list)
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    extractor: str = "trafilatura"


@lru_cache(maxsize=1)
def _config() -> Any:
    config = use_config()
    for key, value in _SETTINGS.items():
        config.set("DEFAULT", key, value)
    return config


def extract_html(markup: str) -> HtmlContent:
    """Paragraphs and metadata of an HTML page or fragment; never raises on bad markup."""
    if not _HAS_DOCUMENT.search(markup[:5000]):
        markup = f"<html><body>{markup}</body></html>"  # trafilatura ignores bare fragments
    content = HtmlContent()
    try:
        document = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_config(),
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        log.debug("trafilatura failed (%s: %s); using the fallback parser", type(exc).__name__, exc)
        document = None
    if document is not None:
        content.title = _clean_meta(getattr(document, "title", None))
        content.source = _clean_meta(getattr(document, "sitename", None))
        content.url = _clean_meta(getattr(document, "url", None))
        content.published = _iso_date(getattr(document, "date", None))
        body = getattr(document, "body", None)
        if body is not None:
            try:
                content.paragraphs = _paragraphs_from_tree(body)
            except (RecursionError, ValueError, TypeError) as exc:
                log.debug("unreadable trafilatura tree (%s)", exc)
    if not any(line.strip() for para in content.paragraphs for line in para):
        fallback = _FallbackParser.parse(markup)
        content.paragraphs = fallback.paragraphs
        content.title = content.title or fallback.title
        content.extractor = "html.parser"
    return content


def _paragraphs_from_tree(body: Any) -> Paragraphs:
    for lb in body.iter("lb"):
        lb.text = "\n"
    paragraphs: Paragraphs = []
    for element in body.iter(*_BLOCK_ELEMENTS):
        if element.tag == "quote" and any(True for _ in element.iter("p", "item")):
            continue  # its paragraphs come on their own
        if element.tag == "p" and _inside(element, ("item", "row")):
            continue
        if element.tag == "row":
            cells = [" ".join("".join(c.itertext()).split()) for c in element.iter("cell")]
            text = " | ".join(c for c in cells if c)
        else:
            text = "".join(element.itertext())
        lines = [line.strip() for line in text.split("\n")]
        if any(lines):
            paragraphs.append([line for line in lines if line])
    return paragraphs


def _inside(element: Any, tags: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _clean_meta(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class _FallbackParser(HTMLParser):
    """Visible text of block elements; scripts, styles, navigation and forms are skipped."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "tr",
            "blockquote",
            "section",
            "article",
            "main",
            "pre",
            "figcaption",
            "dd",
            "dt",
            "table",
            "ul",
            "ol",
            "header",
            "body",
            "html",
            "caption",
            "summary",
            "details",
        ]
    )
    SKIP = frozenset(
        [
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "nav",
            "footer",
            "aside",
            "form",
            "button",
            "select",
            "iframe",
            "head",
            "object",
            "canvas",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: Paragraphs = []
        self._lines: list[str] = []
        self._current: list[str] = []
        self._skip: list[str] = []
        self._in_title = False
        self._title: list[str] = []
        self.title: str | None = None

    @classmethod
    def parse(cls, markup: str) -> _FallbackParser:
        parser = cls()
        try:
            parser.feed(markup)
            parser.close()
        except Exception as exc:  # html.parser is lenient, but be sure
            log.debug("fallback HTML parser stopped: %s", exc)
        parser._end_paragraph()
        title = " ".join("".join(parser._title).split())
        parser.title = title or None
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self._skip.append(tag)
        elif tag == "br":
            self._end_line()
        elif tag in self.BLOCKS:
            self._end_paragraph()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skip and tag in self.SKIP:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
        elif tag in self.BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip:
            self._current.append(data)

    def _end_line(self) -> None:
        line = " ".join("".join(self._current).split())
        self._current = []
        if line:
            self._lines.append(line)

    def _end_paragraph(self) -> None:
        self._end_line()
        if self._lines:
            self.paragraphs.append(self._lines)
            self._lines = []
