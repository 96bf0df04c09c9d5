"""WARC archives (.warc, .warc.gz): each HTML (or plain-text) response is a document.

A broken record becomes a `Rejected` saying what is wrong with it, and reading resumes at the
next record the file contains (the next gzip member, or the next "WARC/1." version line). A
record is broken when warcio cannot parse it, or when its block does not end where its
Content-Length says: a wrong length would otherwise swallow the good records after it.

Request, metadata and warcinfo records are not documents and are passed over silently;
responses that are not text (images, scripts) or not successful (HTTP 404, redirects) are
`Rejected` with the reason, so the run's counters account for them.

WARC-Date is when the page was *crawled*, not published; it is not used as a publication date
(a crawl months later would anchor "on Thursday" to the wrong week). clean/ looks for the
page's own date instead; the `published` argument applies when given.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from datetime import date
from typing import IO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from sitrep.models import RawDocument, Rejected
from sitrep.readers.common import stable_id
from sitrep.readers.html import html_document
from sitrep.readers.text import document_from_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
#: Stop resynchronising a hopeless file after this many broken records.
MAX_BROKEN = 100
_SCAN_CHUNK = 1 << 20
_HEAD_LIMIT = 1 << 16
_GZIP_MEMBER = b"\x1f\x8b\x08"
_RECORD_START = re.compile(rb"\x1f\x8b\x08|WARC/1\.[0-9]\r?\n")


def read_warc_stream(
    stream: IO[bytes],
    origin: str,
    *,
    key: str,
    published: date | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[RawDocument | Rejected]:
    """Documents from a seekable binary WARC stream; `key` seeds ids of records without an id."""
    index = 0
    broken = 0
    produced = 0
    start = stream.tell()
    head = stream.read(4096)
    if not head.strip():
        yield Rejected(origin=origin, reason="empty")
        return
    if not is_warc_head(head):
        yield Rejected(origin=origin, reason="not a WARC file (no WARC/1.x header at the start)")
        return
    while True:
        stream.seek(start)
        records = _Records(stream)
        current: int | None = None  # offset of the record in hand; None between records
        try:
            for record in records:
                index += 1
                current = records.offset
                item = _document(record, index, origin, key, published, max_bytes)
                misframed = _misframed(records, record)
                if misframed is not None:
                    raise _Misframed(misframed)
                current = None
                if item is not None:
                    produced += 1
                    yield item
            if not produced:
                yield Rejected(origin=origin, reason="no documents in WARC file")
            return
        except Exception as exc:  # warcio raises many types for broken input
            if current is None:  # the next record's header failed to parse
                index += 1
                current = records.offset if records.offset is not None else start
            failed_at = max(current, start)
            broken += 1
            yield Rejected(
                origin=f"{origin}#record-{index}",
                reason=f"broken WARC record at byte {failed_at}: {_why(exc, stream, failed_at)}",
            )
            if broken >= MAX_BROKEN:
                yield Rejected(origin=origin, reason=f"gave up after {broken} broken records")
                return
            resume = _next_record_start(stream, failed_at + 1)
            if resume is None:
                return
            start = resume


class _Records(ArchiveIterator):
    """warcio's iterator without its stderr warning on a wrong Content-Length: the reader
    reports that record itself (`_misframed`)."""

    INC_RECORD = ""


class _Misframed(Exception):
    """A record whose block does not end where its Content-Length says."""


def _misframed(records: _Records, record: ArcWarcRecord) -> str | None:
    """Why `record` does not end where its Content-Length says (None when it does).

    A block is followed by two CRLFs, then the next record's version line or the end of the
    file; a block that ends inside a line, or a stray line after one that is not closed by the
    two CRLFs, means the length is wrong (and may have swallowed the next record's header).
    Reads to the end of the record, so call it once its content has been read."""
    if record.format == "warc":
        length = record.rec_headers.get_header("Content-Length")
        if length is None:
            return "no Content-Length header"
        if not length.strip().isdigit():
            return f"Content-Length {length[:30]!r} is not a number"
        if any("WARC/1." in f"{name}:{value}" for name, value in record.rec_headers.headers):
            return "its header runs into another record's version line (a record cut short)"
    warnings = records.err_count
    records.read_to_end()
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        return f"truncated: {missing} bytes short of its Content-Length"
    after = records.next_line  # the first line after the blank ones (None: end of file)
    blank = records.offset - records.get_record_offset() - records.get_record_length()
    stray = after is not None and not after.startswith(b"WARC/") and blank < len(b"\r\n\r\n")
    if records.err_count > warnings or stray:
        length = record.rec_headers.get_header("Content-Length")
        return f"its block does not end where its Content-Length ({length}) says"
    return None


def _why(exc: Exception, stream: IO[bytes], at: int) -> str:
    """A reader's explanation of a record warcio failed on, not the exception's internals."""
    if isinstance(exc, _Misframed):
        return str(exc)
    if isinstance(exc, zlib.error):
        return "corrupt gzip data"
    problem = _header_problem(_head_at(stream, at))
    if problem is not None:
        return problem
    if isinstance(exc, ArchiveLoadFailed | StatusAndHeadersParserException):
        return f"unreadable record ({str(exc).strip()[:200]})"
    return "unreadable record"


def _head_at(stream: IO[bytes], at: int) -> bytes:
    """The header block of the record at `at` (decompressed from a gzip member), up to the
    first blank line; as much as there is when the record is cut short."""
    stream.seek(at)
    raw = stream.read(_HEAD_LIMIT)
    if raw[:3] == _GZIP_MEMBER:
        try:
            raw = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, _HEAD_LIMIT)
        except zlib.error:
            return b""
    return re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0]


def _header_problem(head: bytes) -> str | None:
    """What a WARC record header lacks that a reader needs (None when nothing obvious)."""
    lines = head.splitlines()
    if not lines or not lines[0].startswith(b"WARC/1."):
        first = lines[0][:60].decode("utf-8", "replace") if lines else ""
        return f"no WARC/1.x version line (found {first!r})"
    fields: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.decode("utf-8", "replace").partition(":")
        if colon:
            fields.setdefault(name.strip().lower(), value.strip())
    length = fields.get("content-length")
    if length is None:
        return "no Content-Length header"
    if not length.isdigit():
        return f"Content-Length {length[:30]!r} is not a number"
    rec_type = fields.get("warc-type")
    if rec_type is None:
        return "no WARC-Type header"
    if rec_type in ("response", "request", "revisit") and not fields.get("warc-target-uri"):
        return f"{rec_type} record without a WARC-Target-URI"
    return None


def _document(
    record: ArcWarcRecord,
    index: int,
    origin: str,
    key: str,
    published: date | None,
    max_bytes: int,
) -> RawDocument | Rejected | None:
    where = f"{origin}#record-{index}"
    if record.format != "warc":
        return Rejected(origin=where, reason=f"not a WARC record ({record.format} format)")
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    doc_id = stable_id(record_id) if record_id else stable_id(key, index, stem="warc")
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return Rejected(origin=where, reason="response without HTTP headers", doc_id=doc_id)
        status = headers.get_statuscode()
        if status != "200":
            return Rejected(origin=where, reason=f"HTTP status {status}", doc_id=doc_id)
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    if mime not in HTML_TYPES + TEXT_TYPES:
        return Rejected(
            origin=where, reason=f"unsupported content type {mime or 'none'}", doc_id=doc_id
        )
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        size = record.rec_headers.get_header("Content-Length") or f"more than {max_bytes}"
        return Rejected(
            origin=where, reason=f"too large: {size} bytes > cap {max_bytes} bytes", doc_id=doc_id
        )
    source = _host(url)
    if mime in HTML_TYPES:
        return html_document(
            body,
            origin=where,
            doc_id=doc_id,
            published=published,
            charset=_charset(params),
            url=url,
            source=source,
        )
    return document_from_bytes(
        body,
        origin=where,
        doc_id=doc_id,
        published=published,
        declared_charset=_charset(params),
        url=url,
        source=source,
    )


def is_warc_head(head: bytes) -> bool:
    """Whether the first bytes of a file (gzip-compressed or not) start a WARC record."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _next_record_start(stream: IO[bytes], position: int) -> int | None:
    """The offset of the next gzip member or WARC version line at or after `position`, if any.

    A version line is looked for anywhere, not only after a newline: a record cut short runs
    straight into the next one's "WARC/1.0"."""
    stream.seek(position)
    carry = b""
    base = position
    while chunk := stream.read(_SCAN_CHUNK):
        window = carry + chunk
        found = _RECORD_START.search(window)
        if found:
            return base - len(carry) + found.start()
        carry = window[-16:]
        base += len(chunk)
    return None
