"""Coreference: separate strikes stay apart, restatements join, order and ids are stable."""

from __future__ import annotations

import random
from datetime import date

from fuse_records import CLASH, STRIKE_9, STRIKE_15, event, mention, scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.fuse import Constraints, Fuser, FuseSettings, event_id_for, fuse_mentions


def clusters(fuser: Fuser) -> set[frozenset[tuple[str, int]]]:
    return {frozenset((m.doc_id, m.index) for m in members) for _, members in fuser.groups()}


def test_scenario_clusters() -> None:
    fuser = fuse_mentions(scenario())
    assert clusters(fuser) == {
        frozenset({("clash-a", 0), ("clash-b", 0), ("restate-c", 0)}),
        frozenset({("clash-a", 1)}),
        frozenset({("strike-d", 0)}),
    }


def test_kabul_strikes_a_week_apart_stay_two_events() -> None:
    a = mention("a", STRIKE_9, date(2025, 10, 12))
    b = mention("b", STRIKE_15, date(2025, 10, 16))
    same_text = mention("c", event(on=date(2025, 10, 15), text=STRIKE_9.evidence.text), None)
    assert len(fuse_mentions([a, b]).groups()) == 2
    assert len(fuse_mentions([a, same_text]).groups()) == 2


def test_restatement_joins_the_clash() -> None:
    fuser = fuse_mentions(scenario())
    decisions = {(d.doc_id, d.index): d for d in fuser.decisions()}
    joined = decisions[("restate-c", 0)]
    assert joined.reason.startswith("joined with")
    assert joined.score >= FuseSettings().threshold
    assert joined.event_id == event_id_for(("clash-a", 0))


def test_every_mention_has_a_decision() -> None:
    fuser = fuse_mentions(scenario())
    assert {(d.doc_id, d.index) for d in fuser.decisions()} == {
        (m.doc_id, m.index) for m in scenario()
    }
    new = [d for d in fuser.decisions() if d.reason.startswith("new event")]
    assert len(new) == len(fuser.groups())


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_order_independent(rng: random.Random) -> None:
    reference = fuse_mentions(scenario())
    shuffled = scenario()
    rng.shuffle(shuffled)
    other = fuse_mentions(shuffled)
    assert other.groups() == reference.groups()
    assert other.decisions() == reference.decisions()


def test_incremental_equals_batch_and_ids_stay_when_a_report_joins() -> None:
    mentions = scenario()
    fuser = Fuser()
    fuser.add(mentions[:3])
    before = {eid for eid, _ in fuser.groups()}
    new = fuser.add(mentions[3:])
    assert {d.doc_id for d in new} == {"restate-c", "strike-d"}
    after = {eid for eid, _ in fuser.groups()}
    assert before <= after  # the clash keeps its id when the restatement joins
    assert fuser.groups() == fuse_mentions(mentions).groups()


def test_ids_are_stable_across_runs() -> None:
    first = [eid for eid, _ in fuse_mentions(scenario()).groups()]
    again = [eid for eid, _ in fuse_mentions(scenario()).groups()]
    assert first == again
    assert event_id_for(("clash-a", 0)) in first


def test_cannot_link_keeps_apart_and_must_link_keeps_together() -> None:
    apart = Constraints(cannot_link=frozenset({frozenset({("clash-a", 0), ("clash-b", 0)})}))
    fuser = fuse_mentions(scenario(), constraints=apart)
    for members in clusters(fuser):
        assert not {("clash-a", 0), ("clash-b", 0)} <= members
    together = Constraints(must_link=frozenset({frozenset({("clash-a", 1), ("strike-d", 0)})}))
    fuser = fuse_mentions(scenario(), constraints=together)
    assert frozenset({("clash-a", 1), ("strike-d", 0)}) in clusters(fuser)


def test_different_types_never_merge() -> None:
    agreement = event("Agreement", date(2025, 10, 11), None, ("Taliban", None), CLASH.evidence.text)
    fuser = fuse_mentions(
        [mention("a", CLASH, date(2025, 10, 12)), mention("b", agreement, date(2025, 10, 12))]
    )
    assert len(fuser.groups()) == 2


def test_text_similarity_can_be_switched_off() -> None:
    fuser = fuse_mentions(scenario(), FuseSettings(text="none"))
    assert all("text" not in d.reason for d in fuser.decisions())
