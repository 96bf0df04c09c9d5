"""The situation report: Markdown (`render_markdown`) and one self-contained HTML file
(`render_html`), from a store or from records in memory.

    with open_store(url) as store:
        html = render_html(store, since=date(2025, 10, 1), country="Afghanistan")
    md = render_markdown(MemorySource(events=fused, articles=articles))

The source is duck-typed (`ReportSource`): `sitrep.store.Store`, or `MemorySource` over
iterables of `FusedEvent` / `DocumentExtraction` and `Article`. When the source holds no fused
events at all (fusion has not run), the report is built from the per-document extractions.

What changed since the last report: pass `changed_since`, either a datetime or the
`ReportMarker` read (`read_marker`) from a previous report, which every report embeds in an
HTML comment. An event has changed when one of its documents is new: ingested after that time
(when the source can say, through an optional `ingested_since(datetime)` method), else — with
a marker — not among the documents the previous report covered.

Article text is untrusted: both templates escape everything they print (the HTML one with
Jinja2's autoescape; the Markdown one with `md_escape`), the HTML page forbids scripts through
its Content-Security-Policy, and only http(s) URLs become links.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from jinja2 import Environment, PackageLoader, StrictUndefined

from sitrep.export import report_model as rm
from sitrep.export import svg
from sitrep.models import Article, DocumentExtraction, Event, FatalityRange, FusedEvent
from sitrep.store.filters import EventFilter

#: Events kept in full (with claims and sources) in one report; the figures count them all.
MAX_EVENTS = 300


class ReportSource(Protocol):
    """What a report reads; `sitrep.store.Store` is one, `MemorySource` another."""

    def iter_fused(self, filters: EventFilter | None = None) -> Iterator[FusedEvent]: ...

    def count_fused(self, filters: EventFilter | None = None) -> int: ...

    def iter_extractions(
        self, *, order: Any = "ingested", include_errors: bool = True
    ) -> Iterator[tuple[Article, DocumentExtraction]]: ...

    def get_article(self, doc_id: str) -> Article | None: ...


# --- the previous report's marker -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportMarker:
    """When a report was generated and which documents it covered."""

    generated: datetime
    documents: frozenset[str] = frozenset()


_MARKER = re.compile(r"<!-- sitrep-report (\{.*?\}) -->", re.DOTALL)


def marker_text(generated: datetime, documents: Iterable[str]) -> str:
    """The HTML comment a report carries; safe inside HTML and Markdown whatever the ids hold."""
    payload = json.dumps({"generated": generated.isoformat(), "documents": sorted(documents)})
    for char, escape in (("-", "\\u002d"), ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        payload = payload.replace(char, escape)  # these only occur inside JSON strings here
    return f"<!-- sitrep-report {payload} -->"


def read_marker(text: str) -> ReportMarker | None:
    """The marker of a previous report (its Markdown or HTML text), or None if it has none."""
    found = _MARKER.search(text)
    if found is None:
        return None
    try:
        data = json.loads(found.group(1))
        generated = datetime.fromisoformat(data["generated"])
        documents = frozenset(str(d) for d in data.get("documents", []))
    except (ValueError, KeyError, TypeError):
        return None
    if generated.tzinfo is None:
        generated = generated.replace(tzinfo=UTC)
    return ReportMarker(generated, documents)


# --- an in-memory source ----------------------------------------------------------------------


def event_matches(event: Event, f: EventFilter | None) -> bool:
    """`EventFilter`'s meaning, in Python (for records that are not in a store)."""
    if f is None:
        return True
    if (f.date_from is not None or f.date_to is not None) and event.date is None:
        return False
    if f.date_from is not None and event.date is not None and event.date < f.date_from:
        return False
    if f.date_to is not None and event.date is not None and event.date > f.date_to:
        return False
    if f.country is not None and f.country.strip().casefold() not in {
        c.casefold() for c in event.countries
    }:
        return False
    if f.event_type is not None and event.event_type != f.event_type:
        return False
    if f.sub_event_type is not None and event.sub_event_type != f.sub_event_type:
        return False
    actors = [a.casefold() for a in (event.actor1, event.actor2) if a]
    if f.actor is not None and not any(f.actor.strip().casefold() in a for a in actors):
        return False
    if f.text is not None:
        needle = f.text.strip().casefold()
        hay = [event.evidence.text.casefold(), *actors]
        if event.place is not None:
            hay.append(event.place.name.casefold())
        if not any(needle in h for h in hay):
            return False
    return True


class MemorySource:
    """A `ReportSource` over records in memory (fused events, extractions, articles)."""

    def __init__(
        self,
        events: Iterable[FusedEvent] = (),
        articles: Iterable[Article] | Mapping[str, Article] = (),
        extractions: Iterable[DocumentExtraction] = (),
        ingested: Mapping[str, datetime] | None = None,
    ) -> None:
        self._events = sorted(
            events, key=lambda e: (e.event.date is None, e.event.date or date.min, e.event_id)
        )
        items = articles.values() if isinstance(articles, Mapping) else articles
        self._articles = {a.doc_id: a for a in items}
        self._extractions = list(extractions)
        self._ingested = dict(ingested) if ingested is not None else None

    def iter_fused(self, filters: EventFilter | None = None) -> Iterator[FusedEvent]:
        return (e for e in self._events if event_matches(e.event, filters))

    def count_fused(self, filters: EventFilter | None = None) -> int:
        return sum(1 for _ in self.iter_fused(filters))

    def iter_extractions(
        self, *, order: Any = "ingested", include_errors: bool = True
    ) -> Iterator[tuple[Article, DocumentExtraction]]:
        for x in self._extractions:
            if x.error is not None and not include_errors:
                continue
            yield self._articles.get(x.doc_id) or Article(x.doc_id, "", published=x.published), x

    def get_article(self, doc_id: str) -> Article | None:
        return self._articles.get(doc_id)

    def ingested_since(self, since: datetime) -> Iterator[str]:
        if self._ingested is None:
            raise NotImplementedError("no ingestion times were given")
        return (d for d, at in self._ingested.items() if at > since)


# --- building ---------------------------------------------------------------------------------


def _novelty(
    source: ReportSource, changed_since: datetime | ReportMarker | None
) -> tuple[Callable[[str], bool] | None, rm.Changes | None]:
    """A test 'is this document new?' and the (yet empty) changes section, or (None, None)."""
    if changed_since is None:
        return None, None
    marker = changed_since if isinstance(changed_since, ReportMarker) else None
    since = marker.generated if marker else changed_since
    assert isinstance(since, datetime)
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    ingested_since = getattr(source, "ingested_since", None)
    if ingested_since is not None:
        try:
            new = set(ingested_since(since))
        except NotImplementedError:
            pass
        else:
            why = f"events with a document ingested after {since:%Y-%m-%d %H:%M} UTC"
            return new.__contains__, rm.Changes(since, True, why)
    if marker is not None:
        seen = marker.documents
        why = f"events with a document that the report of {since:%Y-%m-%d %H:%M} UTC did not cover"
        return (lambda d: d not in seen), rm.Changes(since, True, why)
    why = "this database does not say when documents were ingested: pass the previous report"
    return None, rm.Changes(since, False, why)


def _fused_views(
    source: ReportSource,
    filters: EventFilter,
    tally: rm.Tally,
    cite: rm.Citations,
    is_new: Callable[[str], bool] | None,
    max_events: int,
) -> tuple[list[rm.EventView], list[rm.EventView], int]:
    shown: list[rm.EventView] = []
    changed: list[rm.EventView] = []
    n_changed = 0
    for fused in source.iter_fused(filters):
        docs = fused.documents
        tally.add(fused.event, fused.fatalities, docs, len(fused.claims), len(fused.contradictions))
        new = is_new is not None and any(is_new(d) for d in docs)
        n_changed += new
        if len(shown) >= max_events and not (new and len(changed) < max_events):
            continue
        rep = next((m.doc_id for m in fused.mentions if m.event == fused.event), None)
        rep = rep or (docs[0] if docs else None)
        view = rm.event_view(
            fused.event_id,
            fused.event,
            fatalities=fused.fatalities,
            evidence_ref=cite.cite(rep) if rep else None,
            refs=[cite.cite(d) for d in docs],
            claims=[
                rm.claim_view(c.figure, c.doc_id, cite.cite(c.doc_id), c.superseded)
                for c in fused.claims
            ],
            contradictions=fused.contradictions,
            is_new=new,
        )
        _keep(view, new, shown, changed, max_events)
    return shown, changed, n_changed


def _keep(
    view: rm.EventView,
    new: bool,
    shown: list[rm.EventView],
    changed: list[rm.EventView],
    max_events: int,
) -> None:
    """List an event in the report, and under "what changed" when it is new (both capped)."""
    if len(shown) < max_events:
        shown.append(view)
    if new and len(changed) < max_events:
        changed.append(view)


def _document_views(
    source: ReportSource,
    filters: EventFilter,
    tally: rm.Tally,
    cite: rm.Citations,
    is_new: Callable[[str], bool] | None,
    max_events: int,
) -> tuple[list[rm.EventView], list[rm.EventView], int]:
    """Per-document mode: every extracted event in scope, each with its document's claims."""
    shown: list[rm.EventView] = []
    changed: list[rm.EventView] = []
    n_changed = 0
    for article, x in source.iter_extractions(order="published", include_errors=False):
        new = is_new is not None and is_new(x.doc_id)
        for i, event in enumerate(x.events):
            if not event_matches(event, filters):
                continue
            figures = [c for c in x.casualties if c.event_index == i]
            tally.add(event, event.fatalities, [x.doc_id], len(figures), 0)
            n_changed += new
            if len(shown) >= max_events and not (new and len(changed) < max_events):
                continue
            ref = cite.cite(x.doc_id, article)
            fatalities = event.fatalities
            if fatalities is not None and not fatalities.rule:
                fatalities = FatalityRange(
                    fatalities.low, fatalities.best, fatalities.high, "this document's figures"
                )
            view = rm.event_view(
                f"{x.doc_id}#{i}",
                event,
                fatalities=fatalities,
                evidence_ref=ref,
                refs=[ref],
                claims=[rm.claim_view(c, x.doc_id, ref, False) for c in figures],
                is_new=new,
            )
            _keep(view, new, shown, changed, max_events)
    return shown, changed, n_changed


def build_report(
    source: ReportSource,
    *,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    changed_since: datetime | ReportMarker | None = None,
    title: str | None = None,
    now: datetime | None = None,
    max_events: int = MAX_EVENTS,
    outlines: Mapping[str, Any] | None = None,
) -> rm.Report:
    """Everything the templates draw, read from `source` in one pass over the events in scope.

    `since` / `until` bound the event dates (inclusive; undated events then drop out),
    `country` keeps the events in that country (a cross-border event is in each of its
    countries). `outlines`: country outlines (GeoJSON) for the map; by default the packaged
    ones when there are any (`svg.load_outlines`).
    """
    generated = now or datetime.now(UTC)
    filters = EventFilter(date_from=since, date_to=until, country=country)
    is_new, changes = _novelty(source, changed_since)
    tally = rm.Tally()
    cite = rm.Citations(source.get_article)
    fused_mode = source.count_fused() > 0
    views = _fused_views if fused_mode else _document_views
    shown, changed, n_changed = views(source, filters, tally, cite, is_new, max_events)
    if changes is not None and changes.available:
        changes = rm.Changes(changes.since, True, changes.reason, tuple(changed), n_changed)
    scope = [f"country: {country}"] if country else []
    if since or until:
        scope.append(f"events dated {since or '…'} to {until or '…'}")
    return rm.Report(
        title=title or "Situation report",
        generated=generated,
        period_from=since or tally.first,
        period_to=until or tally.last,
        scope="; ".join(scope) or "all events",
        mode="fused" if fused_mode else "documents",
        n_events=tally.events,
        n_documents=len(tally.documents),
        n_claims=tally.claims,
        n_contradictions=tally.contradictions,
        fatalities_low=tally.low,
        fatalities_best=tally.best,
        fatalities_high=tally.high,
        unestimated=tally.unestimated,
        days=rm.group_by_day(shown),
        shown=len(shown),
        timeline=svg.timeline(tally.per_day, undated=tally.undated),
        map=svg.event_map(
            tally.places.values(),
            outlines=outlines if outlines is not None else svg.load_outlines(),
            unmapped=tally.unmapped,
        ),
        changes=changes,
        sources=cite.sources(),
        marker=marker_text(generated, tally.documents),
    )


# --- rendering --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_escape(value: object) -> str:
    """Text for Markdown: HTML-special characters as entities (so raw HTML never passes
    through a Markdown renderer), Markdown syntax backslash-escaped, on one line."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _environment(html: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("sitrep.export", "templates"),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env


def render_markdown(source: ReportSource, **options: Any) -> str:
    """The report as Markdown (options: those of `build_report`)."""
    report = build_report(source, **options)
    return _environment(html=False).get_template("report.md.j2").render(r=report)


def render_html(source: ReportSource, **options: Any) -> str:
    """The report as one self-contained HTML page: inline CSS and SVG, no script, no network."""
    report = build_report(source, **options)
    return _environment(html=True).get_template("report.html.j2").render(r=report)
