"""Fusion over a real store, on each backend (tests/backends.py): replace_fused accepts it,
get_fused round-trips it, and manual splits and merges survive re-fusion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fuse_records import CLASH, CLASH_TEXT, RESTATED, STRIKE_9, STRIKE_15, doc, figure

from backends import BACKENDS, database_url
from sitrep.fuse import event_id_for, fuse_store, merge_in_store, split_in_store
from sitrep.models import ClaimantType, VictimKind
from sitrep.store import Store, open_store

SF = VictimKind.SECURITY_FORCES


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with database_url(request.param, tmp_path, "fuse.db") as url, open_store(url) as s:
        _fill(s)
        yield s


def _fill(s: Store) -> None:
    taliban = figure(58, "Zabihullah Mujahid", ClaimantType.PARTY, kind=SF, side="Pakistan")
    ispr = figure(23, "ISPR", ClaimantType.PARTY, kind=SF, side="Pakistan")
    docs = [
        doc("clash-a", CLASH_TEXT + " Pakistan has not responded.", (CLASH, STRIKE_9), (taliban,)),
        doc("clash-b", CLASH_TEXT + " ISPR spoke.", (CLASH,), (ispr,)),
        doc("restate-c", RESTATED.evidence.text, (RESTATED,), published=date(2025, 10, 14)),
        doc("strike-d", STRIKE_15.evidence.text, (STRIKE_15,), published=date(2025, 10, 16)),
    ]
    for article, extraction in docs:
        assert s.add_document(article, extraction)


def test_fuse_store_round_trips(store: Store) -> None:
    result = fuse_store(store)
    assert result.documents == 4 and result.mentions == 5
    for event in result.events:
        assert store.get_fused(event.event_id) == event
    clash = store.get_fused(event_id_for(("clash-a", 0)))
    assert clash is not None
    assert clash.documents == ("clash-a", "clash-b", "restate-c")
    assert clash.fatalities is not None  # ISPR admits its own losses: best; Taliban bounds
    assert (clash.fatalities.low, clash.fatalities.best, clash.fatalities.high) == (23, 23, 58)
    assert {c.figure.claimant.name for c in clash.claims} == {"Zabihullah Mujahid", "ISPR"}
    assert {c.kind for c in clash.contradictions} >= {"figure", "no_response"}
    again = fuse_store(store)
    assert [e.event_id for e in again.events] == [e.event_id for e in result.events]


def test_manual_split_and_merge_survive_refusion(store: Store) -> None:
    fuse_store(store)
    clash_id = event_id_for(("clash-a", 0))
    alone = split_in_store(store, clash_id, "clash-b", 0)
    assert alone != clash_id
    assert store.get_fused(alone).documents == ("clash-b",)  # type: ignore[union-attr]
    fuse_store(store)  # automatic re-fusion honours the split
    assert store.get_fused(clash_id).documents == ("clash-a", "restate-c")  # type: ignore[union-attr]
    strike = event_id_for(("strike-d", 0))
    merged = merge_in_store(store, event_id_for(("clash-a", 1)), strike)
    fuse_store(store)
    assert set(store.get_fused(merged).documents) == {"clash-a", "strike-d"}  # type: ignore[union-attr]
    manual = [e for e in store.merge_log() if e.manual]
    assert len(manual) == 3
