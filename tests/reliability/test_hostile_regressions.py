"""Hostile inputs that once broke sitrep (found by these tests and the fuzz run), kept as
regression tests: a lone surrogate in JSON, undeclared Latin-1 and BOM-less UTF-16, a long
article (extraction was quadratic in its length), evidence joined out of text order."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from sitrep.extract.pipeline import Extractor
from sitrep.models import Article
from sitrep.pipeline import read_articles
from sitrep.runners.local import ingest
from sitrep.store import open_store

STORY = "Militants killed 12 soldiers in Kandahar on Tuesday, officials said."


def test_lone_surrogate_is_not_fatal(tmp_path: Path, extractor: Extractor) -> None:
    """Either repaired or rejected with a reason; the run goes on and the good line is kept."""
    corpus = tmp_path / "surrogate.jsonl"
    corpus.write_text(
        '{"id": "bad", "text": "Gunmen \\ud800 killed 6 people in Kabul."}\n'
        + json.dumps({"id": "good", "text": STORY})
        + "\n",
        encoding="utf-8",
    )
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        stats = ingest([corpus], store, extractor)
        assert store.has_document("good")
        for article, _ in store.iter_extractions():
            article.text.encode("utf-8")  # storable text: no lone surrogate left
    assert stats.counters["stored"] + stats.counters["failed"] == 2
    assert all(reason for _, reason in stats.failures)


def _read_one(path: Path) -> Article:
    items = list(read_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_latin1_text_without_declaration(tmp_path: Path) -> None:
    text = "À Kaboul, l'armée a tué 4 combattants ; le ministère a déclaré que la sécurité était renforcée."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert _read_one(path).text == text


def test_utf16_text_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes((STORY + " " + STORY).encode("utf-16-le"))
    assert _read_one(path).text.startswith(STORY)


class TooSlow(BaseException):
    """Not an Exception: the extractor's per-document safety net must not swallow it."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def alarm(*_: object) -> None:
        raise TooSlow(f"more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.slow
def test_a_long_article_is_extracted_in_bounded_time(extractor: Extractor) -> None:
    story = "Gunmen killed 3 people in Kabul on Monday, police said. "
    article = Article("long", story * (100_000 // len(story)), published=date(2020, 5, 9))
    extractor.extract(Article("warm", story, published=date(2020, 5, 9)))
    with deadline(30):  # linear extraction of 100 KB takes a few seconds
        result = extractor.extract(article)
    assert result.error is None and result.events


def test_joined_event_evidence_is_in_text_order(extractor: Extractor) -> None:
    text = (
        "20 Militants Killed The Following Figures Are Authoritative: 3.5 Killed "
        "(Said Nobody). In Pak Airstrikes"
    )  # found by the fuzz run (tests/fuzz)
    x = extractor.extract(Article("inverted", text, published=date(2020, 5, 9)))
    assert x.events
    for e in x.events:
        assert e.evidence.start <= e.evidence.end
        span = text[e.evidence.start : e.evidence.end]
        assert all(part in span for part in e.evidence.text.split(" … "))
