"""Reconciliation of a fused event's ledger into one FatalityRange (low / best / high).

RULES v1 (UCDP-style), over the current (not superseded) `killed` figures:

1. Figures are grouped by victim group (victim side, victim kind). Within a group each
   claimant speaks through its figures of its latest publication day (as in the ledger's
   supersession), and its figure is their lowest point (restatements such as "58" and "five dozen" bound
   it, they do not add up); a claimant's high is the largest bound it gives.
2. The group's best comes from the most independent claimants present, and among them from
   those whose latest figure is of the latest publication day (tolls are revised as news
   comes in; an undated figure always takes part):
   a. independent monitors and medical sources (ClaimantType MONITOR, MEDICAL): their largest;
   b. else the article's own voice (MEDIA): the largest, the most complete running toll;
   c. else party, government, anonymous or other claimants whose claim is not self-serving:
      the lowest (the conservative convention). A claim is self-serving when the claimant
      speaks for one side (actor lexicon, or a country word in its name) and the victims
      belong to another: a party's count of its enemy's losses;
   d. else (only self-serving figures): no best. Such figures still bound low and high.
3. The group's low is the smallest figure, its high the largest bound.
   A sub-count ("10 villagers, including two women") is left out: it is inside its count.
4. The event sums its groups. A group with neither side nor kind ("people", "dozens") is an
   overall toll that may include the others: the event takes the larger of that toll and the
   sum of the specific groups for best and high, and the smaller of the two for low.

The rule text names the version and, per group, the figure, the rule and the claimant behind
the best, so every number can be traced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.subcounts import parts
from sitrep.fuse.ledger import claimant_key, claimant_side
from sitrep.models import (
    CasualtyStatus,
    ClaimantType,
    FatalityRange,
    LedgerClaim,
    VictimKind,
)

RULES_VERSION = "v1"
_MONITORS = {ClaimantType.MONITOR, ClaimantType.MEDICAL}


@dataclass(frozen=True, slots=True)
class GroupRange:
    side: str | None
    kind: str
    low: int
    best: int | None
    high: int
    rule: str

    @property
    def overall(self) -> bool:
        return self.side is None and self.kind == VictimKind.UNSPECIFIED

    def describe(self) -> str:
        who = "all victims" if self.overall else f"{self.side or 'side unknown'} {self.kind}"
        best = "no best" if self.best is None else f"best {self.best}"
        return f"{who}: {best} ({self.rule}), range {self.low}-{self.high}"


def self_serving(claim: LedgerClaim, lexicon: Lexicon | None = None) -> bool:
    f = claim.figure
    if f.claimant.type in _MONITORS or f.claimant.type is ClaimantType.MEDIA:
        return False
    side = claimant_side(f, lexicon)
    return bool(side and f.victim_side and side.casefold() != f.victim_side.casefold())


def _latest_per_claimant(claims: list[LedgerClaim], lexicon: Lexicon | None) -> list[LedgerClaim]:
    newest: dict[str, date] = {}
    for c in claims:
        key = claimant_key(c.figure, lexicon)
        if c.published is not None and (key not in newest or c.published > newest[key]):
            newest[key] = c.published
    return [
        c
        for c in claims
        if c.published is None or c.published == newest[claimant_key(c.figure, lexicon)]
    ]


def _group(claims: list[LedgerClaim], lexicon: Lexicon | None) -> GroupRange:
    claims = _latest_per_claimant(claims, lexicon)
    first = claims[0].figure
    lows: dict[str, int] = {}
    highs: dict[str, int] = {}
    names: dict[str, str] = {}
    tiers: dict[str, str] = {}
    latest: dict[str, date | None] = {}
    for c in claims:
        f = c.figure
        key = claimant_key(f, lexicon)
        point = f.count.point
        assert point is not None
        top = max(x for x in (f.count.low, f.count.high) if x is not None)
        lows[key] = min(lows.get(key, point), point)
        highs[key] = max(highs.get(key, top), top)
        names.setdefault(key, f.claimant.name or "own voice")
        if c.published is not None and (latest.get(key) is None or c.published > latest[key]):  # type: ignore[operator]
            latest[key] = c.published
        else:
            latest.setdefault(key, c.published)
        if f.claimant.type in _MONITORS:
            tier = "a"
        elif f.claimant.type is ClaimantType.MEDIA:
            tier = "b"
        elif not self_serving(c, lexicon):
            tier = "c"
        else:
            tier = "d"
        tiers[key] = min(tiers.get(key, tier), tier)
    low, high = min(lows.values()), max(highs.values())
    best_tier = min(tiers.values())
    in_tier = [k for k in lows if tiers[k] == best_tier]
    newest = max((latest[k] for k in in_tier if latest[k] is not None), default=None)
    pool = {k: lows[k] for k in in_tier if newest is None or latest[k] in (None, newest)}
    if best_tier in "ab":
        key = max(pool, key=lambda k: (pool[k], k))
        rule = "independent monitor" if best_tier == "a" else "own voice"
        best: int | None = pool[key]
        rule = f"{rule}: {names[key]}"
    elif best_tier == "c":
        key = min(pool, key=lambda k: (pool[k], k))
        best, rule = pool[key], f"lowest party claim not self-serving: {names[key]}"
    else:
        best, rule = None, "only self-serving party claims: " + ", ".join(sorted(names.values()))
    return GroupRange(first.victim_side, str(first.victim_kind), low, best, high, rule)


def group_ranges(claims: Iterable[LedgerClaim], lexicon: Lexicon | None = None) -> list[GroupRange]:
    """Per victim group, the range of rules 1-3, from current killed figures."""
    claims = list(claims)
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_doc.setdefault(c.doc_id, []).append(i)
    within = set()  # sub-counts ("including two women") are inside their document's count
    for rows in by_doc.values():
        within.update(rows[j] for j in parts([claims[i].figure for i in rows]))
    groups: dict[tuple[str, str], list[LedgerClaim]] = {}
    for i, c in enumerate(claims):
        f = c.figure
        if c.superseded or f.status is not CasualtyStatus.KILLED or f.count.point is None:
            continue
        if i in within:
            continue
        key = ((f.victim_side or "").casefold(), str(f.victim_kind))
        groups.setdefault(key, []).append(c)
    return [_group(groups[k], lexicon) for k in sorted(groups)]


def reconcile(
    claims: Iterable[LedgerClaim], lexicon: Lexicon | None = None
) -> FatalityRange | None:
    """The event's low / best / high by RULES v1; None when no current killed figure exists."""
    ranges = group_ranges(claims, lexicon)
    if not ranges:
        return None
    overall = [g for g in ranges if g.overall]
    specific = [g for g in ranges if not g.overall]
    low = sum(g.low for g in specific)
    high = sum(g.high for g in specific)
    bests = [g.best for g in specific if g.best is not None]
    best = sum(bests) if bests else None
    for g in overall:
        low = g.low if not specific else min(low, g.low)
        high = max(high, g.high)
        if g.best is not None:
            best = g.best if best is None else max(best, g.best)
    if best is not None:
        best = min(max(best, low), high)
    text = f"{RULES_VERSION}: " + "; ".join(g.describe() for g in ranges)
    if specific and overall:
        text += "; overall toll vs sum of groups: the larger"
    return FatalityRange(low=low, best=best, high=high, rule=text)
