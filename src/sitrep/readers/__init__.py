"""Readers: files, directories and streams to `RawDocument`, or `Rejected` with the reason.

One module per format (text, html, jsonl, warc, feed); `read_paths` dispatches by file type.
No reader raises for one bad document, and none touches the network.
"""

from sitrep.readers.encoding import NotText, decode_bytes
from sitrep.readers.feed import read_feed_bytes
from sitrep.readers.jsonl import read_jsonl_stream, record_to_document
from sitrep.readers.paths import read_paths, read_stream
from sitrep.readers.text import headline_of, looks_like_headline
from sitrep.readers.warc import read_warc_stream

__all__ = [
    "NotText",
    "decode_bytes",
    "headline_of",
    "looks_like_headline",
    "read_feed_bytes",
    "read_jsonl_stream",
    "read_paths",
    "read_stream",
    "read_warc_stream",
    "record_to_document",
]
