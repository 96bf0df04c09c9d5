"""The shared record builders (tests/records.py) build what the scenarios rely on."""

from __future__ import annotations

from datetime import date

import pytest

from records import DURAND, KABUL, article, clash, evidence, fused, mention, quote, strike
from sitrep.models import DocumentExtraction

TEXT = "Clashes erupted on the Durand Line. A drone strike hit Kabul on Thursday."


def test_quote_points_into_the_text() -> None:
    sentence = "A drone strike hit Kabul on Thursday."
    e = quote(TEXT, sentence)
    assert TEXT[e.start : e.end] == e.text == sentence
    assert evidence("x", 10) == type(e)(10, 11, "x")
    with pytest.raises(ValueError):
        quote(TEXT, "A sentence the article does not have.")  # a scenario typo fails loudly


def test_article_defaults_follow_the_id_and_yield_to_fields() -> None:
    a = article("doc-a", TEXT)
    assert (a.title, a.source, a.url) == (
        "Title of doc-a",
        "outlet-doc-a",
        "https://example.org/doc-a",
    )
    b = article("doc-b", TEXT, source="dawn", url=None, published=date(2025, 10, 16))
    assert (b.source, b.url, b.published, b.title) == (
        "dawn",
        None,
        date(2025, 10, 16),
        "Title of doc-b",
    )


def test_fused_event_is_represented_by_its_first_mention() -> None:
    a, b = article("doc-a", TEXT), article("doc-b", TEXT, published=None)
    ex_a = DocumentExtraction("doc-a", (clash(quote(TEXT, "Clashes erupted on the Durand Line.")),))
    ex_b = DocumentExtraction(
        "doc-b", (strike(evidence("A drone strike hit Kabul")), ex_a.events[0])
    )
    f = fused("ev", mention(a, ex_a, 0), mention(b, ex_b, 1))
    assert f.event is ex_a.events[0] and f.event.place == DURAND
    assert f.documents == ("doc-a", "doc-b")
    assert [(m.index, m.published) for m in f.mentions] == [(0, a.published), (1, None)]
    assert ex_b.events[0].place == KABUL and f.claims == () and f.fatalities is None
