"""Filters over fused events, for `sitrep events`, exports and the API: one frozen record, one
function that turns it into SQL conditions (bound parameters only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, exists, or_, select

from sitrep.store.convert import fold_name
from sitrep.store.schema import ActorRow, FusedCountryRow, FusedEventRow, PlaceRow


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every field optional; the given ones must all hold.

    - `date_from` / `date_to`: inclusive bounds on the event date (events without one drop out);
    - `country`: one of the event's countries, compared case-insensitively;
    - `admin1`: the first-level admin area of the event's place, compared case- and
      accent-insensitively (`convert.fold_name`);
    - `event_type`, `sub_event_type`: exact, ACLED's spelling;
    - `actor`: a case-insensitive substring of actor1 or actor2;
    - `text`: a case-insensitive substring of the evidence, the place name or an actor.
    """

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    admin1: str | None = None


def _contains(needle: str) -> str:
    """A LIKE pattern matching `needle` literally anywhere (escape character: backslash)."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _actor_matches(pattern: str) -> ColumnElement[bool]:
    return or_(
        FusedEventRow.actor1.has(ActorRow.name.ilike(pattern, escape="\\")),
        FusedEventRow.actor2.has(ActorRow.name.ilike(pattern, escape="\\")),
    )


def conditions(f: EventFilter | None) -> list[ColumnElement[bool]]:
    """WHERE conditions on `FusedEventRow` for the filter (an empty list for none)."""
    if f is None:
        return []
    where: list[ColumnElement[bool]] = []
    if f.date_from is not None:
        where.append(FusedEventRow.date >= f.date_from)
    if f.date_to is not None:
        where.append(FusedEventRow.date <= f.date_to)
    if f.country is not None:
        where.append(
            exists(
                select(FusedCountryRow.event_id).where(
                    FusedCountryRow.event_id == FusedEventRow.event_id,
                    FusedCountryRow.country_folded == f.country.strip().casefold(),
                )
            )
        )
    if f.admin1 is not None:
        where.append(FusedEventRow.place.has(PlaceRow.admin1_folded == fold_name(f.admin1)))
    if f.event_type is not None:
        where.append(FusedEventRow.event_type == f.event_type)
    if f.sub_event_type is not None:
        where.append(FusedEventRow.sub_event_type == f.sub_event_type)
    if f.actor is not None:
        where.append(_actor_matches(_contains(f.actor.strip())))
    if f.text is not None:
        pattern = _contains(f.text.strip())
        where.append(
            or_(
                FusedEventRow.evidence_text.ilike(pattern, escape="\\"),
                FusedEventRow.place.has(PlaceRow.name.ilike(pattern, escape="\\")),
                _actor_matches(pattern),
            )
        )
    return where
