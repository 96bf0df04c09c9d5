"""Coreference across documents: mentions in, clusters (one per real-world event) out.

Canonical, constrained single-link clustering with complete-link blocking:

1. Mentions an analyst merged by hand (must-link) start in one cluster.
2. Every pair of mentions close enough in time (`candidate_pairs`) that passes blocking is
   scored (`similarity.score_pair`); pairs reaching `FuseSettings.threshold` are edges.
3. Edges are taken from the highest score down (ties by the canonical order of their ends),
   and each joins the two clusters of its ends unless a pair across them is cannot-linked (an
   analyst's split) or blocked (e.g. dates further apart than the window): a chain of
   reports may grow an event, but never stretch it over two events' dates or places.

Mentions of one document may join one cluster: the extractor sometimes reports one event
twice (two sub-types, or a second mention without a place). The result depends only on the
set of mentions and the constraints, never on input order; `Fuser.add` takes new mentions as
they arrive and re-clusters, so earlier events may grow or merge but ids stay anchored on
their first member (`event_id_for`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.fuse.mentions import MentionKey, key_of, order_key
from sitrep.fuse.similarity import (
    FuseSettings,
    blocked,
    mention_text,
    score_pair,
    text_similarity,
    when,
)
from sitrep.models import EventMention, MergeDecision


def event_id_for(anchor: MentionKey) -> str:
    """A fused event's id: a hash of its first member (doc_id, index), stable across re-runs."""
    digest = hashlib.sha1(f"{anchor[0]}\x1f{anchor[1]}".encode()).hexdigest()
    return f"ev-{digest[:12]}"


@dataclass(frozen=True, slots=True)
class Constraints:
    """Analysts' decisions as pairs of mentions: kept together, or kept apart."""

    must_link: frozenset[frozenset[MentionKey]] = frozenset()
    cannot_link: frozenset[frozenset[MentionKey]] = frozenset()

    def apart(self, a: MentionKey, b: MentionKey) -> bool:
        return frozenset((a, b)) in self.cannot_link


@dataclass(slots=True)
class Cluster:
    members: list[EventMention] = field(default_factory=list)

    @property
    def anchor(self) -> MentionKey:
        return key_of(min(self.members, key=order_key))

    @property
    def event_id(self) -> str:
        return event_id_for(self.anchor)


def _units(mentions: list[EventMention], constraints: Constraints) -> list[list[EventMention]]:
    """Mentions grouped by must-link (union-find), each unit in canonical order."""
    by_key = {key_of(m): m for m in mentions}
    parent = {k: k for k in by_key}

    def root(k: MentionKey) -> MentionKey:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for pair in constraints.must_link:
        a, b = sorted(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
        if a in by_key and b in by_key:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[MentionKey, list[EventMention]] = {}
    for k in sorted(by_key, key=lambda k: order_key(by_key[k])):
        groups.setdefault(root(k), []).append(by_key[k])
    return sorted(groups.values(), key=lambda unit: order_key(unit[0]))


class Fuser:
    """Fuses mentions as they arrive; see the module docstring."""

    def __init__(
        self, settings: FuseSettings | None = None, constraints: Constraints | None = None
    ) -> None:
        self.settings = settings or FuseSettings()
        self.constraints = constraints or Constraints()
        self._mentions: dict[MentionKey, EventMention] = {}
        self.clusters: list[Cluster] = []
        self._decisions: dict[MentionKey, tuple[float, str]] = {}

    def add(self, mentions: Iterable[EventMention]) -> list[MergeDecision]:
        """Fuse new mentions with those seen before; returns the new mentions' decisions.

        A mention already seen (same doc_id and index) is ignored. Earlier clusters may grow
        or merge when a new report links them, never split.
        """
        new = {key_of(m) for m in mentions if key_of(m) not in self._mentions}
        for m in mentions:
            self._mentions.setdefault(key_of(m), m)
        self.refuse()
        return [d for d in self.decisions() if (d.doc_id, d.index) in new]

    def refuse(self) -> None:
        """Cluster every mention seen, canonically (module docstring)."""
        ordered = sorted(self._mentions.values(), key=order_key)
        rank = {key_of(m): i for i, m in enumerate(ordered)}
        sim = text_similarity([mention_text(m) for m in ordered], self.settings.text)
        edges: list[tuple[float, int, int, str]] = []
        rejected: dict[int, tuple[float, int]] = {}
        for i, j in candidate_pairs(ordered, self.settings):
            a, b = ordered[i], ordered[j]
            if blocked(a, b, self.settings) is not None:
                continue
            pair = score_pair(a, b, self.settings, sim(i, j))
            if pair.score >= self.settings.threshold:
                edges.append((pair.score, i, j, pair.explain()))
            else:
                for x, y in ((i, j), (j, i)):
                    if x not in rejected or pair.score > rejected[x][0]:
                        rejected[x] = (pair.score, y)
        groups = _Groups(ordered, self.constraints, self.settings)
        for unit in _units(ordered, self.constraints):
            groups.join_unit([rank[key_of(m)] for m in unit])
        best_edge: dict[int, tuple[float, int, str]] = {}
        for score, i, j, why in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
            groups.merge(i, j)
            for x, y in ((i, j), (j, i)):
                if x not in best_edge:
                    best_edge[x] = (score, y, why)
        self.clusters = [Cluster([ordered[i] for i in members]) for members in groups.all()]
        self._decisions = {}
        for members in groups.all():
            anchor, *rest = members
            self._decisions[key_of(ordered[anchor])] = self._founding(ordered, anchor, rejected)
            for i in rest:
                found = [best_edge[i]] if i in best_edge and best_edge[i][1] in members else []
                found += [(s, y, w) for s, x, y, w in _edges_of(edges, i) if y in members]
                if found:
                    score, y, why = max(found, key=lambda e: (e[0], -e[1]))
                    other = ordered[y]
                    self._decisions[key_of(ordered[i])] = (
                        score,
                        f"joined with {other.doc_id}#{other.index}: {why}",
                    )
                else:
                    first = ordered[anchor]
                    self._decisions[key_of(ordered[i])] = (
                        1.0,
                        f"manual merge with {first.doc_id}#{first.index}",
                    )

    def _founding(
        self, ordered: list[EventMention], anchor: int, rejected: dict[int, tuple[float, int]]
    ) -> tuple[float, str]:
        if anchor not in rejected:
            return 0.0, "new event: no candidate"
        score, other = rejected[anchor]
        m = ordered[other]
        return score, (
            f"new event: best other candidate {m.doc_id}#{m.index} scored {score:.2f}"
            f" < {self.settings.threshold}"
        )

    def groups(self) -> list[tuple[str, list[EventMention]]]:
        """(event_id, members in canonical order) for every cluster, by anchor order."""
        out = [(c.event_id, sorted(c.members, key=order_key)) for c in self.clusters]
        return sorted(out, key=lambda g: order_key(g[1][0]))

    def decisions(self) -> list[MergeDecision]:
        """Why each mention is where it is: the event it belongs to, with score and reason."""
        where = {key_of(m): c.event_id for c in self.clusters for m in c.members}
        return [
            MergeDecision(k[0], k[1], where[k], *self._decisions[k])
            for k in sorted(self._decisions, key=lambda k: order_key(self._mentions[k]))
        ]


def _edges_of(
    edges: list[tuple[float, int, int, str]], i: int
) -> Iterator[tuple[float, int, int, str]]:
    for score, a, b, why in edges:
        if a == i:
            yield score, a, b, why
        elif b == i:
            yield score, b, a, why


def candidate_pairs(ordered: list[EventMention], s: FuseSettings) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) close enough in time to be compared; a sweep over dates."""
    timed = []
    undated = []
    for i, m in enumerate(ordered):
        day, slack = when(m)
        if day is None:
            undated.append(i)
        else:
            timed.append((day.toordinal(), slack, i))
    timed.sort()
    widest = max((slack for _, slack, _ in timed), default=0)
    for n, (day, slack, i) in enumerate(timed):
        for day2, _slack2, j in timed[n + 1 :]:
            if day2 - day > s.date_window_days + slack + widest:
                break
            yield (min(i, j), max(i, j))
    for i in undated:
        for j in range(len(ordered)):
            if j != i and (j not in undated or i < j):
                yield (min(i, j), max(i, j))


class _Groups:
    """Union-find over mention indexes, refusing merges that break a constraint."""

    def __init__(
        self, ordered: list[EventMention], constraints: Constraints, s: FuseSettings
    ) -> None:
        self._ordered = ordered
        self._constraints = constraints
        self._settings = s
        self._members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
        self._root = list(range(len(ordered)))

    def _find(self, i: int) -> int:
        while self._root[i] != i:
            self._root[i] = self._root[self._root[i]]
            i = self._root[i]
        return i

    def _union(self, ra: int, rb: int) -> None:
        keep, gone = min(ra, rb), max(ra, rb)
        self._root[gone] = keep
        self._members[keep] = sorted(self._members[keep] + self._members.pop(gone))

    def join_unit(self, unit: list[int]) -> None:
        for i in unit[1:]:
            ra, rb = self._find(unit[0]), self._find(i)
            if ra != rb:
                self._union(ra, rb)

    def merge(self, i: int, j: int) -> bool:
        ra, rb = self._find(i), self._find(j)
        if ra == rb:
            return False
        linked = self._constraints.must_link
        for x in self._members[ra]:
            for y in self._members[rb]:
                a, b = self._ordered[x], self._ordered[y]
                if self._constraints.apart(key_of(a), key_of(b)):
                    return False
                if frozenset((key_of(a), key_of(b))) in linked:
                    continue
                if blocked(a, b, self._settings) is not None:
                    return False
        self._union(ra, rb)
        return True

    def all(self) -> list[list[int]]:
        return [self._members[r] for r in sorted(self._members)]


def fuse_mentions(
    mentions: Iterable[EventMention],
    settings: FuseSettings | None = None,
    constraints: Constraints | None = None,
) -> Fuser:
    """Cluster all mentions at once, canonically."""
    fuser = Fuser(settings, constraints)
    fuser.add(list(mentions))
    return fuser
