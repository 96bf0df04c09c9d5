"""`read_paths`: files, directories and stdin to documents, dispatched by type.

Size is checked before reading; whole-file formats (text, HTML, feeds, JSON) are read at most
`max_bytes` + 1 bytes; JSON Lines and WARC are streamed and the cap applies per line / record.
Nothing here raises for one bad input: every problem is a `Rejected` with its origin.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from sitrep.models import RawDocument, Rejected
from sitrep.readers.common import (
    PrefixedStream,
    looks_like_feed,
    looks_like_warc,
    path_key,
    stable_id,
)
from sitrep.readers.feed import NotAFeed, parse_feed, read_feed_bytes
from sitrep.readers.html import html_document
from sitrep.readers.jsonl import BadRecord, read_jsonl_stream, record_to_document
from sitrep.readers.text import document_from_bytes
from sitrep.readers.warc import is_warc_head, read_warc_stream

Item = RawDocument | Rejected

TEXT = frozenset({".txt", ".text", ".md"})
HTML = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL = frozenset({".jsonl", ".ndjson", ".jsonlines"})
JSON = frozenset({".json"})
WARC = frozenset({".warc", ".warc.gz"})
FEED = frozenset({".rss", ".atom"})
XML = frozenset({".xml"})
#: Types recognised by name and refused without reading them.
UNSUPPORTED = frozenset(
    {
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ppt", ".pptx",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff", ".ico",
        ".mp3", ".mp4", ".wav", ".avi", ".mov", ".mkv", ".zip", ".tar", ".tgz", ".gz", ".bz2",
        ".xz", ".7z", ".rar", ".exe", ".dll", ".so", ".bin", ".parquet", ".sqlite", ".db",
        ".pickle", ".pkl", ".npy", ".arc", ".arc.gz",
    }
)  # fmt: skip
STDIN = "-"
_SNIFF = 8192


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    published: date | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[RawDocument | Rejected]:
    """Every document under `paths`, in a deterministic order; "-" reads stdin.

    Directories are walked recursively in sorted order, skipping hidden entries; a document's
    own date (JSON `published`, a feed entry's date) wins over `published`, which is the
    fallback for documents that carry none.
    """
    seen_dirs: set[str] = set()
    for path in paths:
        if os.fspath(path) == STDIN:
            yield from read_stream(sys.stdin.buffer, published=published, max_bytes=max_bytes)
        else:
            yield from _read_path(Path(path), published, max_bytes, seen_dirs)


def read_stream(
    stream: IO[bytes],
    origin: str = "<stdin>",
    *,
    published: date | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[RawDocument | Rejected]:
    """Documents from an unnamed binary stream: JSON Lines streamed, anything else sniffed.

    Ids of text, HTML and feed documents come from their content, as there is no path.
    """
    head = stream.read(_SNIFF)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        rejoined = io.BufferedReader(PrefixedStream(head, stream))
        yield from read_jsonl_stream(rejoined, origin, published=published, max_bytes=max_bytes)
        return
    data = head + stream.read(max(0, max_bytes + 1 - len(head))) if head else head
    if len(data) > max_bytes:
        yield Rejected(origin=origin, reason=f"too large: more than the cap of {max_bytes} bytes")
        return
    key = "sha1:" + hashlib.sha1(data).hexdigest()
    if is_warc_head(data):
        yield from read_warc_stream(
            io.BytesIO(data), origin, key=key, published=published, max_bytes=max_bytes
        )
        return
    yield from _whole(data, origin, key, "stdin", "", published)


def _read_path(
    path: Path, published: date | None, max_bytes: int, seen_dirs: set[str]
) -> Iterator[Item]:
    origin = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        reason = "not found" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc}"
        yield Rejected(origin=origin, reason=reason)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_dir(path, published, max_bytes, seen_dirs)
        return
    suffix = _suffix(path)
    if suffix in UNSUPPORTED:
        yield Rejected(origin=origin, reason=f"unsupported file type {suffix}")
        return
    if stat.S_ISREG(info.st_mode) and info.st_size == 0:
        yield Rejected(origin=origin, reason="empty")
        return
    key = path_key(path)
    streamed = suffix in JSONL or suffix in WARC
    if not streamed and stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        yield _too_large(origin, info.st_size, max_bytes)
        return
    try:
        with path.open("rb") as handle:
            if suffix in JSONL:
                yield from read_jsonl_stream(
                    handle, origin, published=published, max_bytes=max_bytes
                )
                return
            if suffix in WARC:
                yield from read_warc_stream(
                    handle, origin, key=key, published=published, max_bytes=max_bytes
                )
                return
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        yield Rejected(origin=origin, reason=f"cannot read: {exc}")
        return
    if len(data) > max_bytes:
        yield _too_large(origin, len(data), max_bytes)
        return
    if not suffix and looks_like_warc(data):
        yield from read_warc_stream(
            io.BytesIO(data), origin, key=key, published=published, max_bytes=max_bytes
        )
        return
    yield from _whole(data, origin, key, path.stem, suffix, published)


def _whole(
    data: bytes, origin: str, key: str, stem: str, suffix: str, published: date | None
) -> Iterator[Item]:
    """A document read whole: dispatch on the suffix, or sniff when it says nothing."""
    doc_id = stable_id(key, stem=stem)
    if suffix in HTML:
        yield html_document(data, origin=origin, doc_id=doc_id, published=published)
    elif suffix in TEXT:
        yield document_from_bytes(data, origin=origin, doc_id=doc_id, published=published)
    elif suffix in JSON:
        yield from _json(data, origin, published)
    elif suffix in FEED or suffix in XML:
        try:
            parsed = parse_feed(data)
        except NotAFeed as exc:
            what = "XML that is not an RSS/Atom feed" if suffix in XML else str(exc)
            yield Rejected(origin=origin, reason=what)
            return
        yield from read_feed_bytes(data, origin, key=key, published=published, parsed=parsed)
    elif looks_like_feed(data[:_SNIFF]) and _is_feed(data):
        yield from read_feed_bytes(data, origin, key=key, published=published)
    else:  # unknown extension: text or HTML, sniffed; binary is refused by the decoder
        yield document_from_bytes(data, origin=origin, doc_id=doc_id, published=published)


def _json(data: bytes, origin: str, published: date | None) -> Iterator[Item]:
    """A .json file: one §1 object, an array of them, or (often, despite the name) JSON Lines."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        yield from read_jsonl_stream(io.BytesIO(data), origin, published=published)
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records, start=1):
        where = f"{origin}#item-{index}" if isinstance(value, list) else origin
        try:
            yield record_to_document(record, origin=where, published=published)
        except BadRecord as exc:
            yield Rejected(origin=where, reason=exc.reason, doc_id=exc.doc_id)


def _read_dir(
    path: Path, published: date | None, max_bytes: int, seen_dirs: set[str]
) -> Iterator[Item]:
    real = os.path.realpath(path)
    if real in seen_dirs:
        return  # a symlink loop, or the same directory named twice
    seen_dirs.add(real)
    try:
        children = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield Rejected(origin=str(path), reason=f"cannot list directory: {exc}")
        return
    for entry in children:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_file = entry.is_file()
            is_dir = entry.is_dir()
        except OSError:
            is_file = is_dir = False
        if is_dir or is_file:
            yield from _read_path(child, published, max_bytes, seen_dirs)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def _too_large(origin: str, size: int, cap: int) -> Rejected:
    return Rejected(origin=origin, reason=f"too large: {size} bytes > cap {cap} bytes")


def _is_feed(data: bytes) -> bool:
    try:
        parse_feed(data)
    except NotAFeed:
        return False
    return True
