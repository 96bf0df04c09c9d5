"""Plain text, dispatch, directories, stdin and bad input through `read_paths`."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from sitrep.models import RawDocument, Rejected
from sitrep.readers import decode_bytes, looks_like_headline, read_paths, read_stream


def read_one(path: Path, **kwargs) -> RawDocument | Rejected:
    items = list(read_paths([path], **kwargs))
    assert len(items) == 1, items
    return items[0]


def test_seed_text_files_are_read_in_sorted_order_with_headline_titles(corpus: Path) -> None:
    docs = list(read_paths([corpus / "seeds"], published=date(2025, 10, 20)))
    assert [Path(d.origin).name for d in docs] == sorted(
        p.name for p in (corpus / "seeds").iterdir()
    )
    first, second = docs
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.title is None  # its first line is a full sentence, not a headline
    assert (
        second.title
        == "Taliban Claims Killing 58 Pakistani Soldiers, Accuses Pakistan of Harboring ISIS"
    )
    assert first.published == second.published == date(2025, 10, 20)  # no own date: the argument
    assert not first.is_html and not second.is_html
    assert "Kabul,\nAfghanistan:" in first.text  # the reader keeps the text raw


def test_ids_are_stable_across_runs_and_distinct_per_file(corpus: Path) -> None:
    ids = [d.id for d in read_paths([corpus / "seeds"])]
    assert ids == [d.id for d in read_paths([corpus / "seeds"])]
    assert len(set(ids)) == 2
    assert ids[0].startswith("000_aed944e63e886094-")


def test_directory_walk_recurses_skips_hidden_and_is_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second file text about Kabul.")
    (tmp_path / "a.txt").write_text("First file text about Kabul.")
    (tmp_path / ".hidden.txt").write_text("Hidden text.")
    (tmp_path / "c.txt").write_text("Third file text about Kabul.")
    origins = [Path(d.origin).relative_to(tmp_path).as_posix() for d in read_paths([tmp_path])]
    assert origins == ["a.txt", "b/z.txt", "c.txt"]


def test_symlink_loop_terminates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text about Kabul.")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [Path(d.origin).name for d in read_paths([tmp_path])] == ["a.txt"]


@pytest.mark.parametrize(
    ("line", "following", "expected"),
    [
        (
            "Taliban Claims Killing 58 Pakistani Soldiers, Accuses Pakistan of Harboring ISIS",
            None,
            True,
        ),
        ("Pakistan says it struck militant hideouts in Kabul", "The army said on Friday...", True),
        ("The strikes took place in Kabul on Wednesday afternoon.", None, False),
        ("The temporary truce aims to end the clashes between", "Afghanistan and Pakistan.", False),
        ("Pakistan says it struck militant hideouts in", "Kabul on Friday.", False),
        ("Strike kills 12 in Kabul", "in the early hours of Friday.", False),
        ("Kabul,", None, False),
        # a headline ends with its source; a broken line with "says" does not
        ("M23 rebels kill 12 civilians in eastern Congo, army says", None, True),
        ("Air strike kills dozens at village ceremony, witnesses say", "BANGKOK (Reuters) -", True),
        ("The minister says", "that the talks will go on.", False),
    ],
)
def test_headline_heuristic(line: str, following: str | None, expected: bool) -> None:
    assert looks_like_headline(line, following) is expected


def test_empty_and_whitespace_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n ")
    items = list(read_paths([tmp_path]))
    assert [(type(i), i.reason) for i in items] == [(Rejected, "empty"), (Rejected, "empty")]


@pytest.mark.parametrize(
    "data",
    [
        b"Kabul\x00\x01\x02\x03 text with NUL bytes\x00\x00 and more \x00 binary",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(1, 32)) * 20,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    ],
)
def test_binary_content_is_rejected(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    item = read_one(path)
    assert isinstance(item, Rejected)
    assert item.reason.startswith("binary")
    assert item.origin == str(path)


SENTENCE = (
    "Kabul, Afghanistan: 37 civilians were killed near the café, officials said. Naïve façade."
)


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "latin-1", "cp1252", "utf-32"]
)
def test_non_utf8_text_decodes_correctly(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    item = read_one(path)
    assert isinstance(item, RawDocument)
    assert item.text == SENTENCE


def test_cp1252_smart_quotes_decode_correctly(tmp_path: Path) -> None:
    text = "“We saw the strike,” a resident said – 12 were killed in Kabul’s west… officials said."
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_one(path).text == text


def test_short_latin1_is_not_mistaken_for_utf16() -> None:
    assert decode_bytes("café".encode("latin-1")) == "café"


def test_oversized_file_is_rejected_with_size_and_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Kabul strike report. " * 100)
    item = read_one(path, max_bytes=1000)
    assert isinstance(item, Rejected)
    assert item.reason == "too large: 2100 bytes > cap 1000 bytes"


def test_oversized_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>x</p>" * 1000)

    def no_open(*args, **kwargs):
        raise AssertionError("opened a file that was already too large")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "open", no_open)
        item = read_one(path, max_bytes=100)
    assert isinstance(item, Rejected) and "too large" in item.reason


def test_unsupported_and_missing_paths_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 whatever")
    (tmp_path / "archive.zip").write_bytes(b"PK\x03\x04")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    assert [(Path(i.origin).name, i.reason) for i in items] == [
        ("archive.zip", "unsupported file type .zip"),
        ("report.pdf", "unsupported file type .pdf"),
        ("missing.txt", "not found"),
    ]


def test_unknown_extension_is_sniffed_as_text_or_html(tmp_path: Path) -> None:
    (tmp_path / "a.article").write_text("Strike kills 12 in Kabul\n\nTwelve people were killed.")
    (tmp_path / "b.page").write_text(
        "<!DOCTYPE html><html><body><p>Twelve killed.</p></body></html>"
    )
    text_doc, html_doc = read_paths([tmp_path])
    assert isinstance(text_doc, RawDocument) and not text_doc.is_html
    assert text_doc.title == "Strike kills 12 in Kabul"
    assert isinstance(html_doc, RawDocument) and html_doc.is_html and html_doc.title is None


def test_prose_mentioning_a_tag_is_not_html(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The site showed a <b> tag in its headline about the Kabul strike.")
    assert read_one(path).is_html is False


def test_stdin_dash_reads_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"Strike kills 12 in Kabul\n\nBody text."))
    monkeypatch.setattr(sys, "stdin", stream)
    (doc,) = read_paths(["-"], published=date(2025, 1, 2))
    assert isinstance(doc, RawDocument)
    assert doc.origin == "<stdin>" and doc.published == date(2025, 1, 2)
    assert doc.title == "Strike kills 12 in Kabul"


def test_stream_ids_come_from_content() -> None:
    def doc_id(data: bytes) -> str:
        (doc,) = read_stream(io.BytesIO(data))
        return doc.id

    assert doc_id(b"Twelve killed in Kabul.") == doc_id(b"Twelve killed in Kabul.")
    assert doc_id(b"Twelve killed in Kabul.") != doc_id(b"Thirteen killed in Kabul.")


def test_stream_over_the_cap_is_rejected_without_reading_it_all() -> None:
    stream = io.BytesIO(b"Kabul strike report. " * 10_000)
    (item,) = read_stream(stream, max_bytes=100)
    assert isinstance(item, Rejected)
    assert item.reason == "too large: more than the cap of 100 bytes"
    assert stream.tell() < 10_000  # stopped reading once past the cap
