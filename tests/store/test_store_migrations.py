"""Alembic migrations: from empty to head, step by step and back, no drift from the models;
SQLite set-up (WAL, busy timeout, foreign keys); opening errors."""

from __future__ import annotations

import io
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from sitrep.store import SchemaError, default_url, migrate, open_store
from sitrep.store.engine import make_engine
from sitrep.store.schema import Base


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_upgrade_from_empty_has_no_drift(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert migrate.schema_drift(engine) == []
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        engine.dispose()


def test_every_revision_up_and_down(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        for revision in revisions():
            migrate.upgrade(engine, revision)
            assert migrate.current_revision(engine) == revision
        assert migrate.schema_drift(engine) == []
        migrate.downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(engine)
        assert migrate.schema_drift(engine) == []
    finally:
        engine.dispose()


def test_initial_revision_records_creation(store_url_opened: str) -> None:
    engine = make_engine(store_url_opened)
    try:
        with engine.connect() as conn:
            keys = conn.execute(text("SELECT key FROM meta")).scalars().all()
        assert keys == ["created_at"]
    finally:
        engine.dispose()


@pytest.fixture()
def store_url_opened(db_url: str) -> str:
    open_store(db_url).close()
    return db_url


def test_postgresql_ddl_renders_offline() -> None:
    """The migrations compile for PostgreSQL (checked for real when SITREP_TEST_PG_URL is set)."""
    cfg = migrate.alembic_config(url="postgresql://sitrep@localhost/sitrep")
    cfg.output_buffer = io.StringIO()
    command.upgrade(cfg, "head", sql=True)
    sql = cfg.output_buffer.getvalue()
    assert "CREATE TABLE documents" in sql
    assert "warnings JSONB NOT NULL" in sql
    assert "FOREIGN KEY(document_id, event_index) REFERENCES doc_events" in sql


def test_sqlite_is_set_up_for_concurrency(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store, store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def _open_and_close(url: str) -> None:
    open_store(url).close()


def test_concurrent_first_opens(tmp_path: Path) -> None:
    """Several processes open a new database at once: one creates it, none fails."""
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    with ProcessPoolExecutor(3, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(_open_and_close, [url] * 3))  # re-raises any opener's error
    with open_store(url) as store:
        assert store.schema_revision() == migrate.head_revision()


def test_default_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_DB", raising=False)
    assert default_url() == "sqlite:///./sitrep.db"
    monkeypatch.setenv("SITREP_DB", "postgresql://u@h/db")
    assert default_url() == "postgresql://u@h/db"


def test_unsupported_backend() -> None:
    with pytest.raises(SchemaError, match="mysql"):
        open_store("mysql://u@h/db")


def test_database_from_a_newer_sitrep(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    open_store(url).close()
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": "9999_future"})
    engine.dispose()
    with pytest.raises(SchemaError, match="9999_future"):
        open_store(url)
