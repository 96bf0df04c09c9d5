"""Exports and the report read from a real SQLite store (records added by hand)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from export_records import documents, fused_from

from sitrep.export.csv import ACLED_COLUMNS, sources_from_store, write_csv
from sitrep.export.jsonl import write_jsonl
from sitrep.export.report import build_report, render_html, render_markdown
from sitrep.models import MergeDecision
from sitrep.store import EventFilter, Store, open_store

NOW = datetime(2025, 10, 20, tzinfo=UTC)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'sitrep.db'}") as s:
        for article, extraction in documents():
            assert s.add_document(article, extraction)
        yield s


def _fuse(store: Store) -> None:
    """Fuse what the store holds (as read back, so mentions and ledger match it exactly)."""
    stored = list(store.iter_extractions(order="doc_id"))
    events = fused_from(stored)
    decisions = [
        MergeDecision(m.doc_id, m.index, e.event_id, 1.0, "test")
        for e in events
        for m in e.mentions
    ]
    store.replace_fused(events, decisions)


def test_report_before_fusion_uses_the_extractions(store: Store) -> None:
    assert store.count_fused() == 0
    md = render_markdown(store, now=NOW)
    assert "per-document extractions" in md
    assert "| Zabihullah Mujahid | party | killed | 58 |" in md
    assert "outlet-doc-a" in md


def test_report_and_exports_from_fused_events(store: Store) -> None:
    _fuse(store)
    assert store.count_fused() == 4

    md = render_markdown(store, now=NOW, country="Afghanistan")
    assert "events fused across sources" in md
    assert "| Zabihullah Mujahid | party | killed | 58 | Pakistani soldiers |" in md
    assert "| ISPR | party | killed | 23 |" in md
    assert "**figure** (Zabihullah Mujahid / ISPR)" in md
    assert "“Title of doc-b”" in md  # sources looked up in the store

    html = render_html(store, now=NOW)
    assert "<script" not in html.lower()
    assert html.count("<circle") == 2

    report = build_report(store, since=NOW.date())  # nothing dated after the 20th
    assert report.n_events == 0 and not report.days

    out = io.StringIO()
    assert write_jsonl(store.iter_fused(EventFilter(country="Pakistan")), out) == 1
    clash = json.loads(out.getvalue())
    assert clash["event_id"] == "ev-clash" and clash["documents"] == ["doc-a", "doc-b"]
    assert [c["claimant"] for c in clash["claims"]] == [
        "Zabihullah Mujahid",
        "Zabihullah Mujahid",
        "ISPR",
        "ISPR",
    ]

    out = io.StringIO(newline="")
    write_csv(store.iter_fused(), out, source_of=sources_from_store(store))
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    rows = {r["event_id_cnty"]: r for r in reader}
    assert list(reader.fieldnames or []) == list(ACLED_COLUMNS)
    assert rows["ev-clash"]["source"] == "outlet-doc-a; outlet-doc-b"
