"""Properties of the parsers that are easy to get wrong, beyond tests/extract and
tests/readers: past-tense dates never after publication, stated dates read exactly, counts
whose spans quote the text, place spans that read back, and readers that lose no good
document to a broken neighbour in the same file."""

from __future__ import annotations

import io
import json
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.extract.dates import resolve_date
from sitrep.extract.geo import Gazetteer
from sitrep.extract.numbers import find_counts, parse_count
from sitrep.models import DatePrecision, RawDocument, Rejected
from sitrep.readers import read_paths, read_stream

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
UNITS = {"day": 1, "week": 7}
WORDS = ["two", "three", "ten", "2", "5", "14"]
WORD_VALUE = {"two": 2, "three": 3, "ten": 10, "2": 2, "5": 5, "14": 14}
PAST = ["yesterday", "last night", "on Monday", "last Friday", "earlier this week", "last week",
        "last month", "earlier this month", "this morning", "on Saturday night", "overnight",
        "in January", "on 3 March", "in late May", "two weeks ago", "a day earlier"]  # fmt: skip


@given(DAYS, st.sampled_from(PAST))
def test_past_tense_dates_are_never_after_publication(published: date, phrase: str) -> None:
    found = resolve_date(phrase, published)
    if found is not None:
        assert found[0] <= published, (phrase, published, found)


@given(DAYS, st.sampled_from(WORDS), st.sampled_from(sorted(UNITS)))
def test_n_units_ago_counts_back_from_publication(published: date, n: str, unit: str) -> None:
    plural = unit if n in ("1", "one") else unit + "s"
    found = resolve_date(f"{n} {plural} ago", published)
    assert found is not None
    back = (published - found[0]).days
    if unit == "day":
        assert back == WORD_VALUE[n]
    else:  # a week is represented by a day in it
        assert 7 * WORD_VALUE[n] - 6 <= back <= 7 * WORD_VALUE[n] + 6


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.data())
def test_a_stated_date_is_read_exactly(day: date, data: st.DataObject) -> None:
    published = day + timedelta(days=data.draw(st.integers(0, 400)))
    month = day.strftime("%B")
    phrase = data.draw(
        st.sampled_from(
            [
                f"{day.day} {month} {day.year}",
                f"{month} {day.day}, {day.year}",
                f"on {day.day} {month} {day.year}",
                day.isoformat(),
            ]  # fmt: skip
        )
    )
    assert resolve_date(phrase, published) == (day, DatePrecision.DAY)
    assert resolve_date(phrase, None) == (day, DatePrecision.DAY)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["at least", "more than", "some", "nearly", "up to", "killed",
                                 "12", "1,200", "dozens", "two", "hundred", "and", "of", "2020",
                                 "9mm", "-", "to", "the", "said", "people", "%", "$"]),
                max_size=16))  # fmt: skip
def test_found_counts_quote_the_text_and_parse_alike(words: list[str]) -> None:
    text = " ".join(words)
    last_end = 0
    for start, end, count in find_counts(text):
        assert 0 <= last_end <= start < end <= len(text), "in order, not overlapping"
        last_end = end
        assert count.low is None or count.low >= 0
        if count.low is not None and count.high is not None:
            assert count.low <= count.high
        again = parse_count(text[start:end])
        assert again is None or again == count or again.approx == count.approx


@given(st.integers(min_value=0, max_value=10**15))
def test_any_written_integer_reads_back(n: int) -> None:
    assert parse_count(f"{n:,}") == parse_count(str(n))
    found = parse_count(str(n))
    assert found is not None and found.low == n and found.high == n


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(["Durand Line", "Torkham border", "Line of Control", "LoC", "Kabul",
                         "the", "clashes", "along", "near", "crossing", ",", "Chaman", "\n"]),
        max_size=12,
    )
)  # fmt: skip
def test_border_spans_read_back(gaz: Gazetteer, words: list[str]) -> None:
    text = " ".join(words)
    last_end = 0
    for start, end, place in gaz.find_in_text(text):
        assert last_end <= start < end <= len(text)
        last_end = end
        assert text[start:end].strip() == text[start:end]
        assert place.kind in ("border", "crossing") and place.name


# --- readers: a broken neighbour never costs a good document -------------------------------

GOOD = {"id": "good", "text": "Gunmen killed 3 people in Kabul on Monday, police said."}


def _ids(items: list[RawDocument | Rejected]) -> list[str]:
    assert all(isinstance(i, RawDocument | Rejected) for i in items)
    return [i.id for i in items if isinstance(i, RawDocument)]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=60).filter(lambda b: b"\n" not in b and b"\r" not in b),
            st.builds(
                lambda d: json.dumps(d).encode(),
                st.dictionaries(st.sampled_from(["id", "text", "published", "x"]), JSON_VALUES),
            ),
        ),
        max_size=6,
    ),
    st.integers(0, 6),
)
def test_jsonl_keeps_the_good_line_among_broken_ones(bad: list[bytes], at: int) -> None:
    assume(all(b'"good"' not in line for line in bad))
    lines = list(bad)
    lines.insert(min(at, len(lines)), json.dumps(GOOD).encode())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        items = list(read_paths([path]))
    assert "good" in _ids(items)


def _warc(url: str, body: bytes) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                        http_headers=headers))  # fmt: skip
    return buf.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 400), st.binary(max_size=40))
def test_warc_keeps_the_good_record_before_a_cut_one(junk: bytes, cut: int, tail: bytes) -> None:
    """A download cut mid-record, with whatever bytes after it, costs only that record."""
    good = _warc("http://example.org/good", f"<p>{GOOD['text']}</p>".encode())
    broken = _warc("http://example.org/cut", b"<p>" + junk + b"</p>")[:cut]
    data = good + broken + tail
    items = list(read_stream(io.BytesIO(data), "x.warc"))
    texts = [i.text for i in items if isinstance(i, RawDocument)]
    assert any(GOOD["text"] in t for t in texts), items


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 400))
def test_warc_keeps_the_good_record_after_a_cut_one(junk: bytes, cut: int) -> None:
    """A record cut short right before a good one does not hide it: the cut record's
    Content-Length runs into the good one, and the reader resynchronises on its version line."""
    assume(b"WARC/1." not in junk)
    good = _warc("http://example.org/good", f"<p>{GOOD['text']}</p>".encode())
    broken = _warc("http://example.org/cut", b"<p>" + junk + b"</p>")
    data = broken[: min(cut, len(broken) - 1)] + good
    items = list(read_stream(io.BytesIO(data), "x.warc"))
    texts = [i.text for i in items if isinstance(i, RawDocument)]
    assert any(GOOD["text"] in t for t in texts), items
