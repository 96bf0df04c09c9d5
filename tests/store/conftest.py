"""Store fixtures, parametrised over backends (see tests/backends.py): SQLite always,
PostgreSQL when `SITREP_TEST_PG_URL` is set, each test then in a schema of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import BACKENDS, database_url
from sitrep.store import Store, open_store


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture()
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s
