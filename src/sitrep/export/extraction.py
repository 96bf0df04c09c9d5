"""DocumentExtraction <-> the JSON object of FORMAT.md §2 (one line per document)."""

from __future__ import annotations

from typing import Any

from sitrep.models import CasualtyFigure, DocumentExtraction, Event, FatalityRange, Place


def country_field(countries: tuple[str, ...]) -> str | list[str] | None:
    """FORMAT.md: a country name, or a list of names for a cross-border event."""
    if not countries:
        return None
    return countries[0] if len(countries) == 1 else list(countries)


def fatalities_dict(f: FatalityRange | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {"low": f.low, "best": f.best, "high": f.high}


def is_located(p: Place | None) -> bool:
    """Whether a place's coordinates stand for where the event happened.

    A border or a whole country has a centroid, but an event "on the Durand Line" did not
    happen at it: such places export no coordinates.
    """
    return p is not None and p.kind not in {"border", "country"}


def coordinates(p: Place | None) -> tuple[float, float] | None:
    """(latitude, longitude) of a located place that has both, else None."""
    if p is None or not is_located(p) or p.latitude is None or p.longitude is None:
        return None
    return p.latitude, p.longitude


def event_dict(e: Event) -> dict[str, Any]:
    p = e.place
    located = is_located(p)
    return {
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.date.isoformat() if e.date else None,
        "date_precision": str(e.date_precision) if e.date_precision else None,
        "country": country_field(e.countries),
        "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None,
        "location": p.name if p and p.kind != "country" else None,
        "latitude": p.latitude if p and located else None,
        "longitude": p.longitude if p and located else None,
        "geo_precision": p.geo_precision if p and located else None,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "fatalities": fatalities_dict(e.fatalities),
        "evidence": e.evidence.text,
    }


def casualty_dict(c: CasualtyFigure) -> dict[str, Any]:
    return {
        "status": str(c.status),
        "low": c.count.low,
        "high": c.count.high,
        "approx": c.count.approx,
        "victim": c.victim,
        "victim_kind": str(c.victim_kind),
        "victim_side": c.victim_side,
        "claimant": c.claimant.name,
        "claimant_type": str(c.claimant.type),
        "event_index": c.event_index,
        "evidence": c.evidence.text,
        "evidence_span": [c.evidence.start, c.evidence.end],
    }


def extraction_dict(x: DocumentExtraction) -> dict[str, Any]:
    if x.error is not None:
        return {"doc_id": x.doc_id, "error": x.error}
    return {
        "doc_id": x.doc_id,
        "events": [event_dict(e) for e in x.events],
        "casualties": [casualty_dict(c) for c in x.casualties],
    }
