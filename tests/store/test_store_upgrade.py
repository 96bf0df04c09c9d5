"""Upgrading a database that holds data: one created at the previous schema revision, with
rows in every table, comes to head with every row intact (and back down again), and the
store then reads it exactly as it reads a database created at head."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, Table, inspect, select, text
from store_records import documents, fused_events

from records import KABUL, article, evidence, strike
from sitrep.models import DocumentExtraction, MergeDecision
from sitrep.store import EventFilter, Store, migrate, open_store
from sitrep.store.engine import make_engine
from sitrep.store.schema import Base

HERAT = dataclasses.replace(KABUL, name="Herat", admin1="Hērāt", latitude=34.34, longitude=62.2)


def previous_revision() -> str:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    down = script.get_revision(migrate.head_revision()).down_revision
    assert isinstance(down, str), "head has one parent"
    return down


def fill(store: Store) -> None:
    """Rows in every table: documents, events, claims, fused events, both kinds of merge-log
    entries, a shard marker; a place with an accented admin1."""
    for art, ex in documents():
        assert store.add_document(art, ex)
    herat = strike(evidence("A drone struck Herat", 10), on=date(2025, 10, 14))
    herat = dataclasses.replace(herat, place=HERAT)
    art_d = article("doc-d", "A drone struck Herat on Tuesday.", published=date(2025, 10, 15))
    assert store.add_document(
        art_d, DocumentExtraction(doc_id="doc-d", events=(herat,), published=art_d.published)
    )
    events, decisions = fused_events()
    store.replace_fused(events, decisions)
    store.log_decision(MergeDecision("doc-b", 0, "ev-b-alone", 0.0, "analyst split"))
    store.mark_shard_done("corpus.jsonl:0-99", {"stored": 4, "failed": 1})


def snapshot(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (bar alembic_version), in primary-key order."""
    meta = MetaData()
    meta.reflect(engine)
    rows: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            if name == "alembic_version":
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            rows[name] = [dict(r) for r in conn.execute(select(table).order_by(*order)).mappings()]
    return rows


def copy_rows(source: Engine, target: Engine) -> None:
    """Copy every row from `source` (at head) into `target` (at an older revision): only the
    columns the target has, ids kept, sequences moved past them on PostgreSQL."""
    meta = MetaData()
    meta.reflect(target)
    with source.connect() as src, target.begin() as dst:
        dst.execute(meta.tables["meta"].delete())
        for table in Base.metadata.sorted_tables:
            old: Table = meta.tables[table.name]
            columns = [table.c[c.name] for c in old.columns]
            found = [dict(r) for r in src.execute(select(*columns)).mappings()]
            if found:
                dst.execute(old.insert(), found)
            if target.dialect.name == "postgresql" and "id" in old.c and found:
                dst.execute(
                    text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n)"),
                    {"t": table.name, "n": max(r["id"] for r in found)},
                )


@pytest.fixture()
def source(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'source.db'}") as store:
        fill(store)
        yield store


def without(rows: dict[str, list[dict[str, Any]]], column: str) -> dict[str, list[dict[str, Any]]]:
    return {t: [{k: v for k, v in r.items() if k != column} for r in rs] for t, rs in rows.items()}


def test_upgrade_keeps_every_row(db_url: str, source: Store) -> None:
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine, previous_revision())
        copy_rows(source._engine, engine)
        before = snapshot(engine)
        assert all(before[t] for t in Base.metadata.tables), "every table holds rows"

        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert migrate.schema_drift(engine) == []
        after = snapshot(engine)
        assert without(after, "admin1_folded") == before
        folded = {r["admin1"]: r["admin1_folded"] for r in after["places"]}
        assert folded == {None: None, "Kabul": "kabul", "Hērāt": "herat"}

        migrate.downgrade(engine, previous_revision())  # and back, rows intact
        assert snapshot(engine) == before
        migrate.upgrade(engine)
        assert snapshot(engine) == after
    finally:
        engine.dispose()

    with open_store(db_url) as upgraded:
        for art, _ in [*documents(), (article("doc-d", ""), None)]:
            assert upgraded.get_article(art.doc_id) == source.get_article(art.doc_id)
            assert upgraded.get_extraction(art.doc_id) == source.get_extraction(art.doc_id)
        assert list(upgraded.iter_fused()) == list(source.iter_fused())
        assert [e.decision for e in upgraded.merge_log()] == [
            e.decision for e in source.merge_log()
        ]
        assert upgraded.shard_counts("corpus.jsonl:0-99") == {"stored": 4, "failed": 1}
        # new rows get fresh ids after the copied ones
        art_e = article("doc-e", "Another text entirely.")
        assert upgraded.add_document(art_e, DocumentExtraction(doc_id="doc-e"))
        assert upgraded.count_documents() == 5


def test_admin1_filter(store: Store) -> None:
    fill(store)
    events, decisions = fused_events()
    herat_event = dataclasses.replace(events[2].event, place=HERAT)
    events[2] = dataclasses.replace(events[2], event=herat_event)
    store.replace_fused(events, decisions)

    def ids(admin1: str) -> list[str]:
        return [e.event_id for e in store.iter_fused(EventFilter(admin1=admin1))]

    assert ids("Kabul") == ["ev-strike-9"]
    assert ids("  KABUL ") == ["ev-strike-9"]
    assert ids("herat") == ids("Hērāt") == ["ev-strike-15"]
    assert ids("Kandahar") == []
    assert store.count_fused(EventFilter(admin1="kabul", event_type="Battles")) == 0
    indexes = inspect(store._engine).get_indexes("places")
    assert ["admin1_folded"] in [i["column_names"] for i in indexes]
