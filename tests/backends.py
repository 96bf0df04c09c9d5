"""The database backends the store, fusion and API tests run on: SQLite always, PostgreSQL
when `SITREP_TEST_PG_URL` is set (`.ci/run` starts one with scripts/ci/postgres.sh).

On PostgreSQL every user gets a schema of its own (dropped afterwards), so tests share one
server and one database yet never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

PG_URL = os.environ.get("SITREP_TEST_PG_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="SITREP_TEST_PG_URL not set"),
    ),
]


@contextmanager
def database_url(backend: str, folder: Path, name: str = "sitrep.db") -> Iterator[str]:
    """A URL of an empty database on `backend`: an SQLite file in `folder`, or a fresh
    PostgreSQL schema (the URL sets its search_path), dropped with everything in it at exit."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / name}"
        return
    assert backend == "postgresql" and PG_URL is not None
    schema = f"sitrep_test_{uuid.uuid4().hex[:12]}"  # generated, so safe to quote in DDL
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        try:
            yield url.render_as_string(hide_password=False)
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()
