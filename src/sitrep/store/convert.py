"""Records of `sitrep.models` to column values and back: the only place that knows both shapes.

Writing gives plain dicts (for bulk INSERTs); reading takes ORM rows. A write followed by a
read is the identity on every record (tested with hypothesis in tests/store/).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

from sitrep.models import (
    Article,
    CasualtyFigure,
    CasualtyStatus,
    Claimant,
    ClaimantType,
    Count,
    DatePrecision,
    DocumentExtraction,
    Event,
    Evidence,
    FatalityRange,
    Place,
    VictimKind,
)
from sitrep.store.schema import ClaimRow, DocEventRow, DocumentRow, FusedEventRow, PlaceRow

Values = dict[str, Any]


# --- places and actors ------------------------------------------------------------------------


def fold_name(name: str) -> str:
    """Case- and accent-insensitive key of a name: 'Kābul' and ' kabul' fold alike."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def place_key(place: Place) -> str:
    """Identity of a place row: a hash of every field, so distinct geocodes stay distinct."""
    fields = [
        place.name,
        place.country,
        place.admin1,
        place.admin2,
        place.latitude,
        place.longitude,
        place.geo_precision,
        place.kind,
        list(place.countries),
    ]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def place_values(place: Place) -> Values:
    return {
        "key": place_key(place),
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "admin1_folded": None if place.admin1 is None else fold_name(place.admin1),
        "admin2": place.admin2,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": place.geo_precision,
        "kind": place.kind,
        "countries": list(place.countries),
    }


def place_from_row(row: PlaceRow) -> Place:
    return Place(
        name=row.name,
        country=row.country,
        admin1=row.admin1,
        admin2=row.admin2,
        latitude=row.latitude,
        longitude=row.longitude,
        geo_precision=row.geo_precision,
        kind=row.kind,
        countries=tuple(row.countries),
    )


# --- events -----------------------------------------------------------------------------------


def fatalities_values(fatalities: FatalityRange | None, prefix: str = "fatalities") -> Values:
    """Four columns; a NULL rule stands for no range at all (a range's rule is never NULL)."""
    if fatalities is None:
        return dict.fromkeys(
            (f"{prefix}_low", f"{prefix}_best", f"{prefix}_high", f"{prefix}_rule")
        )
    return {
        f"{prefix}_low": fatalities.low,
        f"{prefix}_best": fatalities.best,
        f"{prefix}_high": fatalities.high,
        f"{prefix}_rule": fatalities.rule,
    }


def fatalities_from_row(row: object, prefix: str = "fatalities") -> FatalityRange | None:
    rule = getattr(row, f"{prefix}_rule")
    if rule is None:
        return None
    return FatalityRange(
        low=getattr(row, f"{prefix}_low"),
        best=getattr(row, f"{prefix}_best"),
        high=getattr(row, f"{prefix}_high"),
        rule=rule,
    )


def event_values(event: Event) -> Values:
    """The shared event columns (place and actors go in as ids, resolved by the caller)."""
    return {
        "event_type": str(event.event_type),
        "sub_event_type": str(event.sub_event_type),
        "date": event.date,
        "date_precision": None if event.date_precision is None else str(event.date_precision),
        "countries": list(event.countries),
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
    }


def event_from_row(row: DocEventRow | FusedEventRow, fatalities: FatalityRange | None) -> Event:
    return Event(
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        date=row.date,
        date_precision=None if row.date_precision is None else DatePrecision(row.date_precision),
        countries=tuple(row.countries),
        place=None if row.place is None else place_from_row(row.place),
        actor1=None if row.actor1 is None else row.actor1.name,
        actor2=None if row.actor2 is None else row.actor2.name,
        evidence=Evidence(row.evidence_start, row.evidence_end, row.evidence_text),
        fatalities=fatalities,
    )


def doc_event_from_row(row: DocEventRow) -> Event:
    return event_from_row(row, fatalities_from_row(row))


# --- casualty figures -------------------------------------------------------------------------


def figure_values(figure: CasualtyFigure) -> Values:
    return {
        "event_index": figure.event_index,
        "status": str(figure.status),
        "low": figure.count.low,
        "high": figure.count.high,
        "approx": figure.count.approx,
        "victim": figure.victim,
        "victim_kind": str(figure.victim_kind),
        "victim_side": figure.victim_side,
        "claimant": figure.claimant.name,
        "claimant_type": str(figure.claimant.type),
        "evidence_start": figure.evidence.start,
        "evidence_end": figure.evidence.end,
        "evidence_text": figure.evidence.text,
    }


def figure_from_row(row: ClaimRow) -> CasualtyFigure:
    return CasualtyFigure(
        status=CasualtyStatus(row.status),
        count=Count(low=row.low, high=row.high, approx=row.approx),
        victim=row.victim,
        victim_kind=VictimKind(row.victim_kind),
        victim_side=row.victim_side,
        claimant=Claimant(name=row.claimant, type=ClaimantType(row.claimant_type)),
        evidence=Evidence(row.evidence_start, row.evidence_end, row.evidence_text),
        event_index=row.event_index,
    )


# --- documents --------------------------------------------------------------------------------


def document_values(article: Article, extraction: DocumentExtraction) -> Values:
    return {
        "doc_id": article.doc_id,
        "content_hash": article.content_hash,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "text": article.text,
        "anchor_date": extraction.published,
        "status": "error" if extraction.error is not None else "ok",
        "error": extraction.error,
        "warnings": list(extraction.warnings),
    }


def article_from_row(row: DocumentRow) -> Article:
    return Article(
        doc_id=row.doc_id,
        text=row.text,
        title=row.title,
        published=row.published,
        source=row.source,
        url=row.url,
    )


def extraction_from_row(row: DocumentRow) -> DocumentExtraction:
    return DocumentExtraction(
        doc_id=row.doc_id,
        events=tuple(doc_event_from_row(e) for e in row.events),
        casualties=tuple(figure_from_row(c) for c in row.claims),
        published=row.anchor_date,
        error=row.error,
        warnings=tuple(row.warnings),
    )
