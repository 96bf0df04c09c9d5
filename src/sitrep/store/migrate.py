"""Alembic, configured in code: the migrations ship inside the package, no alembic.ini needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from sitrep.store.engine import WRITE
from sitrep.store.schema import Base

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """A Config for the packaged migrations, bound to an open connection (or a URL, offline)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision`, in one transaction that holds the write lock.

    Concurrent openers serialise on that lock (PostgreSQL: an advisory lock taken in env.py),
    so two processes opening a new database at once do not both create its tables.
    """
    with engine.connect() as conn:
        conn = conn.execution_options(**WRITE)
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.connect() as conn:
        conn = conn.execution_options(**WRITE)
        command.downgrade(alembic_config(conn), revision)


def schema_drift(engine: Engine) -> list[Any]:
    """Differences between the ORM schema and the database (empty when migrations match)."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, Base.metadata))
