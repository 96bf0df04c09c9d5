"""RSS and Atom feeds: each entry is a document, its content (or summary) as HTML.

The entry's own date is the publication date, taken as written (its local calendar day),
then `published`. Entry ids come from the entry's guid/id or link, so the same item read from
two fetches of a feed gets the same id; entries without either use the feed's path and index.
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from sitrep.models import RawDocument, Rejected
from sitrep.readers.common import looks_like_html, parse_date, stable_id

_TAG = re.compile(r"<[^>]*>")


class NotAFeed(ValueError):
    """The bytes parse as no RSS/Atom feed (feedparser found neither a version nor entries)."""


def parse_feed(data: bytes) -> Any:
    """feedparser's result for `data`; raises NotAFeed. Never touches a file or the network."""
    # A BytesIO, not bytes: feedparser treats a bytes argument as a possible file name.
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except Exception as exc:  # feedparser's parsers raise many types on hostile input
        raise NotAFeed(f"unparsable feed: {type(exc).__name__}") from None
    if not parsed.get("version") and not parsed.get("entries"):
        raise NotAFeed("not an RSS/Atom feed")
    return parsed


def read_feed_bytes(
    data: bytes,
    origin: str,
    *,
    key: str,
    published: date | None = None,
    parsed: Any = None,
) -> Iterator[RawDocument | Rejected]:
    """Documents from one feed's bytes (or its `parsed` result, when the caller has it)."""
    if parsed is None:
        try:
            parsed = parse_feed(data)
        except NotAFeed as exc:
            yield Rejected(origin=origin, reason=str(exc))
            return
    entries = parsed.get("entries") or []
    if not entries:
        yield Rejected(origin=origin, reason="feed without entries")
        return
    source = _plain(parsed.get("feed", {}).get("title")) or None
    for index, entry in enumerate(entries, start=1):
        yield _entry_document(entry, index, origin, key, published, source)


def _entry_document(
    entry: Any,
    index: int,
    origin: str,
    key: str,
    published: date | None,
    source: str | None,
) -> RawDocument | Rejected:
    where = f"{origin}#entry-{index}"
    guid = entry.get("id") or entry.get("link")
    doc_id = stable_id(guid, stem="feed") if guid else stable_id(key, index, stem="feed")
    body, is_html = _body(entry)
    title = _plain(entry.get("title")) or None
    if not body.strip() and not title:
        return Rejected(origin=where, reason="empty", doc_id=doc_id)
    if not body.strip():
        body, is_html = title or "", False  # a headline-only item is still a document
    return RawDocument(
        id=doc_id,
        text=body,
        source=source,
        published=_entry_date(entry) or published,
        title=title,
        url=entry.get("link") or None,
        is_html=is_html,
        origin=where,
    )


def _body(entry: Any) -> tuple[str, bool]:
    """The fullest text the entry carries: content:encoded / Atom content, else the summary."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or ""))
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry["summary"], detail.get("type") or ""))
    if not candidates:
        return "", False
    value, mime = max(candidates, key=lambda c: len(c[0]))
    is_html = "html" in mime or looks_like_html(value)
    return value, is_html


def _entry_date(entry: Any) -> date | None:
    for field in ("published", "updated", "created"):
        raw = entry.get(field)
        if isinstance(raw, str):
            try:
                return parse_date(raw)
            except ValueError:
                pass
        parsed = entry.get(f"{field}_parsed")
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _plain(value: Any) -> str:
    """Feed titles may carry markup and entities; a title is one line of plain text."""
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())
