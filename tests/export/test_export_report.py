"""The situation report (Markdown and self-contained HTML) from records in memory."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest
from export_records import HOSTILE, articles, documents, fused_events
from markupsafe import escape

from sitrep.export import svg
from sitrep.export.report import (
    MemorySource,
    ReportMarker,
    build_report,
    md_escape,
    read_marker,
    render_html,
    render_markdown,
)

NOW = datetime(2025, 10, 20, 8, 30, tzinfo=UTC)


def fused_source(**kw: object) -> MemorySource:
    return MemorySource(events=fused_events(), articles=articles(), **kw)  # type: ignore[arg-type]


class _Tags(HTMLParser):
    """Every start tag with its attributes, and every <script>/<style> body."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_has_the_claims_with_claimants_and_sources() -> None:
    md = render_markdown(fused_source(), now=NOW)
    assert md.startswith("# Situation report")
    assert "**Period covered:** 2025-10-09 to 2025-10-15" in md
    assert "**Generated:** 2025-10-20 08:30 UTC" in md
    assert "| Fatalities (low – best – high) | 63 – **63** – 98 |" in md
    claim_row = next(line for line in md.splitlines() if line.startswith("| Zabihullah Mujahid"))
    assert "| party | killed | 58 | Pakistani soldiers |" in claim_row
    assert "58 Pakistani soldiers dead and 30 wounded" in claim_row
    ref = re.search(r"\[\^(\d+)\] doc-a", claim_row)
    assert ref is not None
    footnote = next(line for line in md.splitlines() if line.startswith(f"[^{ref.group(1)}]:"))
    assert "doc-a" in footnote and "outlet-doc-a" in footnote
    assert "“Title of doc-a”" in footnote and "<https://example.org/doc-a>" in footnote
    assert "| UNAMA | monitor | killed | 37 | civilians |" in md
    assert "at least 201 (superseded)" in md
    assert "rule: party claims only: lowest is best" in md
    assert "**figure** (Zabihullah Mujahid / ISPR): 58 against 23" in md


def test_markdown_lists_events_by_date_with_timeline_and_places() -> None:
    md = render_markdown(fused_source(), now=NOW)
    days = re.findall(r"^### (\S+)$", md, flags=re.M)
    assert days == ["2025-10-09", "2025-10-11", "2025-10-13", "2025-10-15"]
    assert "## Timeline" in md and "## Map" in md
    assert re.search(r"^2025-10-11 +#+ +1 event\(s\) +23 killed$", md, flags=re.M)
    assert "| Kabul | 34.5281 | 69.1723 | 2 | 37 |" in md
    assert "Not on the map" in md and "Durand Line" in md


def test_markdown_escapes_hostile_text() -> None:
    md = render_markdown(fused_source(), now=NOW)
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    assert md_escape("a | b <i>*x*</i>") == r"a \| b &lt;i&gt;\*x\*&lt;/i&gt;"


# --- HTML -------------------------------------------------------------------------------------


def test_html_escapes_hostile_text_everywhere() -> None:
    html = render_html(fused_source(), now=NOW)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html
    assert str(escape(HOSTILE)) in html  # shown as text, intact
    # no tag the parser sees carries an event handler or a script
    for tag, attrs in _tags(html):
        assert tag not in {"script", "img", "iframe", "object", "embed"}
        assert not any(name.startswith("on") for name in attrs)
    # the hostile article's javascript: URL never becomes a link
    assert "javascript:" not in html


def test_html_is_self_contained() -> None:
    html = render_html(fused_source(), now=NOW)
    for tag, attrs in _tags(html):
        assert tag != "link"
        assert "src" not in attrs
        href = attrs.get("href") or ""
        if tag != "a":
            assert not href, (tag, href)
        elif href.startswith(("http://", "https://")):
            # the only remote addresses are the cited articles, as plain links
            assert href.startswith("https://example.org/doc-")
            assert attrs.get("rel") == "noopener noreferrer nofollow"
        else:
            assert href.startswith("#")
    style = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    assert style and all("url(" not in s and "@import" not in s for s in style)
    assert "default-src 'none'" in html  # the CSP forbids scripts and remote loads


def test_html_shows_figures_timeline_map_ledger_and_sources() -> None:
    html = render_html(fused_source(), now=NOW)
    assert '<section id="key-figures">' in html
    assert "<b>63 – 63 – 98</b>" in html
    timeline = re.search(r'<section id="timeline">.*?</section>', html, flags=re.S)
    assert timeline is not None and "<svg" in timeline.group(0)
    assert timeline.group(0).count("<rect") == 2 * 7  # 7 days, events and fatalities
    assert "2025-10-11: 1 event(s), 23 killed (best)" in timeline.group(0)
    map_section = re.search(r'<section id="map">.*?</section>', html, flags=re.S)
    assert map_section is not None and "<svg" in map_section.group(0)
    assert map_section.group(0).count("<circle") == 2  # Kabul and Spin Boldak
    assert ">Kabul</text>" in map_section.group(0)
    assert "Durand Line" in map_section.group(0)  # listed as not mapped
    assert "<td>Zabihullah Mujahid</td><td>party</td><td>killed</td>" in html
    assert "<q>Mujahid said the operation resulted in 58 Pakistani soldiers" in html
    assert '<li id="src-1" value="1"><code>doc-a</code> — outlet-doc-a' in html
    assert "⚠ contradictions" in html


def test_map_points_sit_where_their_coordinates_say() -> None:
    places = [
        svg.PlaceTally("Kabul", 34.53, 69.17, 2, 37),
        svg.PlaceTally("Spin Boldak", 31.0, 66.4, 1, 3),
    ]
    m = svg.event_map(places)
    kabul, spin = (next(p for p in m.points if p.name == n) for n in ("Kabul", "Spin Boldak"))
    assert kabul.x > spin.x  # further east
    assert kabul.y < spin.y  # further north
    assert kabul.r > spin.r  # more fatalities
    assert all(0 <= p.x <= m.width and 0 <= p.y <= m.height for p in m.points)
    assert any(g.label.endswith("E") for g in m.grid) and any(g.label.endswith("N") for g in m.grid)
    assert not m.has_outlines


def test_map_draws_supplied_country_outlines() -> None:
    square = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Box"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[60, 29], [75, 29], [75, 38], [60, 38], [60, 29]]],
                },
            },
            {  # far away: not drawn
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [[[-80, 0], [-79, 0], [-79, 1]]]},
            },
        ],
    }
    m = svg.event_map([svg.PlaceTally("Kabul", 34.53, 69.17, 1, 0)], outlines=square)
    assert m.has_outlines and len(m.outlines) == 1
    html = render_html(fused_source(), now=NOW, outlines=square)
    assert '<path class="land" d="M' in html


def test_timeline_bins_long_periods_by_week() -> None:
    per_day = {date(2025, 1, 1): (1, 5), date(2025, 6, 30): (2, 0)}
    t = svg.timeline(per_day)
    assert t.unit == "week"
    assert sum(b.events for b in t.bars) == 3 and sum(b.deaths for b in t.bars) == 5


# --- scope, per-document mode, changes --------------------------------------------------------


def test_date_and_country_scope() -> None:
    report = build_report(fused_source(), since=date(2025, 10, 10), until=date(2025, 10, 14))
    ids = [e.event_id for d in report.days for e in d.events]
    assert ids == ["ev-clash", "ev-hostile"]
    assert (report.period_from, report.period_to) == (date(2025, 10, 10), date(2025, 10, 14))
    pakistan = build_report(fused_source(), country="pakistan")
    assert [e.event_id for d in pakistan.days for e in d.events] == ["ev-clash"]
    assert pakistan.n_documents == 2 and pakistan.fatalities_best == 23


def test_max_events_caps_the_listing_not_the_figures() -> None:
    report = build_report(fused_source(), max_events=1)
    assert report.shown == 1 and report.n_events == 4 and report.hidden == 3
    assert report.fatalities_best == 63
    assert "Showing the first 1 of 4 events" in render_markdown(fused_source(), max_events=1)


def test_per_document_mode_when_nothing_is_fused() -> None:
    extractions = [x for _, x in documents()]
    source = MemorySource(articles=articles(), extractions=extractions)
    md = render_markdown(source, now=NOW)
    assert "per-document extractions" in md
    assert "doc-a\\#0" in md and "doc-b\\#0" in md  # the clash, once per document
    assert "| Zabihullah Mujahid | party | killed | 58 |" in md
    assert "| ISPR | party | killed | 23 |" in md
    assert "rule: this document's figures" in md
    report = build_report(source)
    assert report.mode == "documents" and report.n_events == 5 and report.n_documents == 4
    html = render_html(source, now=NOW)
    assert "<script" not in html.lower()


def test_changes_since_a_time_need_ingestion_times() -> None:
    ingested = {
        "doc-a": datetime(2025, 10, 12, tzinfo=UTC),
        "doc-b": datetime(2025, 10, 12, tzinfo=UTC),
        "doc-c": datetime(2025, 10, 17, tzinfo=UTC),
        "doc-x": datetime(2025, 10, 14, tzinfo=UTC),
    }
    since = datetime(2025, 10, 13, tzinfo=UTC)
    report = build_report(fused_source(ingested=ingested), changed_since=since)
    assert report.changes is not None and report.changes.available
    assert [e.event_id for e in report.changes.events] == ["ev-hostile", "ev-strike-15"]
    md = render_markdown(fused_source(ingested=ingested), changed_since=since, now=NOW)
    assert "## What changed since 2025-10-13 00:00 UTC" in md
    assert "2 event(s) new or updated" in md and "(new)" in md
    # without ingestion times, the section says why it is empty
    plain = build_report(fused_source(), changed_since=since)
    assert plain.changes is not None and not plain.changes.available


def test_changes_since_the_previous_report_marker() -> None:
    old = MemorySource(
        events=[e for e in fused_events() if e.event_id == "ev-clash"], articles=articles()
    )
    previous = render_html(old, now=datetime(2025, 10, 13, tzinfo=UTC))
    marker = read_marker(previous)
    assert marker == ReportMarker(datetime(2025, 10, 13, tzinfo=UTC), frozenset({"doc-a", "doc-b"}))
    # no ingestion times: new = documents that report did not cover (doc-c, doc-x)
    report = build_report(fused_source(), changed_since=marker)
    assert report.changes is not None and report.changes.total == 2
    assert [e.event_id for e in report.changes.events] == ["ev-hostile", "ev-strike-15"]
    assert "did not cover" in report.changes.reason


def test_marker_survives_hostile_document_ids() -> None:
    hostile_id = "x --> <script>alert(1)</script> -->"
    _, ex = documents()[2]
    source = MemorySource(extractions=[replace(ex, doc_id=hostile_id)])
    for text in (render_markdown(source, now=NOW), render_html(source, now=NOW)):
        assert "<script" not in text
        assert text.count("-->") == 1  # only the marker's own end
        assert read_marker(text) == ReportMarker(NOW, frozenset({hostile_id}))


@pytest.mark.parametrize("text", ["", "no marker here", "<!-- sitrep-report {bad json} -->"])
def test_read_marker_of_something_else_is_none(text: str) -> None:
    assert read_marker(text) is None
