"""Contradictions and competing accounts within a fused event.

- figure: two claimants give different current `killed`/`wounded` figures for the same victim
  group (status, side, kind), beyond a tolerance (more than 2 people and more than 10%), in
  reports published at most a day apart (a toll revised days later is no conflict).
- denial / no_response / explanation: cue phrases in the member documents' sentences ("denied",
  "has not responded", "declined to comment", "attributed ... to an explosion", "staged"...).
  The sentences read are the article text when `texts` gives it (each sentence belongs to
  one event of its document: the first whose evidence quotes it, else the main event, index
  0), otherwise the evidence sentences of the event and its figures.
- location: two members of different documents placed more than `far_km` apart, or in no
  common country (only members with a place).
- date: two members of different documents dated (to the day) two or more days apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from sitrep.fuse.ledger import claimant_key, claimant_label
from sitrep.fuse.similarity import FuseSettings, countries, haversine_km
from sitrep.models import (
    CasualtyStatus,
    Contradiction,
    DatePrecision,
    EventMention,
    Evidence,
    LedgerClaim,
)


@dataclass(frozen=True, slots=True)
class SourceText:
    """A member document's text and the evidence span of each of its events (by index)."""

    text: str
    events: tuple[Evidence, ...]


_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "denial",
        re.compile(
            r"\b(?:denied|denies|deny|denying|rejected (?:the |these |those )?(?:claims?|allegations?|"
            r"accusations?|reports?)|dismissed (?:the |these )?(?:claims?|allegations?))\b",
            re.I,
        ),
    ),
    (
        "no_response",
        re.compile(
            r"\b(?:(?:has|have|had) not (?:yet )?(?:responded|commented|issued (?:a |any )?(?:formal )?"
            r"(?:response|comment|statement))|did not (?:immediately )?(?:respond|comment)|"
            r"declined to comment|(?:is|are|was|were) yet to (?:respond|comment|clarify)|"
            r"could not be reached|no immediate (?:comment|response)|not immediately "
            r"(?:respond|comment|available))",
            re.I,
        ),
    ),
    (
        "explanation",
        re.compile(
            r"\b(?:attribut\w+ (?:\w+ ){0,5}to (?:an? |the )|was caused by|were caused by|"
            r"staged|false[- ]flag|fabricated|provocation by|blamed (?:\w+ ){0,5}on (?:an? |the )"
            r"(?:accident|explosion|blast|fire)|rather than)",
            re.I,
        ),
    ),
)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def _sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _SENTENCE.finditer(text):
        s = " ".join(m.group().split())
        if s:
            out.append((m.start(), s))
    return out


def _owner(sentence: str, spans: Sequence[Evidence]) -> int:
    """The event a sentence belongs to: the first whose evidence quotes it, else the main one
    (index 0: denials and competing accounts mostly concern the story the article is about)."""
    for i, ev in enumerate(spans):
        if sentence in " ".join(ev.text.split()):
            return i
    return 0


def mention_sentences(mention: EventMention, source: SourceText | None) -> list[str]:
    """The sentences of the mention's document that belong to it (see the module docstring)."""
    if source is None or not source.text or mention.index >= len(source.events):
        parts = [mention.event.evidence.text, *(f.evidence.text for f in mention.casualties)]
        return [s for p in dict.fromkeys(parts) for _, s in _sentences(p)]
    return [s for _, s in _sentences(source.text) if _owner(s, source.events) == mention.index]


def _figure_conflicts(claims: Sequence[LedgerClaim]) -> list[Contradiction]:
    current = [
        c
        for c in claims
        if not c.superseded
        and c.figure.status in (CasualtyStatus.KILLED, CasualtyStatus.WOUNDED)
        and c.figure.count.point is not None
    ]
    groups: dict[tuple[str, str, str], dict[str, tuple[int, str, int]]] = {}
    for c in current:
        f = c.figure
        key = (str(f.status), (f.victim_side or "").casefold(), str(f.victim_kind))
        who = claimant_key(f)
        if who == "(own voice)":
            who = f"(own voice) {c.doc_id}"
        day = c.published.toordinal() if c.published else 0
        entry = (f.count.point or 0, claimant_label(f, c.doc_id), day)
        groups.setdefault(key, {}).setdefault(who, entry)
    out = []
    for (status, side, kind), by_claimant in sorted(groups.items()):
        for (_, (a, na, da)), (_, (b, nb, db)) in combinations(sorted(by_claimant.items()), 2):
            if da and db and abs(da - db) > 1:
                continue  # a running toll revised days later is no conflict
            if abs(a - b) > max(2, 0.1 * max(a, b)):
                group = " ".join(x for x in (side, kind) if x)
                out.append(
                    Contradiction(
                        "figure", (na, nb), f"{status} {group}: {na} says {a}, {nb} says {b}"
                    )
                )
    return out


def _cue_sentences(
    mentions: Sequence[EventMention], texts: Mapping[str, SourceText] | None
) -> list[Contradiction]:
    out = []
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        for sentence in mention_sentences(m, texts.get(m.doc_id) if texts else None):
            for kind, pattern in _CUES:
                if pattern.search(sentence) and (kind, sentence) not in seen:
                    seen.add((kind, sentence))
                    out.append(Contradiction(kind, (m.doc_id,), sentence))
    return out


def _place_conflicts(mentions: Sequence[EventMention], s: FuseSettings) -> list[Contradiction]:
    out = []
    for a, b in combinations(mentions, 2):
        pa, pb = a.event.place, b.event.place
        ca, cb = countries(a), countries(b)
        if a.doc_id == b.doc_id or pa is None or pb is None:
            continue
        if ca and cb and not ca & cb:
            out.append(
                Contradiction("location", (a.doc_id, b.doc_id), f"{sorted(ca)} vs {sorted(cb)}")
            )
        elif None not in (pa.latitude, pa.longitude, pb.latitude, pb.longitude):
            km = haversine_km((pa.latitude, pa.longitude), (pb.latitude, pb.longitude))  # type: ignore[arg-type]
            if km > s.far_km:
                out.append(
                    Contradiction(
                        "location", (a.doc_id, b.doc_id), f"{pa.name} vs {pb.name}: {km:.0f} km"
                    )
                )
    return out


def _date_conflicts(mentions: Sequence[EventMention]) -> list[Contradiction]:
    out = []
    dated = [
        m
        for m in mentions
        if m.event.date is not None and m.event.date_precision in (None, DatePrecision.DAY)
    ]
    for a, b in combinations(dated, 2):
        if a.doc_id == b.doc_id:
            continue
        assert a.event.date is not None and b.event.date is not None
        if abs((a.event.date - b.event.date).days) >= 2:
            out.append(
                Contradiction(
                    "date",
                    (a.doc_id, b.doc_id),
                    f"{a.event.date.isoformat()} vs {b.event.date.isoformat()}",
                )
            )
    return out


def find_contradictions(
    mentions: Sequence[EventMention],
    claims: Sequence[LedgerClaim],
    texts: Mapping[str, SourceText] | None = None,
    settings: FuseSettings | None = None,
) -> tuple[Contradiction, ...]:
    s = settings or FuseSettings()
    found = [
        *_figure_conflicts(claims),
        *_cue_sentences(mentions, texts),
        *_place_conflicts(mentions, s),
        *_date_conflicts(mentions),
    ]
    return tuple(dict.fromkeys(found))
