"""An analyst's merges and splits: updated fused events, and decisions that later fusion honours.

A manual decision is a MergeDecision whose reason carries, after a fixed marker, the mentions
it ties the decided mention to, as JSON `[[doc_id, index], ...]`:

- merge: "manual merge of A and B; link [[...]]" — must-link with every other member;
- split: "manual split from A; apart [[...]]" — cannot-link with every remaining member.

`constraints_from_log` replays logged decisions oldest first: a split removes earlier
must-links of the split mention, a merge removes earlier cannot-links between the merged
mentions. The Fuser then keeps must-linked mentions together and cannot-linked apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Protocol

from sitrep.fuse.build import build_event
from sitrep.fuse.cluster import Constraints, event_id_for
from sitrep.fuse.contradictions import SourceText
from sitrep.fuse.mentions import MentionKey, key_of, order_key
from sitrep.fuse.similarity import FuseSettings
from sitrep.models import EventMention, FusedEvent, MergeDecision

MERGE_MARK = "; link "
SPLIT_MARK = "; apart "


class LoggedDecision(Protocol):
    """What the store's merge log holds (store.MergeLogEntry)."""

    @property
    def decision(self) -> MergeDecision: ...

    @property
    def manual(self) -> bool: ...


def _keys_json(keys: Iterable[MentionKey]) -> str:
    return json.dumps([[d, i] for d, i in keys])


def _parse(reason: str, mark: str) -> list[MentionKey] | None:
    head, found, tail = reason.rpartition(mark)
    if not found or not head.startswith("manual "):
        return None
    try:
        return [(str(d), int(i)) for d, i in json.loads(tail)]
    except (ValueError, TypeError):
        return None


def merge_events(
    a: FusedEvent,
    b: FusedEvent,
    texts: Mapping[str, SourceText] | None = None,
    settings: FuseSettings | None = None,
) -> tuple[FusedEvent, list[MergeDecision]]:
    """One event from two, with a manual decision for each member (must-link with the rest)."""
    if a.event_id == b.event_id:
        raise ValueError(f"cannot merge {a.event_id} with itself")
    members = sorted({key_of(m): m for m in (*a.mentions, *b.mentions)}.values(), key=order_key)
    event_id = event_id_for(key_of(members[0]))
    decisions = []
    for m in members:
        others = [key_of(o) for o in members if key_of(o) != key_of(m)]
        reason = f"manual merge of {a.event_id} and {b.event_id}{MERGE_MARK}{_keys_json(others)}"
        decisions.append(MergeDecision(m.doc_id, m.index, event_id, 1.0, reason))
    return build_event(event_id, members, texts, settings), decisions


def split_mention(
    event: FusedEvent,
    doc_id: str,
    index: int,
    texts: Mapping[str, SourceText] | None = None,
    settings: FuseSettings | None = None,
) -> tuple[FusedEvent, FusedEvent, MergeDecision]:
    """Take one mention out of an event: (what remains, the mention's own event, decision)."""
    target = (doc_id, index)
    alone = [m for m in event.mentions if key_of(m) == target]
    rest: list[EventMention] = [m for m in event.mentions if key_of(m) != target]
    if not alone:
        raise ValueError(f"{doc_id}#{index} is not a member of {event.event_id}")
    if not rest:
        raise ValueError(f"{event.event_id} has no other member to split {doc_id}#{index} from")
    rest.sort(key=order_key)
    new_id = event_id_for(target)
    reason = f"manual split from {event.event_id}{SPLIT_MARK}{_keys_json(key_of(m) for m in rest)}"
    decision = MergeDecision(doc_id, index, new_id, 0.0, reason)
    remaining = build_event(event_id_for(key_of(rest[0])), rest, texts, settings)
    return remaining, build_event(new_id, alone, texts, settings), decision


def constraints_from_decisions(decisions: Iterable[MergeDecision]) -> Constraints:
    """Must-link and cannot-link pairs from manual decisions, replayed in the given order."""
    must: set[frozenset[MentionKey]] = set()
    cannot: set[frozenset[MentionKey]] = set()
    for d in decisions:
        me = (d.doc_id, d.index)
        linked = _parse(d.reason, MERGE_MARK)
        if linked is not None:
            for other in linked:
                pair = frozenset((me, other))
                must.add(pair)
                cannot.discard(pair)
            continue
        apart = _parse(d.reason, SPLIT_MARK)
        if apart is not None:
            must = {p for p in must if me not in p}
            for other in apart:
                cannot.add(frozenset((me, other)))
    return Constraints(must_link=frozenset(must), cannot_link=frozenset(cannot))


def constraints_from_log(entries: Iterable[LoggedDecision]) -> Constraints:
    """The constraints of the manual entries of a merge log (oldest first, as the store gives)."""
    return constraints_from_decisions(e.decision for e in entries if e.manual)
