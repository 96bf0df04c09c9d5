"""`clean` on the real seed articles: broken lines, debris, headline, sentences kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.clean import CleanError, clean
from sitrep.models import RawDocument
from sitrep.readers import read_paths

DEBRIS_LINES = ("Read Also:", "You might also like", "Source: aajtak")


def _doc(corpus: Path, doc_id: str) -> RawDocument:
    (doc,) = (d for d in read_paths([corpus / "seeds.jsonl"]) if d.id == doc_id)
    return doc


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|(?<=[.!?][\"”])\s+", " ".join(text.split())) if s]


def test_seed_000_broken_lines_are_joined(corpus: Path) -> None:
    article = clean(_doc(corpus, "seed-000"))
    assert "between Afghanistan and Pakistan since 2021" in article.text
    assert "Kabul,\nAfghanistan:" not in article.text
    assert "Kabul, Afghanistan: Afghanistan's Taliban government stated on Thursday" in article.text
    assert "the chief spokesperson for Afghanistan's Taliban government" in article.text
    for line in article.text.split("\n"):  # every remaining break ends a sentence or a heading
        assert not line or line[-1] in '.!?"”' or line == article.title


def test_seed_000_headline_is_prepended_as_first_paragraph(
    corpus: Path, seed_records: dict[str, dict]
) -> None:
    article = clean(_doc(corpus, "seed-000"))
    title = seed_records["seed-000"]["title"]
    assert article.title == title
    assert article.text.startswith(title + "\n\nThe Taliban government in Afghanistan accuses")
    assert article.published is not None and article.published.isoformat() == "2025-10-16"
    assert article.source == "Associated Press (syndicated rewrite)"


def test_seed_002_debris_is_dropped_and_every_body_sentence_kept(
    corpus: Path, seed_records: dict[str, dict]
) -> None:
    raw = seed_records["seed-002"]["text"]
    article = clean(_doc(corpus, "seed-002"))
    for debris in (*DEBRIS_LINES, "(Photo - ITG)"):
        assert debris not in article.text
    assert "India's stance on Pak-Afghan Tensions" not in article.text  # the Read Also target
    body_lines = [
        line.replace("(Photo - ITG)", "")
        for line in raw.split("\n")
        if line.strip() and not line.startswith(DEBRIS_LINES)
    ]
    flat = " ".join(article.text.split())
    for line in body_lines:
        for sentence in _sentences(line):
            assert sentence in flat, sentence


def test_seed_002_headline_is_not_duplicated(corpus: Path, seed_records: dict[str, dict]) -> None:
    article = clean(_doc(corpus, "seed-002"))
    title = seed_records["seed-002"]["title"]
    assert article.text.startswith(title + "\n\nAfghanistan reports killing")
    assert article.text.count(title) == 1
    assert "\n\n\n" not in article.text


def test_text_file_and_jsonl_line_of_seed_002_clean_to_the_same_content(corpus: Path) -> None:
    from_jsonl = clean(_doc(corpus, "seed-002"))
    (from_txt,) = (clean(d) for d in read_paths([corpus / "seeds"]) if "002_" in d.origin)
    assert from_txt.title == from_jsonl.title  # the headline found in the first line
    assert from_txt.text == from_jsonl.text
    assert from_txt.content_hash == from_jsonl.content_hash


def test_cleaning_is_deterministic(corpus: Path) -> None:
    docs = list(read_paths([corpus / "seeds.jsonl"]))
    assert [clean(d) for d in docs] == [clean(d) for d in docs]


def test_headline_only_document_is_kept() -> None:
    article = clean(
        RawDocument(id="h", text="Strike kills 12 in Kabul", title="Strike kills 12 in Kabul")
    )
    assert article.text == "Strike kills 12 in Kabul"


@pytest.mark.parametrize(
    "text", ["   \n\n", "Advertisement\n\nRead Also: x\n\n***", "\u200b\u00a0"]
)
def test_nothing_usable_raises_clean_error(text: str) -> None:
    with pytest.raises(CleanError) as info:
        clean(RawDocument(id="d1", text=text))
    assert info.value.doc_id == "d1" and info.value.reason == "no text left after cleaning"


def test_trailing_related_headlines_are_dropped() -> None:
    text = (
        "Twelve people were killed in a strike in Kabul, officials said.\n\n"
        "You might also like\n\nPakistan says 30 militants killed in raid\n"
        "Three dead in Quetta blast"
    )
    article = clean(RawDocument(id="r", text=text))
    assert article.text == "Twelve people were killed in a strike in Kabul, officials said."


def test_related_marker_followed_by_prose_keeps_the_prose() -> None:
    text = "Trending Now\n\nTwelve people were killed in a strike in Kabul, officials said."
    assert clean(RawDocument(id="r", text=text)).text == (
        "Twelve people were killed in a strike in Kabul, officials said."
    )
