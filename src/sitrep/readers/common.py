"""What every reader shares: stable document ids, dates from metadata, and content sniffing."""

from __future__ import annotations

import hashlib
import io
import os
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import IO, Any

_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")

# Tags that, opening or closing, only HTML has; prose rarely contains two of them.
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:html|head|body|p|div|span|br|a|article|section|main|header|footer|nav|"
    r"h[1-6]|ul|ol|li|table|tr|td|meta|title|script|style|figure|figcaption|img|strong|em|b|i)"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_XML_DECL = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml\b")


def stable_id(key: str, index: int | None = None, *, stem: str | None = None) -> str:
    """A deterministic document id: a readable stem plus a hash of `key` (and `index`).

    `key` is a normalised path, a feed entry's guid or a WARC record id, so the same input read
    twice gets the same id, whatever the process or machine.
    """
    material = key if index is None else f"{key}#{index}"
    digest = hashlib.sha1(material.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    readable = _SLUG.sub("-", stem or "").strip("-.")[:40]
    return f"{readable}-{digest}" if readable else f"doc-{digest}"


def path_key(path: str | os.PathLike[str]) -> str:
    """The path as ids use it: normalised, with forward slashes."""
    return os.path.normpath(os.fspath(path)).replace(os.sep, "/")


def parse_date(value: str) -> date:
    """A date from ISO 8601 ("2025-10-12", "2025-10-12T08:00:00Z") or RFC 822 (feeds).

    The date is the one written, in the document's own time zone: no conversion to UTC, which
    would move an evening article to the next day and shift its "on Thursday".
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not an ISO 8601 or RFC 822 date: {text[:40]!r}") from None


def looks_like_html(text: str) -> bool:
    """True when `text` is HTML markup rather than prose (which may mention a tag or two)."""
    head = text[:20_000]
    if _HTML_START.match(head):
        return True
    tags = _HTML_TAG.findall(head)
    if len(tags) < 2:
        return False
    stripped = head.lstrip()
    return stripped.startswith("<") or len(tags) >= 5


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes are an RSS/Atom/RDF document."""
    return bool(_FEED_ROOT.search(head[:4096])) and (
        bool(_XML_DECL.match(head)) or head.lstrip()[:1] == b"<"
    )


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


class PrefixedStream(io.RawIOBase):
    """A read-only stream: `head`, then the rest of `stream` (to re-read a line already taken)."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)
