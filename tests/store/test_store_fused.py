"""Fused events: atomic replacement, round trip, references, filters, merge log."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select
from store_records import TALIBAN_58, documents, fused_events

from records import article
from sitrep.models import DocumentExtraction, EventMention, LedgerClaim, MergeDecision
from sitrep.store import EventFilter, InvalidRecord, Store, UnknownReference, open_store
from sitrep.store.schema import FusedMemberRow


@pytest.fixture()
def filled(store: Store) -> Store:
    for art, ex in documents():
        store.add_document(art, ex)
    events, decisions = fused_events()
    store.replace_fused(events, decisions)
    return store


def ids(store: Store, f: EventFilter | None = None, **kw: int) -> list[str]:
    return [e.event_id for e in store.iter_fused(f, **kw)]


def test_fused_round_trip(filled: Store) -> None:
    events, _ = fused_events()
    for event in events:
        assert filled.get_fused(event.event_id) == event
    assert filled.get_fused("nope") is None
    clash = filled.get_fused("ev-clash")
    assert clash is not None and clash.documents == ("doc-a", "doc-b")


def test_iter_fused_orders_by_date_then_id(filled: Store) -> None:
    assert ids(filled) == ["ev-strike-9", "ev-clash", "ev-strike-15"]
    assert ids(filled, limit=2) == ["ev-strike-9", "ev-clash"]
    assert ids(filled, limit=2, offset=2) == ["ev-strike-15"]
    assert filled.count_fused() == 3


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (EventFilter(date_from=date(2025, 10, 10)), ["ev-clash", "ev-strike-15"]),
        (EventFilter(date_to=date(2025, 10, 11)), ["ev-strike-9", "ev-clash"]),
        (EventFilter(date_from=date(2025, 10, 11), date_to=date(2025, 10, 11)), ["ev-clash"]),
        (EventFilter(country="pakistan"), ["ev-clash"]),
        (EventFilter(country=" Afghanistan "), ["ev-strike-9", "ev-clash", "ev-strike-15"]),
        (EventFilter(country="Afghan"), []),
        (EventFilter(event_type="Battles"), ["ev-clash"]),
        (EventFilter(sub_event_type="Air/drone strike"), ["ev-strike-9", "ev-strike-15"]),
        (EventFilter(actor="taliban"), ["ev-clash"]),
        (EventFilter(actor="Forces of Pakistan"), ["ev-strike-9", "ev-clash", "ev-strike-15"]),
        (EventFilter(text="durand"), ["ev-clash"]),
        (EventFilter(text="drone struck"), ["ev-strike-15"]),
        (EventFilter(text="%"), []),  # a literal percent sign, not a wildcard
        (EventFilter(text="_"), []),
        (EventFilter(event_type="Battles", country="Afghanistan", actor="Taliban"), ["ev-clash"]),
        (EventFilter(event_type="Battles'; DROP TABLE fused_events; --"), []),
    ],
)
def test_filters(filled: Store, f: EventFilter, expected: list[str]) -> None:
    assert ids(filled, f) == expected
    assert filled.count_fused(f) == len(expected)


def test_filter_choices(filled: Store) -> None:
    assert filled.fused_countries() == ["Afghanistan", "Pakistan"]


def test_replace_fused_replaces(filled: Store) -> None:
    events, decisions = fused_events()
    merged = dataclasses.replace(
        events[1],
        event_id="ev-strikes",
        mentions=events[1].mentions + events[2].mentions,
        claims=events[2].claims,
    )
    filled.replace_fused([events[0], merged], [*decisions[:2]])
    assert ids(filled) == ["ev-strikes", "ev-clash"]
    assert filled.get_fused("ev-strike-15") is None
    assert filled.get_fused("ev-strikes") == merged
    # only the new automatic decisions remain
    assert [e.decision for e in filled.merge_log()] == decisions[:2]


def test_unknown_references_leave_previous_fusion(filled: Store) -> None:
    events, decisions = fused_events()
    clash = events[0]
    bad_doc = dataclasses.replace(
        clash, mentions=(EventMention("ghost", 0, clash.event, None),) + clash.mentions
    )
    bad_index = dataclasses.replace(
        clash, mentions=(dataclasses.replace(clash.mentions[0], index=5),)
    )
    bad_event = dataclasses.replace(
        clash, mentions=(dataclasses.replace(clash.mentions[0], event=events[1].event),)
    )
    other_figure = dataclasses.replace(
        TALIBAN_58, count=dataclasses.replace(TALIBAN_58.count, low=9)
    )
    bad_figure = dataclasses.replace(
        clash, claims=(LedgerClaim("doc-a", other_figure, None),) + clash.claims
    )
    wrong_doc_figure = dataclasses.replace(clash, claims=(LedgerClaim("doc-b", TALIBAN_58, None),))
    for bad in (bad_doc, bad_index, bad_event, bad_figure, wrong_doc_figure):
        with pytest.raises(UnknownReference):
            filled.replace_fused([bad], [])
    for event in events:
        assert filled.get_fused(event.event_id) == event
    assert len(filled.merge_log()) == len(decisions)


def test_duplicate_event_ids_are_refused(filled: Store) -> None:
    events, decisions = fused_events()
    with pytest.raises(InvalidRecord):
        filled.replace_fused([events[0], events[0]], decisions)
    assert filled.count_fused() == 3


def test_merge_log_keeps_manual_decisions(filled: Store) -> None:
    events, decisions = fused_events()
    split = MergeDecision("doc-b", 0, "ev-clash-b", 1.0, "manual split: different night")
    filled.log_decision(split)
    filled.replace_fused(events, decisions)
    log = filled.merge_log()
    assert [e.decision for e in log if not e.manual] == decisions
    assert [e.decision for e in log if e.manual] == [split]
    assert all(e.decided_at.tzinfo is not None for e in log)
    assert [e.decision for e in filled.merge_log("ev-clash-b")] == [split]


def test_member_score_and_reason_are_stored(filled: Store) -> None:
    with filled._read() as s:
        rows = s.execute(
            select(FusedMemberRow.event_id, FusedMemberRow.score, FusedMemberRow.reason).order_by(
                FusedMemberRow.event_id, FusedMemberRow.position
            )
        ).all()
    assert ("ev-clash", 0.87, "same date, border, actors") in [tuple(r) for r in rows]


def test_iterating_while_writing(db_url: str, filled: Store) -> None:
    """A reader mid-iteration does not block a writer (WAL on SQLite, MVCC on PostgreSQL)."""
    reader = filled.iter_fused(batch_size=1)
    first = next(reader)
    with open_store(db_url) as writer:
        assert writer.add_document(article("doc-d", "Late news."), DocumentExtraction("doc-d"))
    assert [first.event_id, *(e.event_id for e in reader)] == [
        "ev-strike-9",
        "ev-clash",
        "ev-strike-15",
    ]
