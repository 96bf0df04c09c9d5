"""Whether two mentions can be the same event (blocking) and how alike they are (scoring).

Blocking rules out a pair outright: incompatible event types, dates too far apart for their
precision, or places that cannot be the same (two precise places far apart in different
provinces, or disjoint country sets). Every other pair gets an additive score, in points,
from six features; `FuseSettings.threshold` decides a merge. The points and the text
similarity measure were chosen on the fusion test set (tests/fuse/data, scripts/fusion_eval.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.models import (
    SUB_EVENT_PARENT,
    DatePrecision,
    EventMention,
    EventType,
    Place,
    SubEventType,
)

EARTH_RADIUS_KM = 6371.0088
_VIOLENT = {EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS}
_SLACK = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 7,
    DatePrecision.MONTH: 31,
    DatePrecision.YEAR: 366,
}
#: Sub-types that reports (and extractors) often confuse for one another.
_CONFUSABLE = (
    frozenset({SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING}),
    frozenset({SubEventType.SUICIDE_BOMB, SubEventType.REMOTE_EXPLOSIVE, SubEventType.GRENADE}),
    frozenset(
        {
            SubEventType.ARMED_CLASH,
            SubEventType.GOVERNMENT_REGAINS_TERRITORY,
            SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        }
    ),
    frozenset(
        {
            SubEventType.PEACEFUL_PROTEST,
            SubEventType.PROTEST_WITH_INTERVENTION,
            SubEventType.EXCESSIVE_FORCE,
        }
    ),
)
_UNDATED_SLACK = 7  # an undated mention happened up to a week before its publication


@dataclass(frozen=True, slots=True)
class FuseSettings:
    """Parameters of coreference; defaults measured on the fusion test set."""

    date_window_days: int = 3  # beyond the slack of imprecise dates
    near_km: float = 10.0
    close_km: float = 50.0
    far_km: float = 150.0  # two precise places further apart, in different admin1: blocked
    threshold: float = 3.0  # points needed to merge
    text: str = "tfidf"  # "tfidf" (fitted on the mentions being fused) or "none"
    points: dict[str, float] = field(
        default_factory=lambda: {
            "same_sub_type": 2.0,
            "confusable_sub_type": 1.5,
            "same_type": 0.5,
            "other_violent_type": -1.0,
            "same_day": 1.0,
            "one_day": 0.5,
            "two_days": 0.0,
            "more_days": -0.5,
            "same_place": 1.5,
            "close_place": 1.0,
            "same_admin1": 0.5,
            "other_country": -1.0,
            "actor_shared": 1.0,
            "actor_disjoint": -0.5,
            "figure_shared": 1.0,
            "same_document": -0.5,
            "text_weight": 6.0,
            "text_floor": 0.08,
        }
    )


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    reasons: tuple[str, ...]

    def explain(self) -> str:
        return ", ".join(self.reasons)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def parent_type(m: EventMention) -> str:
    try:
        return str(SUB_EVENT_PARENT[SubEventType(m.event.sub_event_type)])
    except ValueError:
        return m.event.event_type


def when(m: EventMention) -> tuple[date | None, int]:
    """The mention's day and how many days either side it may really be."""
    e = m.event
    if e.date is not None:
        return e.date, _SLACK.get(e.date_precision or DatePrecision.DAY, 0)
    if m.published is not None:
        return m.published - timedelta(days=_UNDATED_SLACK // 2), _UNDATED_SLACK // 2 + 1
    return None, 0


def date_gap(a: EventMention, b: EventMention) -> int | None:
    """Days between the two mentions beyond their precision slack (None: unknown)."""
    (da, sa), (db, sb) = when(a), when(b)
    if da is None or db is None:
        return None
    return max(0, abs((da - db).days) - sa - sb)


def countries(m: EventMention) -> set[str]:
    p = m.event.place
    found = {c.casefold() for c in m.event.countries}
    if p is not None:
        found |= {c.casefold() for c in p.countries}
        if p.country:
            found.add(p.country.casefold())
    return found


def _point(p: Place | None) -> tuple[float, float] | None:
    if p is None or p.latitude is None or p.longitude is None:
        return None
    if p.kind in {"country", "border", "region"}:
        return None
    return (p.latitude, p.longitude)


def _fold(s: str | None) -> str | None:
    return s.casefold().strip() if s else None


def place_relation(a: EventMention, b: EventMention, s: FuseSettings) -> tuple[str, float | None]:
    """One of same, close, admin1, country, unknown, other_country (countries differ, one
    mention has no place), far, disjoint (placed in different countries); with the km if known."""
    pa, pb = a.event.place, b.event.place
    ca, cb = countries(a), countries(b)
    if ca and cb and not ca & cb:
        # a country read off the text alone ("U.S. troops") is weak evidence of the place
        return ("disjoint" if pa is not None and pb is not None else "other_country"), None
    if pa is None or pb is None:
        return "unknown" if not (ca and cb) else "country", None
    qa, qb = _point(pa), _point(pb)
    if qa is not None and qb is not None:
        km = haversine_km(qa, qb)
        if km <= s.near_km:
            return "same", km
        if km <= s.close_km:
            return "close", km
        same_admin1 = _fold(pa.admin1) is not None and _fold(pa.admin1) == _fold(pb.admin1)
        if km > s.far_km and not same_admin1:
            return "far", km
        return ("admin1" if same_admin1 else "country"), km
    if _fold(pa.name) == _fold(pb.name):
        return "same", None
    names_a = {_fold(pa.name), _fold(pa.admin1), _fold(pa.admin2)} - {None}
    names_b = {_fold(pb.name), _fold(pb.admin1), _fold(pb.admin2)} - {None}
    if names_a & names_b:
        return "admin1", None
    return "country", None


def actors(m: EventMention) -> set[str]:
    return {x for x in (_fold(m.event.actor1), _fold(m.event.actor2)) if x}


def figures(m: EventMention) -> set[tuple[str, int | None, int | None]]:
    return {(str(f.status), f.count.low, f.count.high) for f in m.casualties}


def blocked(a: EventMention, b: EventMention, s: FuseSettings) -> str | None:
    """Why the pair cannot be one event, or None when it may be."""
    ta, tb = parent_type(a), parent_type(b)
    if ta != tb and not (ta in _VIOLENT and tb in _VIOLENT):
        return f"types {ta} / {tb}"
    if a.doc_id == b.doc_id and ta != tb:
        return "one document, two types of event"
    gap = date_gap(a, b)
    if gap is not None and gap > s.date_window_days:
        return f"{gap} days apart"
    relation, km = place_relation(a, b, s)
    if relation == "disjoint":
        return "no country in common"
    if relation == "far":
        return f"{km:.0f} km apart"
    return None


def score_pair(
    a: EventMention, b: EventMention, s: FuseSettings, text_similarity: float | None
) -> PairScore:
    """Points for a pair that passed blocking, with the reasons that earned them."""
    p = s.points
    score, why = 0.0, []
    if a.event.sub_event_type == b.event.sub_event_type:
        score += p["same_sub_type"]
        why.append("same sub-type")
    elif any({a.event.sub_event_type, b.event.sub_event_type} <= group for group in _CONFUSABLE):
        score += p["confusable_sub_type"]
        why.append("confusable sub-types")
    elif parent_type(a) == parent_type(b):
        score += p["same_type"]
        why.append("same type")
    else:
        score += p["other_violent_type"]
        why.append("different types")
    gap = date_gap(a, b)
    if gap is not None:
        key = {0: "same_day", 1: "one_day", 2: "two_days"}.get(gap, "more_days")
        score += p[key]
        why.append("same day" if gap == 0 else f"{gap} day(s) apart")
    relation, km = place_relation(a, b, s)
    score += {
        "same": p["same_place"],
        "close": p["close_place"],
        "admin1": p["same_admin1"],
        "other_country": p["other_country"],
    }.get(relation, 0.0)
    why.append(f"place {relation}" + (f" ({km:.0f} km)" if km is not None else ""))
    xa, xb = actors(a), actors(b)
    if xa and xb:
        if xa & xb:
            score += p["actor_shared"]
            why.append("actor shared")
        else:
            score += p["actor_disjoint"]
            why.append("actors differ")
    if figures(a) & figures(b):
        score += p["figure_shared"]
        why.append("figure shared")
    if a.doc_id == b.doc_id:
        score += p["same_document"]
        why.append("same document")
    if text_similarity is not None:
        score += p["text_weight"] * (text_similarity - p["text_floor"])
        why.append(f"text {text_similarity:.2f}")
    return PairScore(round(score, 4), tuple(why))


def mention_text(m: EventMention) -> str:
    """What text similarity reads: the event's evidence and its figures' evidence sentences."""
    parts = [m.event.evidence.text, *(f.evidence.text for f in m.casualties)]
    return " ".join(dict.fromkeys(parts))


class Similarity:
    """Pairwise text similarity over a fixed list of mentions (row-normalised vectors)."""

    def __init__(self, vectors: object | None) -> None:
        self._vectors = vectors

    def __call__(self, i: int, j: int) -> float | None:
        if self._vectors is None:
            return None
        v = self._vectors
        return float(max(0.0, min(1.0, (v[i] @ v[j].T).sum())))  # type: ignore[index]


def text_similarity(texts: Sequence[str], method: str) -> Similarity:
    """Vectors for `texts` by `method`: "tfidf" (fitted on these texts) or "none"."""
    if method == "none" or not texts:
        return Similarity(None)
    if method == "tfidf":
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(
            sublinear_tf=True, stop_words="english", ngram_range=(1, 2), min_df=1
        )
        try:
            return Similarity(vectorizer.fit_transform(texts).tocsr())
        except ValueError:  # nothing but stop words
            return Similarity(None)
    raise ValueError(f"unknown text similarity method {method!r}")
