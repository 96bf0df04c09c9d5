"""From a document's mentions and figures to its events: merge, place, order, count.

Merging within one document: a mention joins an earlier event of the same sub-type when their
dates are at most a day apart (or one is unknown) and their places agree (or one is unknown);
a referring mention ("this confrontation", "the strikes") joins the latest event of its type.
Figures without a trigger of their own attach to the event of their sentence, else the latest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from sitrep.extract.geo.rank import haversine_km
from sitrep.extract.subcounts import parts
from sitrep.models import (
    SUB_EVENT_PARENT,
    CasualtyFigure,
    CasualtyStatus,
    ClaimantType,
    Count,
    DatePrecision,
    Event,
    Evidence,
    FatalityRange,
    Place,
    SubEventType,
    VictimKind,
)

_INDEPENDENT = {ClaimantType.MEDIA, ClaimantType.MONITOR, ClaimantType.MEDICAL}


@dataclass(slots=True)
class Draft:
    """An event under construction while a document is read."""

    sub_event_type: SubEventType
    first_sentence: int
    sentences: list[int] = field(default_factory=list)
    date: date | None = None
    date_precision: DatePrecision | None = None
    place: Place | None = None
    countries: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    in_headline: bool = False
    headline_first: bool = False  # the first event the headline names
    weight: int = 0
    figures: list[int] = field(default_factory=list)  # indexes into the document's figures
    trigger_words: set[str] = field(default_factory=set)
    context_date: date | None = None  # the last date the story gave before this event
    date_said: bool = False  # its date is only when a source spoke ("officials said on Monday")
    date_bound: str | None = None  # dated by its own words: "own" ("Saturday's strike") or
    # "counted" ("two days after the strike")


def places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.name.casefold() == b.name.casefold():
        return True
    # a country-level or admin1 place is compatible with a more precise place inside it
    if a.kind == "country" or b.kind == "country":
        return bool(place_countries(a) & place_countries(b))
    return (a.kind == "admin1" and b.admin1 == a.name) or (
        b.kind == "admin1" and a.admin1 == b.name
    )


#: a headline's place and its lead's this close are one place told twice ("kidnap 20 students
#: in Kaduna", then "... in Kaduna state's Chikun district")
HEADLINE_NEAR_KM = 50.0


def places_near(a: Place | None, b: Place | None) -> bool:
    """Two places in one province of one country, or with points within HEADLINE_NEAR_KM."""
    if a is None or b is None:
        return True
    if a.latitude is not None and b.latitude is not None:
        return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= HEADLINE_NEAR_KM
    return bool(a.admin1) and a.admin1 == b.admin1 and a.country == b.country


def place_countries(p: Place) -> set[str]:
    return set(p.countries) | ({p.country} if p.country else set())


def dates_agree(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= 1


def more_precise(a: Place | None, b: Place | None) -> Place | None:
    """Keep the more precise of two places (ACLED's geo_precision: lower is finer); a place
    with coordinates beats one without."""
    if a is None:
        return b
    if b is None:
        return a
    return b if precision_rank(b) < precision_rank(a) else a


_KIND_RANK = {
    "city": 0,
    "crossing": 0,
    "admin2": 1,
    "border": 2,
    "admin1": 2,
    "region": 3,
    "country": 4,
}


def precision_rank(p: Place) -> tuple[int, int]:
    located = p.latitude is not None or p.kind in {"border", "country"}
    return (0 if located else 1, _KIND_RANK.get(p.kind, 3))


def fallback_sub_type(figures: list[CasualtyFigure]) -> SubEventType | None:
    """An event implied by figures alone: soldiers or militants killed = a clash, civilians = an attack."""
    kinds = {
        f.victim_kind
        for f in figures
        if f.status in {CasualtyStatus.KILLED, CasualtyStatus.WOUNDED, CasualtyStatus.CASUALTIES}
    }
    if not kinds:
        if any(f.status is CasualtyStatus.ABDUCTED for f in figures):
            return SubEventType.ABDUCTION
        if any(f.status is CasualtyStatus.ARRESTED for f in figures):
            return SubEventType.ARRESTS
        return None
    if kinds & {VictimKind.SECURITY_FORCES, VictimKind.MILITANTS}:
        return SubEventType.ARMED_CLASH
    return SubEventType.ATTACK  # civilians, or "people": violence against them


def fatality_range(figures: list[CasualtyFigure]) -> FatalityRange | None:
    """FORMAT.md §2: low = smallest killed figure, high = largest claimed, best = own voice or
    independent monitor, else the lowest party claim.

    A claimant's total adds its distinct victim groups ("5 soldiers and 3 civilians" = 8);
    two figures for the same group from one claimant are restatements ("58", "five dozen"),
    which bound that claimant's total low and high instead of adding up.
    """
    within = parts(figures)  # "10 villagers, including two women": the 2 are among the 10
    killed = [
        f
        for i, f in enumerate(figures)
        if f.status is CasualtyStatus.KILLED and f.count.point is not None and i not in within
    ]
    if not killed:
        return None
    # a vague "dozens" bounds the toll but gives way to a number someone put on it (one at
    # least as large: "dozens" and "at least 50"); a smaller number is of another group
    exact = [f for f in killed if not _vague(f)]
    top = max((f.count.point or 0 for f in exact), default=0)
    stated = [f for f in killed if not (_vague(f) and (f.count.point or 0) <= top)]
    lows, highs = _claimant_totals(stated)
    # a claim "between 20 and 30 attackers" adds 30 to the high: the totals again, upper bounds
    upper = [
        replace(f, count=Count(f.count.high, f.count.high, f.count.approx))
        if f.count.high is not None and f.count.high > (f.count.point or 0)
        else f
        for f in stated
    ]
    if upper != stated:
        highs = _claimant_totals(upper)[1]
    vague = [f.count.point or 0 for f in killed if f not in stated]
    low = min([*lows.values(), *vague])
    high = max([*highs.values(), *vague])
    independent = [lows[c] for c in lows if c[1] in _INDEPENDENT]
    if independent:
        best, rule = max(independent), "independent: own voice or monitor"
    else:
        best, rule = min(lows.values()), "conservative: lowest party claim"
    return FatalityRange(low, min(max(best, low), high), high, rule)


def _vague(f: CasualtyFigure) -> bool:
    """ "dozens", "scores", "hundreds": an approximate lower bound with nothing above it."""
    return f.count.approx and f.count.high is None


def _claimant_totals(
    killed: list[CasualtyFigure],
) -> tuple[dict[tuple[str | None, ClaimantType], int], dict[tuple[str | None, ClaimantType], int]]:
    """Each claimant's lowest and highest total over its victim groups."""
    groups: dict[tuple[str | None, ClaimantType], dict[tuple[object, ...], list[int]]] = {}
    # "Woman, child killed": single people named by different nouns are different people; but
    # once a group has a count ("two soldiers"), "a soldier" may be one of them
    counted = {(f.victim_kind, f.victim_side) for f in killed if one_person(f) is None}
    for f in killed:
        claimant = (f.claimant.name, f.claimant.type)
        group: tuple[object, ...] = (f.victim_kind, f.victim_side)
        if _is_total(f):
            group = ("total", None)
        elif group not in counted:
            group = (*group, one_person(f))
        groups.setdefault(claimant, {}).setdefault(group, []).append(f.count.point or 0)
    # claimants who count only the attackers
    by_attackers = {(f.claimant.name, f.claimant.type) for f in killed if _of_attackers(f)} - {
        (f.claimant.name, f.claimant.type) for f in killed if not _of_attackers(f)
    }
    groups = _joined_if_apart(_attackers_besides_totals(groups, by_attackers))
    lows = {c: _claimant_total(g, min) for c, g in groups.items()}
    highs = {c: _claimant_total(g, max) for c, g in groups.items()}
    return lows, highs


def _joined_if_apart(
    groups: dict[tuple[str | None, ClaimantType], dict[tuple[object, ...], list[int]]],
) -> dict[tuple[str | None, ClaimantType], dict[tuple[object, ...], list[int]]]:
    """`_joined_apart`, among the claimants who are no party: an armed group's own claim ("its
    fighters had killed 15 police") stays a rival to the toll that officials tell in parts
    ("10 policemen", "12 insurgents"), and does not make those parts rivals of each other."""
    parties = {c: g for c, g in groups.items() if c[1] is ClaimantType.PARTY}
    others = {c: g for c, g in groups.items() if c[1] is not ClaimantType.PARTY}
    if parties and len(others) >= 2:
        return {**_joined_apart(others), **parties}
    return _joined_apart(groups)


def _joined_apart(
    groups: dict[tuple[str | None, ClaimantType], dict[tuple[object, ...], list[int]]],
) -> dict[tuple[str | None, ClaimantType], dict[tuple[object, ...], list[int]]]:
    """Claimants who each count other victims ("two soldiers killed, the military said ...
    five attackers killed, its media wing said") tell parts of one toll, not rival figures:
    their groups add up, a group told twice with the same number once (a headline and its
    lead). Rival claims give one group two numbers ("58 soldiers" against "23"), a whole
    toll, or are a party's count of victims it does not place ("its fighters killed 30
    government officials")."""
    if len(groups) < 2:
        return groups
    told: dict[tuple[object, ...], set[int]] = {}
    for (_, kind), mine in groups.items():
        if ("total", None) in mine:
            return groups
        for key, values in mine.items():
            if key[0] is VictimKind.UNSPECIFIED and kind is ClaimantType.PARTY:
                return groups  # a party's "30 officials killed" may be anyone's dead
            told.setdefault(key, set()).update(values)
    _unsided_into_sided(told)
    if any(len(values) > 1 for values in told.values()) and any(
        kind is ClaimantType.PARTY or kind in _INDEPENDENT for _, kind in groups
    ):
        # two numbers for one group: a party's rival claims, or figures beside the article's
        # own or a monitor's, which give the best figure as they stand
        return groups
    # officials and sources who give one group different numbers and count other groups
    # besides ("35 civilians and seven soldiers", the government said; "a security source
    # put the number of soldiers killed at 10"): one toll, each group bounded by its lowest
    # and highest number
    first = next(iter(groups))
    return {first: {key: sorted(values) for key, values in told.items()}}


#: the attackers of an event, not a side's fighters ("89 terrorists neutralised" is a rival
#: claim of who was hit)
_ATTACKER_WORDS = {
    "attackers",
    "attacker",
    "assailants",
    "assailant",
    "gunmen",
    "gunman",
    "bombers",
}


def _of_attackers(f: CasualtyFigure) -> bool:
    return head_noun(f) in _ATTACKER_WORDS


def _attackers_besides_totals(
    groups: dict[tuple[str | None, ClaimantType], dict[tuple[object, ...], list[int]]],
    attackers: set[tuple[str | None, ClaimantType]],
) -> dict[tuple[str | None, ClaimantType], dict[tuple[object, ...], list[int]]]:
    """A claimant who counts only the attackers ("all five attackers had been killed, the
    president said") beside others who count the dead of the attack ("killing at least 14
    people", police said) is no rival to them: the attackers join each of those claimants as
    a group of their own, and a toll of people holds the groups it is at least as large as
    (`_claimant_total`), so "14 people" and "five attackers" make 14, not a rival 5."""
    totals = [c for c, g in groups.items() if ("total", None) in g and c not in attackers]
    if not totals or not attackers:
        return groups
    out = {c: dict(g) for c, g in groups.items() if c not in attackers}
    for c in attackers:
        for key, values in groups[c].items():
            for t in totals:
                out[t].setdefault(key, []).extend(values)
    return out


def _unsided_into_sided(told: dict[tuple[object, ...], set[int]]) -> None:
    """A group told without its side and with its side ("two soldiers martyred" in a headline,
    "two Pakistani soldiers" in the lead) is one group, when one sided group of that kind has
    the same number."""
    for key in [k for k in told if len(k) == 2 and k[1] is None]:
        same = [
            k
            for k in told
            if len(k) == 2 and k[0] is key[0] and k[1] is not None and told[k] & told[key]
        ]
        if len(same) == 1:
            told[same[0]] |= told.pop(key)


#: victims that name no group: a toll ("rose to 52") or "people" counts everyone
_TOTAL_WORDS = {"people", "persons", "individuals", "victims", "dead", "lives"}


def head_noun(f: CasualtyFigure) -> str:
    """The last word of a figure's victim phrase, lower-cased ("soldiers" of "58 Pakistani
    soldiers"), or "" with no victim phrase."""
    return f.victim.lower().split()[-1] if f.victim else ""


def one_person(f: CasualtyFigure) -> str | None:
    """The noun a figure of exactly one victim names him or her by ("soldier" for "a Pakistani
    soldier"), else None."""
    if f.count.low != 1 or f.count.high != 1 or f.count.approx or not f.victim:
        return None
    noun = head_noun(f)
    return None if noun in _TOTAL_WORDS else noun


def _is_total(f: CasualtyFigure) -> bool:
    if f.victim_kind is not VictimKind.UNSPECIFIED:
        return False
    return f.victim is None or head_noun(f) in _TOTAL_WORDS


def _claimant_total(
    groups: dict[tuple[object, ...], list[int]], pick: Callable[[list[int]], int]
) -> int:
    """A claimant's distinct groups add up; a total ("52 people, including five children")
    already holds the groups it is at least as large as."""
    parts = sum(pick(v) for g, v in groups.items() if g[0] != "total")
    total = pick(groups[("total", None)]) if ("total", None) in groups else 0
    return max(total, parts)


def to_event(draft: Draft, figures: list[CasualtyFigure]) -> Event:
    place = draft.place
    countries = tuple(dict.fromkeys([*(place.countries if place else ()), *draft.countries]))
    if place and place.country and place.kind != "border":
        countries = (place.country,)
    # evidence in text order (a headline may be read after the body that restates it)
    pieces = sorted({(e.start, e.end): e for e in draft.evidence}.values(), key=lambda e: e.start)
    evidence = pieces[0]
    if len(pieces) > 1:
        evidence = Evidence(pieces[0].start, pieces[-1].end, " … ".join(e.text for e in pieces[:3]))
    actors = list(dict.fromkeys(draft.actors))
    return Event(
        event_type=str(SUB_EVENT_PARENT[draft.sub_event_type]),
        sub_event_type=str(draft.sub_event_type),
        date=draft.date,
        date_precision=draft.date_precision,
        countries=countries,
        place=place,
        actor1=actors[0] if actors else None,
        actor2=actors[1] if len(actors) > 1 else None,
        evidence=evidence,
        fatalities=with_bombers(draft, fatality_range([figures[i] for i in draft.figures])),
    )


def with_bombers(draft: Draft, toll: FatalityRange | None) -> FatalityRange | None:
    """ACLED and UCDP count a suicide bomber among the dead; reports of "a suicide bomber
    killed six" count only the victims. Unless the text already counts the attacker ("killing
    himself and six others", "including the bomber") or says the attacker lived, the event's
    toll adds one per bomber ("two suicide bombers" = 2). The claims keep their own figures."""
    if toll is None or draft.sub_event_type is not SubEventType.SUICIDE_BOMB:
        return toll
    text = " ".join(e.text for e in draft.evidence)
    if not _SUICIDE.search(text) or _BOMBER_COUNTED.search(text):
        return toll  # the classifier's sub-type alone is not the text saying "suicide"
    m = _BOMBERS.search(text)
    return toll.with_attackers(_SMALL[m.group(1).lower()] if m else 1)


_BOMBER_COUNTED = re.compile(
    r"\b(?:himself|herself|themselves|including (?:the |two |three )?(?:suicide )?"
    r"(?:bombers?|attackers?)|(?:bombers?|attackers?) (?:was|were) (?:also )?(?:killed|shot|arrested"
    r"|detained|captured|caught|injured|wounded)|(?:failed|foiled|thwarted|defused|arrested|"
    r"caught|detained|captured)\b)",
    re.I,
)
_SUICIDE = re.compile(r"\bsuicide\b", re.I)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_BOMBERS = re.compile(
    r"\b(two|three|four|five|2|3|4|5)\s+(?:\w+\s+)?suicide\s+(?:bombers|attackers)\b", re.I
)


def salience(draft: Draft, figures: list[CasualtyFigure]) -> tuple[float, int]:
    """The main event first: headline and lead, repeated mentions, figures, specific trigger."""
    score = 3.0 * draft.in_headline + 6.0 * draft.headline_first
    score += len(set(draft.sentences)) + 0.5 * len(draft.figures)
    score += 1.0 if draft.first_sentence <= 2 else 0.0
    score += 0.25 * draft.weight
    return (-score, draft.first_sentence)
