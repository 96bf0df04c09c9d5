"""Manual merge and split: updated events, decisions, and constraints later fusion honours."""

from __future__ import annotations

import pytest
from fuse_records import scenario

from sitrep.fuse import (
    constraints_from_decisions,
    event_id_for,
    fuse_mentions,
    merge_events,
    split_mention,
)
from sitrep.fuse.orchestrate import events_of


def fused():
    return {e.event_id: e for e in events_of(fuse_mentions(scenario()))}


def test_merge_events_and_the_constraint_it_leaves() -> None:
    events = fused()
    clash = events[event_id_for(("clash-a", 0))]
    strike = events[event_id_for(("strike-d", 0))]
    merged, decisions = merge_events(clash, strike)
    assert merged.event_id == clash.event_id
    assert set(merged.documents) == {"clash-a", "clash-b", "restate-c", "strike-d"}
    assert all(d.score == 1.0 and d.reason.startswith("manual merge") for d in decisions)
    constraints = constraints_from_decisions(decisions)
    refused = fuse_mentions(scenario(), constraints=constraints)
    groups = {frozenset((m.doc_id, m.index) for m in ms) for _, ms in refused.groups()}
    assert frozenset({m for m in ((x.doc_id, x.index) for x in merged.mentions)}) in groups


def test_split_mention_and_replay_order() -> None:
    clash = fused()[event_id_for(("clash-a", 0))]
    remaining, alone, decision = split_mention(clash, "clash-b", 0)
    assert [m.doc_id for m in alone.mentions] == ["clash-b"]
    assert "clash-b" not in remaining.documents
    assert remaining.event_id == clash.event_id  # the anchor stayed
    constraints = constraints_from_decisions([decision])
    refused = fuse_mentions(scenario(), constraints=constraints)
    where = {(m.doc_id, m.index): eid for eid, ms in refused.groups() for m in ms}
    assert where[("clash-b", 0)] != where[("clash-a", 0)]
    # a later manual merge of the same two undoes the split
    again = {e.event_id: e for e in events_of(refused)}
    _, decisions = merge_events(again[where[("clash-a", 0)]], again[where[("clash-b", 0)]])
    replayed = constraints_from_decisions([decision, *decisions])
    refused = fuse_mentions(scenario(), constraints=replayed)
    where = {(m.doc_id, m.index): eid for eid, ms in refused.groups() for m in ms}
    assert where[("clash-b", 0)] == where[("clash-a", 0)]


def test_split_refuses_nonsense() -> None:
    events = fused()
    strike = events[event_id_for(("strike-d", 0))]
    with pytest.raises(ValueError):
        split_mention(strike, "strike-d", 0)
    with pytest.raises(ValueError):
        split_mention(strike, "nope", 3)
    with pytest.raises(ValueError):
        merge_events(strike, strike)
