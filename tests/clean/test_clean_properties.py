"""Property tests: clean never crashes, and its output keeps the shape Article.text promises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.clean import CleanError, clean
from sitrep.models import RawDocument

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(
    ["Kabul", "Afghanistan", "killed", "12", "the", "of", "between", "said", "Read", "Also:",
     "Photo", "Source:", "(Photo - ITG)", "Advertisement", "Trending", "Now", ",", ".", ":",
     "-", "\u200b", "\u00a0", "“quoted”", "café"]
)  # fmt: skip
LINES = st.lists(WORDS, max_size=12).map(" ".join)
TEXTS = st.lists(st.one_of(LINES, st.just("")), max_size=12).map("\n".join)


def _check_shape(text: str, title: str | None) -> None:
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert "\u200b" not in text and "\u00a0" not in text and "\r" not in text
    assert all(line == line.strip() and "  " not in line for line in text.split("\n"))
    if title:
        assert text.split("\n\n", 1)[0] == title


@FAST
@given(text=TEXTS, title=st.one_of(st.none(), LINES))
def test_clean_returns_a_well_formed_article_or_a_clean_error(text: str, title: str | None) -> None:
    try:
        article = clean(RawDocument(id="p", text=text, title=title))
    except CleanError as exc:
        assert exc.reason
        return
    _check_shape(article.text, article.title)


@FAST
@given(text=st.text(max_size=400), is_html=st.booleans())
def test_any_unicode_text_or_markup_never_crashes(text: str, is_html: bool) -> None:
    try:
        article = clean(RawDocument(id="p", text=text, is_html=is_html))
    except CleanError:
        return
    assert article.text.strip()


@FAST
@given(text=TEXTS)
def test_cleaning_twice_changes_nothing(text: str) -> None:
    try:
        once = clean(RawDocument(id="p", text=text))
    except CleanError:
        return
    twice = clean(RawDocument(id="p", text=once.text, title=once.title))
    assert twice.text == once.text
