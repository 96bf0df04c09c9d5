"""`clean` on HTML: a realistic page around seed-002, and markup that is broken on purpose."""

from __future__ import annotations

import html
from datetime import date

import pytest

from sitrep.clean import CleanError, clean
from sitrep.models import RawDocument


def news_page(record: dict, *, with_date: bool = True) -> str:
    parts = record["text"].split("\n\n")
    body = parts[1:] if len(parts) > 1 else parts  # seed-002 opens with its headline
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    meta = '<meta property="article:published_time" content="2025-10-12T08:00:00+05:30">'
    return f"""<!DOCTYPE html><html><head>
<title>{html.escape(record["title"])} - Aaj Tak</title>
<meta property="og:title" content="{html.escape(record["title"])}">
{meta if with_date else ""}<script>var tracking = "Advertisement";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sports">Sports</a></nav>
<main><article><h1>{html.escape(record["title"])}</h1>{paragraphs}
<div class="share">Share on Facebook</div></article></main>
<aside><h3>Trending Now</h3><ul><li><a href="/x">Cricket star retires</a></li></ul></aside>
<footer>Copyright 2025 Example Media. All rights reserved.</footer></body></html>"""


def test_news_page_body_title_and_date(seed_records: dict[str, dict]) -> None:
    record = seed_records["seed-002"]
    article = clean(RawDocument(id="p", text=news_page(record), is_html=True))
    assert article.title == record["title"]
    assert article.text.startswith(record["title"] + "\n\nAfghanistan reports killing")
    assert article.text.count(record["title"]) == 1
    assert article.published == date(2025, 10, 12)
    for sentence in (
        "resulted in 58 Pakistani soldiers dead and 30 wounded.",
        "Should the adversary repeat such actions, our forces will respond robustly.",
        "Tensions escalated between Afghanistan and Pakistan on Saturday night.",
    ):
        assert sentence in article.text
    for debris in ("Home", "Cricket star", "Copyright", "tracking", "Read Also", "Source: aajtak",
                   "(Photo - ITG)", "You might also like", "Share on Facebook"):  # fmt: skip
        assert debris not in article.text, debris
    assert "\n\nIndian Former Diplomat Comments on PAK-Afghan Tensions\n\n" in article.text


def test_documents_own_metadata_wins_over_the_page(seed_records: dict[str, dict]) -> None:
    raw = RawDocument(
        id="p",
        text=news_page(seed_records["seed-002"]),
        is_html=True,
        title="Editor's headline",
        published=date(2025, 10, 13),
    )
    article = clean(raw)
    assert article.title == "Editor's headline"
    assert article.published == date(2025, 10, 13)
    assert article.text.startswith("Editor's headline\n\n")


def test_dates_mentioned_in_the_text_are_not_taken_for_the_publication_date(
    seed_records: dict[str, dict],
) -> None:
    page = news_page(seed_records["seed-000"], with_date=False)
    assert "October 10" in page
    assert clean(RawDocument(id="p", text=page, is_html=True)).published is None


def test_br_breaks_inside_a_paragraph_are_rejoined() -> None:
    markup = (
        "<p>The strike on the market killed 12 people in<br>Kabul on Wednesday, police said.</p>"
    )
    article = clean(RawDocument(id="f", text=markup, is_html=True))
    assert (
        article.text
        == "The strike on the market killed 12 people in Kabul on Wednesday, police said."
    )


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><p>Twelve people were killed in Kabul on Wednes",  # truncated
        "<html><body>" + "<div>" * 5000 + "<p>Twelve people were killed in Kabul.</p>",  # deep
        "<html><body><p>Twelve people <b>were killed</i> in Kabul.</td></body></html></p>",
        "<p>Twelve people were killed in Kabul.</p><<<>>><!-- unterminated comment",
        "<html><body><table><tr><td>Twelve people were killed in Kabul.",
    ],
)
def test_malformed_html_does_not_crash_and_keeps_the_text(markup: str) -> None:
    article = clean(RawDocument(id="m", text=markup, is_html=True))
    assert "Twelve people" in article.text and "Kabul" in article.text


@pytest.mark.parametrize(
    "markup", ["<html><body><script>var x = 1;</script></body></html>", "<html></html>", "<>"]
)
def test_html_without_text_raises_clean_error(markup: str) -> None:
    with pytest.raises(CleanError):
        clean(RawDocument(id="e", text=markup, is_html=True))
