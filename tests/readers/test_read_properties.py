"""Property tests: whatever the bytes, readers yield documents or rejections and never raise."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.models import RawDocument, Rejected
from sitrep.readers import decode_bytes, read_paths, read_stream
from sitrep.readers.encoding import NotText

SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".rss", ".xml", ".dat", ""]
# Bytes that look like the formats' beginnings, so the parsers get past their first check.
PREFIXES = [b"", b"<html><body><p>", b'{"id": "a", "text": "', b"WARC/1.0\r\n", b"\x1f\x8b\x08",
            b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>", b"\xff\xfe"]  # fmt: skip

NO_SURROGATES = st.characters(blacklist_categories=("Cs",))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=600),
    suffix=st.sampled_from(SUFFIXES),
)
def test_any_file_yields_only_documents_or_rejections(
    prefix: bytes, body: bytes, suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(prefix + body)
        items = list(read_paths([path], max_bytes=400))
    assert items, "every input is accounted for"  # at least one document or one rejection
    for item in items:
        assert isinstance(item, RawDocument | Rejected)
        if isinstance(item, Rejected):
            assert item.reason and item.origin.startswith(str(path))
        else:
            assert item.text.strip() and item.id


@FAST
@given(st.lists(st.one_of(st.text(NO_SURROGATES, max_size=80), st.builds(json.dumps, st.dictionaries(
    st.sampled_from(["id", "text", "title", "published", "url", "source", "x"]),
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
))), max_size=12))  # fmt: skip
def test_every_nonblank_jsonl_line_gives_exactly_one_item(lines: list[str]) -> None:
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    data = "\n".join(lines).encode("utf-8")
    items = list(read_stream(io.BytesIO(b"{}\n" + data)))
    expected = 1 + sum(1 for line in lines if line.strip())  # "{}" itself is rejected
    assert len(items) == expected
    for item in items:
        assert isinstance(item, RawDocument | Rejected)


@FAST
@given(st.text(min_size=1, max_size=300), st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_decoding_unicode_encodings_round_trips(text: str, encoding: str) -> None:
    try:
        decoded = decode_bytes(text.encode(encoding, "surrogatepass"))
    except NotText:
        return  # text made mostly of control characters is refused as binary: allowed
    assert decoded == text
