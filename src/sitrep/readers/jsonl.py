"""JSON Lines in the shape of FORMAT.md §1, streamed line by line.

A line that is not a usable document becomes a `Rejected` with "path:line" and the reason; the
rest of the file is still read. Lines longer than `max_bytes` are skipped without being held in
memory.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from sitrep.models import RawDocument, Rejected
from sitrep.readers.common import PrefixedStream, looks_like_html, parse_date
from sitrep.readers.encoding import NotText, decode_bytes

REQUIRED = ("id", "text")
_OPTIONAL_STRINGS = ("source", "title", "url")
_CHUNK = 1 << 16
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BadRecord(ValueError):
    """A JSON line that parses but breaks the §1 contract (or does not parse)."""

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.doc_id = doc_id


def read_jsonl_stream(
    stream: IO[bytes],
    origin: str,
    *,
    published: date | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[RawDocument | Rejected]:
    """Documents from a binary stream of JSON Lines; `origin` names it in "origin:line".

    JSON Lines is UTF-8; a file that starts with a UTF-16/32 byte-order mark is read in that
    encoding, and a single line in a legacy 8-bit encoding is decoded by detection.
    """
    produced = False
    for lineno, line in enumerate(_lines(stream, max_bytes), start=1):
        item = _line_item(line, f"{origin}:{lineno}", published, max_bytes)
        if item is not None:
            produced = True
            yield item
    if not produced:
        yield Rejected(origin=origin, reason="empty")


def _line_item(
    line: bytes | str | int, where: str, published: date | None, max_bytes: int
) -> RawDocument | Rejected | None:
    """One line's document or rejection; None for a blank line."""
    if isinstance(line, int):
        return Rejected(
            origin=where, reason=f"line too large: {line} bytes > cap {max_bytes} bytes"
        )
    if isinstance(line, bytes):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = decode_bytes(line)
            except NotText as exc:
                return Rejected(origin=where, reason=f"not text: {exc.reason}")
    else:
        text = line
    if not text.strip():
        return None
    try:
        return record_to_document(_loads(text), origin=where, published=published)
    except BadRecord as exc:
        return Rejected(origin=where, reason=exc.reason, doc_id=exc.doc_id)


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | str | int]:
    """Lines as bytes (UTF-8 files) or str (UTF-16/32 files); an int is an oversized line's size."""
    first = stream.readline(max_bytes + 1)
    for bom, encoding in _WIDE_BOMS:
        if first.startswith(bom):
            wrapped = io.TextIOWrapper(
                PrefixedStream(first[len(bom) :], stream), encoding=encoding, errors="replace"
            )
            while line := wrapped.readline(max_bytes + 1):
                if len(line) > max_bytes and not line.endswith("\n"):
                    size = len(line)
                    while (more := wrapped.readline(_CHUNK)) and not more.endswith("\n"):
                        size += len(more)
                    yield size + len(more)
                else:
                    yield line
            return
    line = first.removeprefix(codecs.BOM_UTF8)
    while line:
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield len(line) + _skip_rest_of_line(stream)
        else:
            yield line
        line = stream.readline(max_bytes + 1)


def _valid_unicode(value: str) -> str:
    """JSON may escape lone surrogates ("\\ud800"), which no UTF-8 writer accepts: pair what
    pairs, replace the rest with U+FFFD, so one odd line cannot stop a run downstream."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def record_to_document(
    record: Any, *, origin: str, published: date | None = None
) -> RawDocument | Rejected:
    """One parsed JSON value as a RawDocument, checking the §1 contract; raises BadRecord."""
    if not isinstance(record, dict):
        raise BadRecord(f"not a JSON object but {_json_type(record)}")
    record = {k: _valid_unicode(v) if isinstance(v, str) else v for k, v in record.items()}
    missing = [key for key in REQUIRED if record.get(key) is None]
    if missing:
        raise BadRecord(f"missing required field(s): {', '.join(missing)}", _lenient_id(record))
    doc_id = _doc_id(record["id"])
    text = record["text"]
    if not isinstance(text, str):
        raise BadRecord(f"'text' must be a string, not {_json_type(text)}", doc_id)
    if not text.strip():
        raise BadRecord("empty", doc_id)
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL_STRINGS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadRecord(f"'{key}' must be a string or null, not {_json_type(value)}", doc_id)
        fields[key] = (value.strip() or None) if isinstance(value, str) else None
    own_date = record.get("published")
    if own_date is not None:
        if not isinstance(own_date, str):
            raise BadRecord(
                f"'published' must be an ISO date string, not {_json_type(own_date)}", doc_id
            )
        try:
            published = parse_date(own_date)
        except ValueError as exc:
            raise BadRecord(f"'published': {exc}", doc_id) from None
    return RawDocument(
        id=doc_id,
        text=text,
        source=fields["source"],
        published=published,
        title=fields["title"],
        url=fields["url"],
        is_html=looks_like_html(text),
        origin=origin,
    )


def _doc_id(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadRecord(f"'id' must be a string or an integer, not {_json_type(value)}")
    doc_id = str(value).strip()
    if not doc_id:
        raise BadRecord("'id' is empty")
    if len(doc_id) > 512:
        raise BadRecord(f"'id' is too long ({len(doc_id)} characters > 512)")
    return doc_id


def _lenient_id(record: dict[str, Any]) -> str | None:
    """The id for a Rejected line, when the line has a usable one."""
    try:
        return _doc_id(record.get("id"))
    except BadRecord:
        return None


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"malformed JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise BadRecord("malformed JSON: nested too deeply") from None
    except ValueError as exc:  # integer literals beyond Python's digit limit
        raise BadRecord(f"malformed JSON: {exc}") from None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "an array" if isinstance(value, list) else "an object"
    )


def _skip_rest_of_line(stream: IO[bytes]) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
