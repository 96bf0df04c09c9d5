"""Fused events as CSV with ACLED's column names and conventions, one row per event, streamed.

sitrep fills what it knows and leaves the rest empty:

- `event_id_cnty` is sitrep's stable event id; `event_date` is ISO (YYYY-MM-DD), `year` its year;
- `time_precision`: 1 day, 2 week, 3 month (a year-precise date is also 3, ACLED's coarsest);
- `disorder_type` follows from the sub-event type as ACLED assigns it;
- `civilian_targeting` is "Civilian targeting" for Violence against civilians (ACLED codes every
  such event so); other events are left empty, since sitrep does not judge intent;
- `country` is the first of the event's countries (ACLED has one per row); a cross-border event's
  full list goes to `tags` ("cross-border: A; B");
- `latitude` / `longitude` / `geo_precision` only for a located place (not a border or country);
- `source` is the outlets of the event's documents, "; "-separated, as ACLED does;
- `notes` summarises the place, date, the fatality range with its rule, and every claim with
  its claimant ("[superseded]" where a later figure replaced it), and contradictions;
- `fatalities` is the reconciled best estimate, 0 where there is none (ACLED's convention:
  the notes then say which figures, if any, were claimed);
- `inter1`, `inter2`, `interaction`, `iso`, `region`, `admin3`, `assoc_actor_*`,
  `source_scale` and `timestamp` stay empty: sitrep has no actor categories, ISO numeric codes,
  source scales or per-row update times yet.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, Protocol, TextIO

from sitrep.export.extraction import coordinates
from sitrep.export.phrases import figure_text, victim_text
from sitrep.models import Article, FusedEvent, LedgerClaim

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

#: ACLED's disorder type of each sub-event type; the rest of a type follows its parent.
_DISORDER_BY_SUB = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
    "Violent demonstration": "Demonstrations",
}
_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

SourceLookup = Callable[[str], str | None]


class _HasArticles(Protocol):
    def get_article(self, doc_id: str) -> Article | None: ...


def disorder_type(event_type: str, sub_event_type: str) -> str:
    return _DISORDER_BY_SUB.get(sub_event_type) or _DISORDER_BY_TYPE.get(event_type, "")


def sources_from_store(store: _HasArticles, cache_size: int = 4096) -> SourceLookup:
    """A doc_id -> outlet lookup over a store's articles, with a bounded cache."""

    @lru_cache(maxsize=cache_size)
    def source_of(doc_id: str) -> str | None:
        article = store.get_article(doc_id)
        return article.source if article is not None else None

    return source_of


def claim_phrase(claim: LedgerClaim) -> str:
    """'Zabihullah Mujahid (party): 58 Pakistani soldiers killed [doc-a]'."""
    f = claim.figure
    who = f.claimant.name or "the article"
    text = f"{who} ({f.claimant.type}): {figure_text(f.count)} {victim_text(f)} {f.status}"
    text += f" [{claim.doc_id}]"
    return text + (" [superseded]" if claim.superseded else "")


def notes(fused: FusedEvent) -> str:
    """A short summary: what, where, when, the fatality range and every claim with its claimant."""
    e = fused.event
    parts = [e.sub_event_type]
    if e.place is not None:
        parts.append(f"at {e.place.name}")
    if e.countries:
        parts.append(f"({'; '.join(e.countries)})")
    if e.date is not None:
        parts.append(f"on {e.date.isoformat()}")
    actors = " vs ".join(a for a in (e.actor1, e.actor2) if a)
    if actors:
        parts.append(f"- {actors}")
    text = " ".join(parts) + "."
    f = fused.fatalities
    if f is not None and (f.low, f.best, f.high) != (None, None, None):
        bounds = "-".join("?" if v is None else str(v) for v in (f.low, f.best, f.high))
        text += f" Fatalities low-best-high {bounds}" + (f" ({f.rule})." if f.rule else ".")
    if fused.claims:
        text += " Claims: " + "; ".join(claim_phrase(c) for c in fused.claims) + "."
    for c in fused.contradictions:
        text += f" Contradiction ({c.kind}, {' / '.join(c.between)}): {c.detail}."
    return text


def acled_row(fused: FusedEvent, source_of: SourceLookup | None = None) -> dict[str, Any]:
    """The ACLED-named row of one fused event (missing fields as empty strings)."""
    e = fused.event
    p = e.place
    point = coordinates(p)
    outlets: list[str] = []
    if source_of is not None:
        outlets = list(dict.fromkeys(s for d in fused.documents if (s := source_of(d))))
    best = fused.fatalities.best if fused.fatalities is not None else None
    row: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS, "")
    row |= {
        "event_id_cnty": fused.event_id,
        "event_date": e.date.isoformat() if e.date else "",
        "year": e.date.year if e.date else "",
        "time_precision": TIME_PRECISION.get(str(e.date_precision), "") if e.date_precision else "",
        "disorder_type": disorder_type(e.event_type, e.sub_event_type),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1 or "",
        "actor2": e.actor2 or "",
        "civilian_targeting": (
            "Civilian targeting" if e.event_type == "Violence against civilians" else ""
        ),
        "country": e.countries[0] if e.countries else (p.country if p and p.country else ""),
        "admin1": (p.admin1 or "") if p else "",
        "admin2": (p.admin2 or "") if p else "",
        "location": p.name if p is not None and p.kind != "country" else "",
        "latitude": point[0] if point else "",
        "longitude": point[1] if point else "",
        "geo_precision": p.geo_precision if p is not None and point else "",
        "source": "; ".join(outlets),
        "notes": notes(fused),
        "fatalities": best if best is not None else 0,
        "tags": f"cross-border: {'; '.join(e.countries)}" if len(e.countries) > 1 else "",
    }
    return row


def write_csv(
    events: Iterable[FusedEvent], out: TextIO, *, source_of: SourceLookup | None = None
) -> int:
    """Write the header and one ACLED row per event as they arrive; returns the row count.

    Open `out` with `newline=""` (the csv module's own line endings).
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for fused in events:
        writer.writerow(acled_row(fused, source_of))
        n += 1
    return n
