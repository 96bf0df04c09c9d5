"""What the API returns: records of `sitrep.models` as JSON objects.

Fused events use the export helpers' FORMAT.md §6 object (`sitrep.export.jsonl`) and add what
a reader of the dashboard needs besides: the place's admin areas, a point to draw on the map
(exact, or approximate for a border or a country), and, for one event, every claim with the
character span of its sentence so the page can highlight it in the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sitrep.export.extraction import casualty_dict, coordinates, event_dict, extraction_dict
from sitrep.export.jsonl import claim_dict, contradiction_dict, fused_event_dict
from sitrep.export.outlines import CountryAtlas
from sitrep.models import Article, DocumentExtraction, Evidence, FusedEvent, LedgerClaim


def span(e: Evidence) -> list[int]:
    return [e.start, e.end]


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def map_point(fused: FusedEvent, atlas: CountryAtlas | None) -> dict[str, Any] | None:
    """Where to draw the event: its place's coordinates when it is located; otherwise, marked
    approximate, the place's own point (e.g. a border's) or the middle of its countries."""
    e = fused.event
    exact = coordinates(e.place)
    if exact is not None:
        return {"latitude": exact[0], "longitude": exact[1], "approximate": False}
    p = e.place
    if p is not None and p.latitude is not None and p.longitude is not None:
        return {"latitude": p.latitude, "longitude": p.longitude, "approximate": True}
    countries = e.countries or (p.countries if p is not None else ()) or ()
    if not countries and p is not None and p.country:
        countries = (p.country,)
    point = atlas.centroid(countries) if atlas is not None else None
    if point is None:
        return None
    return {"latitude": point[0], "longitude": point[1], "approximate": True}


def event_summary(fused: FusedEvent, atlas: CountryAtlas | None) -> dict[str, Any]:
    """The §6 object of a fused event, plus admin areas, the map point and counts."""
    d = fused_event_dict(fused)
    p = fused.event.place
    d["admin1"] = p.admin1 if p is not None else None
    d["admin2"] = p.admin2 if p is not None else None
    d["place_kind"] = p.kind if p is not None else None
    d["geo_precision"] = p.geo_precision if p is not None and coordinates(p) else None
    d["map"] = map_point(fused, atlas)
    d["evidence"] = fused.event.evidence.text
    return d


def _claim_flags(claim: LedgerClaim, fused: FusedEvent) -> list[int]:
    """Indices of the event's contradictions that name this claim's claimant."""
    name = claim.figure.claimant.name
    if not name:
        return []
    folded = name.casefold()
    return [
        i
        for i, c in enumerate(fused.contradictions)
        if any(folded == b.casefold() for b in c.between)
    ]


def ledger_claim(i: int, claim: LedgerClaim, fused: FusedEvent) -> dict[str, Any]:
    d = claim_dict(claim)
    f = claim.figure
    d |= {
        "index": i,
        "victim": f.victim,
        "published": iso(claim.published),
        "evidence_span": span(f.evidence),
        "contradictions": _claim_flags(claim, fused),
    }
    return d


def event_detail(
    fused: FusedEvent,
    atlas: CountryAtlas | None,
    sources: dict[str, Article | None],
    log: Iterable[Any] = (),
) -> dict[str, Any]:
    """One event with its claim ledger, mentions, sources and merge history."""
    d = event_summary(fused, atlas)
    d["claims"] = [ledger_claim(i, c, fused) for i, c in enumerate(fused.claims)]
    d["contradictions"] = [contradiction_dict(c) for c in fused.contradictions]
    d["mentions"] = [
        {
            "doc_id": m.doc_id,
            "index": m.index,
            "published": iso(m.published),
            "date": iso(m.event.date),
            "location": m.event.place.name if m.event.place is not None else None,
            "evidence": m.event.evidence.text,
            "evidence_span": span(m.event.evidence),
        }
        for m in fused.mentions
    ]
    d["sources"] = {
        doc_id: None if a is None else document_meta(a) for doc_id, a in sources.items()
    }
    d["merge_log"] = [
        {
            "doc_id": entry.decision.doc_id,
            "index": entry.decision.index,
            "event_id": entry.decision.event_id,
            "score": entry.decision.score,
            "reason": entry.decision.reason,
            "manual": entry.manual,
            "decided_at": entry.decided_at.isoformat(),
        }
        for entry in log
    ]
    return d


def document_meta(a: Article) -> dict[str, Any]:
    return {
        "doc_id": a.doc_id,
        "title": a.title,
        "source": a.source,
        "published": iso(a.published),
        "url": a.url,
    }


def document_summary(a: Article, x: DocumentExtraction) -> dict[str, Any]:
    return document_meta(a) | {
        "status": "error" if x.error else "ok",
        "error": x.error,
        "events": len(x.events),
        "casualties": len(x.casualties),
    }


def document_detail(a: Article, x: DocumentExtraction) -> dict[str, Any]:
    """A stored article with its text and its extraction (FORMAT.md §2, with evidence spans)."""
    extraction = extraction_dict(x)
    if x.error is None:
        extraction["events"] = [
            event_dict(e) | {"index": i, "evidence_span": span(e.evidence)}
            for i, e in enumerate(x.events)
        ]
        extraction["casualties"] = [
            casualty_dict(c) | {"index": i} for i, c in enumerate(x.casualties)
        ]
    extraction["warnings"] = list(x.warnings)
    return document_summary(a, x) | {"text": a.text, "extraction": extraction}
