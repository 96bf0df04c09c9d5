"""The two seed articles, extracted for real and fused (FORMAT.md §6; issue 4's done-when)."""

from __future__ import annotations

import random
from datetime import date

from sitrep.fuse import fuse_pairs


def test_kabul_strikes_of_the_seeds_stay_two_events(seed_pairs) -> None:
    result = fuse_pairs(seed_pairs)
    kabul = [
        e
        for e in result.events
        if e.event.sub_event_type == "Air/drone strike"
        and e.event.place is not None
        and e.event.place.name == "Kabul"
    ]
    assert len(kabul) == 2
    by_doc = {e.documents: e for e in kabul}
    assert set(by_doc) == {("seed-000",), ("seed-002",)}
    assert by_doc[("seed-000",)].event.date == date(2025, 10, 15)
    earlier = by_doc[("seed-002",)].event.date
    assert earlier is not None and earlier <= date(2025, 10, 11)
    kinds = {c.kind for c in by_doc[("seed-000",)].contradictions}
    assert {"explanation", "no_response"} <= kinds  # oil tanker; "has not issued a response"


def test_seed_claims_keep_their_sources_and_order_does_not_matter(seed_pairs) -> None:
    result = fuse_pairs(seed_pairs)
    clash = next(
        e for e in result.events if "seed-002" in e.documents and e.event.event_type == "Battles"
    )
    assert clash.claims and all(
        c.doc_id == "seed-002" and c.figure.evidence.text for c in clash.claims
    )
    assert clash.fatalities is not None and clash.fatalities.rule.startswith("v1:")
    shuffled = list(reversed(seed_pairs))
    random.Random(0).shuffle(shuffled)
    assert fuse_pairs(shuffled).events == result.events
