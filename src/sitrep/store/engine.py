"""Engines for SQLite (default) and PostgreSQL, set up for a reader and a writer at once.

SQLite: WAL journal (readers never block the writer), a busy timeout instead of "database is
locked", foreign keys enforced, and SQLAlchemy (not the sqlite3 module) emitting BEGIN — plain
BEGIN for reads, BEGIN IMMEDIATE for writes (`WRITE`), so that a write transaction takes the
write lock before its first read and cannot fail half-way on a lock upgrade.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url

#: Environment variable naming the database when no URL is given.
ENV_URL = "SITREP_DB"
DEFAULT_URL = "sqlite:///./sitrep.db"

#: Execution option that makes SQLite open the transaction with BEGIN IMMEDIATE.
WRITE = {"sitrep_write": True}

BUSY_TIMEOUT_MS = 30_000


def default_url() -> str:
    """`$SITREP_DB` if set, else an SQLite file `sitrep.db` in the working directory."""
    return os.environ.get(ENV_URL) or DEFAULT_URL


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, **kwargs: Any) -> Engine:
    """An engine for `url`; on SQLite with WAL, busy timeout, foreign keys and explicit BEGIN."""
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True, **kwargs)

    engine = create_engine(url, **kwargs)
    in_memory = make_url(url).database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            # First, so that switching the journal below also waits instead of failing.
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
                # NORMAL is durable against a killed process in WAL mode (not a power cut).
                cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get("sitrep_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
