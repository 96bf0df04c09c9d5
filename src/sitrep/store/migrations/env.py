"""Alembic environment for sitrep's packaged migrations (configured in code, see migrate.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from sitrep.store.engine import WRITE, make_engine
from sitrep.store.errors import SchemaError
from sitrep.store.schema import Base

#: Key of the PostgreSQL advisory lock that serialises concurrent migrations.
MIGRATION_LOCK = 0x5172E9

config = context.config
target_metadata = Base.metadata


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        **kwargs,
    )


def run_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        # SQLite's DDL is transactional (Alembic assumes not, for the sqlite3 module's old
        # implicit COMMITs, which make_engine turns off): every revision of one upgrade runs
        # in one BEGIN IMMEDIATE transaction, as on PostgreSQL.
        _configure(connection=connection, transactional_ddl=True)
        _run_sqlite(connection)
        return
    _configure(connection=connection)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


def _run_sqlite(connection: Connection) -> None:
    """Migrate with foreign keys off, checked before commit.

    Batch mode rebuilds a table by copy, drop and rename; with foreign keys on, dropping a
    table that other rows reference fails (or, with ON DELETE CASCADE, deletes those rows).
    SQLite ignores this pragma inside a transaction, so it is set on the driver connection
    before BEGIN; `foreign_key_check` then refuses to commit a migration that broke a
    reference.
    """
    raw = connection.connection.driver_connection
    toggle = raw is not None and not connection.in_transaction()
    if toggle:
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with context.begin_transaction():
            context.run_migrations()
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise SchemaError(f"migration broke foreign keys (table, rowid, …): {broken[:5]}")
    finally:
        if toggle:
            raw.execute("PRAGMA foreign_keys=ON")


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    assert url, "set sqlalchemy.url or pass a connection in config.attributes"
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn.execution_options(**WRITE))
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
