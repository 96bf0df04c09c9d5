"""WARC archives (.warc, .warc.gz): each HTML (or plain-text) response is a document.

A broken record becomes a `Rejected` and reading resumes at the next record the file contains
(the next gzip member, or the next "WARC/1." header line). Request, metadata and warcinfo
records are not documents and are passed over silently; responses that are not text (images,
scripts) or not successful (HTTP 404, redirects) are `Rejected` with the reason, so the run's
counters account for them.

WARC-Date is when the page was *crawled*, not published; it is not used as a publication date
(a crawl months later would anchor "on Thursday" to the wrong week). clean/ looks for the
page's own date instead; the `published` argument applies when given.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import date
from typing import IO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from sitrep.models import RawDocument, Rejected
from sitrep.readers.common import stable_id
from sitrep.readers.html import html_document
from sitrep.readers.text import document_from_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
#: Stop resynchronising a hopeless file after this many broken records.
MAX_BROKEN = 100
_SCAN_CHUNK = 1 << 20
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_HEADER = b"\nWARC/1."


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
        records = ArchiveIterator(stream)
        try:
            for record in records:
                index += 1
                item = _document(record, index, origin, key, published, max_bytes)
                if item is not None:
                    produced += 1
                    yield item
            if not produced:
                yield Rejected(origin=origin, reason="no documents in WARC file")
            return
        except Exception as exc:  # warcio raises many types for broken input
            index += 1
            broken += 1
            failed_at = records.offset if records.offset is not None else start
            yield Rejected(
                origin=f"{origin}#record-{index}",
                reason=f"broken WARC record at byte {failed_at}: {type(exc).__name__}: "
                f"{str(exc)[:200]}",
            )
            if broken >= MAX_BROKEN:
                yield Rejected(origin=origin, reason=f"gave up after {broken} broken records")
                return
            resume = _next_record_start(stream, max(failed_at, start) + 1)
            if resume is None:
                return
            start = resume


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
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        return Rejected(
            origin=where, reason=f"truncated WARC record ({missing} bytes missing)", doc_id=doc_id
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
    """The offset of the next gzip member or WARC header at or after `position`, if any."""
    stream.seek(position)
    carry = b""
    base = position
    while chunk := stream.read(_SCAN_CHUNK):
        window = carry + chunk
        hits = [i for i in (window.find(_GZIP_MEMBER), window.find(_WARC_HEADER)) if i >= 0]
        if hits:
            i = min(hits)
            offset = base - len(carry) + i
            return offset + 1 if window[i : i + 1] == b"\n" else offset
        carry = window[-8:]
        base += len(chunk)
    return None
