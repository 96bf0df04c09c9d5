"""JSON Lines (FORMAT.md §1): the seeds, and every way a line can be wrong."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.models import RawDocument, Rejected
from sitrep.readers import read_paths, read_stream


def test_seeds_jsonl_reads_every_field(corpus: Path, seed_records: dict[str, dict]) -> None:
    docs = list(read_paths([corpus / "seeds.jsonl"], published=date(2000, 1, 1)))
    assert [d.id for d in docs] == ["seed-000", "seed-002"]
    for doc, line in zip(docs, (1, 2), strict=True):
        rec = seed_records[doc.id]
        assert isinstance(doc, RawDocument)
        assert doc.text == rec["text"]
        assert doc.title == rec["title"]
        assert doc.source == rec["source"]
        assert doc.url is None
        assert doc.published == date.fromisoformat(rec["published"])  # own date beats argument
        assert doc.origin == f"{corpus / 'seeds.jsonl'}:{line}"
        assert not doc.is_html


def _line(**fields) -> str:
    return json.dumps(fields)


BAD_LINES = [
    ('{"id": "x", "text": "unterminated', "malformed JSON"),
    ("[1, 2, 3]", "not a JSON object but an array"),
    ('"just a string"', "not a JSON object but a string"),
    ("42", "not a JSON object but a number"),
    ('{"text": "no id here"}', "missing required field(s): id"),
    ('{"id": "a"}', "missing required field(s): text"),
    ("{}", "missing required field(s): id, text"),
    ('{"id": ["a"], "text": "t"}', "'id' must be a string or an integer, not an array"),
    ('{"id": true, "text": "t"}', "'id' must be a string or an integer, not a boolean"),
    ('{"id": 1.5, "text": "t"}', "'id' must be a string or an integer, not a number"),
    ('{"id": "a", "text": 12}', "'text' must be a string, not a number"),
    ('{"id": "a", "text": "   "}', "empty"),
    ('{"id": "a", "text": "t", "title": 5}', "'title' must be a string or null, not a number"),
    ('{"id": "a", "text": "t", "published": 20251012}', "'published' must be an ISO date"),
    ('{"id": "a", "text": "t", "published": "last Tuesday"}', "'published': not an ISO 8601"),
    ('{"id": "a", "text": "t", "published": "2025-13-45"}', "'published': not an ISO 8601"),
    ('{"id": ' + "9" * 5000 + ', "text": "t"}', "malformed JSON"),
    ("[" * 100_000 + "]" * 100_000, "malformed JSON"),
    ('{"id": "", "text": "t"}', "'id' is empty"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_LINES)
def test_bad_line_is_rejected_with_line_number_and_the_rest_is_read(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = tmp_path / "docs.jsonl"
    good = _line(id="ok-1", text="Twelve people were killed in Kabul.")
    after = _line(id="ok-2", text="Five were wounded.", published="2025-10-12")
    path.write_text("\n".join([good, line, after]) + "\n", encoding="utf-8")
    first, bad, last = read_paths([path])
    assert isinstance(first, RawDocument) and first.id == "ok-1"
    assert isinstance(bad, Rejected)
    assert bad.origin == f"{path}:2"
    assert bad.reason.startswith(reason), bad.reason
    assert isinstance(last, RawDocument) and last.id == "ok-2"
    assert last.published == date(2025, 10, 12)


def test_rejected_line_keeps_its_id_when_it_has_one(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(_line(id="seed-9", text=7) + "\n")
    (bad,) = read_paths([path])
    assert isinstance(bad, Rejected) and bad.doc_id == "seed-9"


def test_huge_float_and_integer_ids_are_handled(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": 12, "text": "t", "score": 1e999}\n{"id": 1e400, "text": "t"}\n')
    ok, bad = read_paths([path])
    assert isinstance(ok, RawDocument) and ok.id == "12"
    assert isinstance(bad, Rejected) and "'id'" in bad.reason


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n" + _line(id="a", text="t") + "\n\n   \n" + '{"id": 1' + "\n")
    ok, bad = read_paths([path])
    assert ok.origin.endswith(":2") and bad.origin.endswith(":5")


def test_oversized_line_is_rejected_without_stopping(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    big = _line(id="big", text="x" * 5000)
    path.write_text("\n".join([_line(id="a", text="t"), big, _line(id="b", text="t")]) + "\n")
    first, bad, last = read_paths([path], max_bytes=1000)
    assert isinstance(bad, Rejected) and bad.origin == f"{path}:2"
    assert bad.reason == f"line too large: {len(big) + 1} bytes > cap 1000 bytes"
    assert (first.id, last.id) == ("a", "b")


def test_jsonl_is_not_rejected_for_its_total_size(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(_line(id=str(i), text="Kabul " * 20) + "\n" for i in range(50)))
    items = list(read_paths([path], max_bytes=500))
    assert len(items) == 50 and all(isinstance(i, RawDocument) for i in items)


def test_html_text_is_marked_html(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(_line(id="h", text="<html><body><p>Twelve killed.</p></body></html>") + "\n")
    (doc,) = read_paths([path])
    assert doc.is_html


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encoded_jsonl(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [_line(id="a", text="Café strike"), _line(id="b", text="Naïve")]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    docs = list(read_paths([path]))
    assert [(d.id, d.text) for d in docs] == [("a", "Café strike"), ("b", "Naïve")]


def test_latin1_line_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes('{"id": "a", "text": "Kabul café"}\n'.encode("latin-1"))
    (doc,) = read_paths([path])
    assert doc.text == "Kabul café"


def test_json_file_with_an_array_of_documents(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"id": "a", "text": "t"}, {"id": "b"}]))
    ok, bad = read_paths([path])
    assert ok.id == "a"
    assert isinstance(bad, Rejected) and bad.origin == f"{path}#item-2"


def test_json_lines_on_a_stream(seed_records: dict[str, dict]) -> None:
    data = "".join(json.dumps(r) + "\n" for r in seed_records.values()).encode()
    docs = list(read_stream(io.BytesIO(data), published=date(2000, 1, 1)))
    assert [d.id for d in docs] == list(seed_records)
    assert [d.origin for d in docs] == ["<stdin>:1", "<stdin>:2"]
