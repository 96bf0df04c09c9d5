"""Reads are snapshots: a reader streaming fused events while a re-fusion commits sees the
old fusion whole (events, members, ledger) and never a mix of old rows and new."""

from __future__ import annotations

import dataclasses

from store_records import documents, fused_events

from sitrep.models import FusedEvent
from sitrep.store import Store, open_store


def test_a_stream_is_one_snapshot(db_url: str, store: Store) -> None:
    for art, ex in documents():
        store.add_document(art, ex)
    events, decisions = fused_events()
    store.replace_fused(events, decisions)
    before = list(store.iter_fused())

    # The re-fusion keeps every event id but drops the clash's second source and its claims.
    clash = events[0]
    refused: list[FusedEvent] = [
        dataclasses.replace(
            clash, mentions=clash.mentions[:1], claims=clash.claims[:1], contradictions=()
        ),
        *events[1:],
    ]

    reader = store.iter_fused(batch_size=1)  # members and ledgers load batch by batch
    first = next(reader)
    with open_store(db_url) as writer:
        writer.replace_fused(refused, decisions[:1] + decisions[2:])
    assert [first, *reader] == before
    assert {e.event_id: e for e in store.iter_fused()} == {e.event_id: e for e in refused}
