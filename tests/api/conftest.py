"""API fixtures: a store filled with hand-built records, on each backend (see
tests/backends.py: SQLite always, PostgreSQL when `SITREP_TEST_PG_URL` is set), and
TestClients over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from api_records import fill
from fastapi.testclient import TestClient

from backends import BACKENDS, database_url
from sitrep.api import create_app
from sitrep.settings import Settings
from sitrep.store import open_store


@pytest.fixture(scope="session")
def token() -> str:
    """The write token the tests give `create_app` (a fixture, not a constant to import:
    every test folder has a `conftest` module, so `from conftest import` picks one by chance)."""
    return "s3cret-token-for-tests"


@pytest.fixture(scope="session")
def auth(token: str) -> dict[str, str]:
    """The Authorization header that carries `token`."""
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def read_db(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One filled store per module and backend, for tests that only read."""
    with database_url(backend, tmp_path_factory.mktemp("api-read")) as url:
        with open_store(url) as store:
            fill(store)
        yield url


@pytest.fixture()
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A filled store of the test's own, for tests that write."""
    with database_url(backend, tmp_path) as url:
        with open_store(url) as store:
            fill(store)
        yield url


def _client_factory(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., TestClient]]:
    monkeypatch.delenv("SITREP_API_TOKEN", raising=False)
    monkeypatch.delenv("SITREP_API_CORS_ORIGINS", raising=False)
    clients: list[TestClient] = []

    def make(**kwargs: object) -> TestClient:
        app = create_app(Settings(db_url=db_url), **kwargs)  # type: ignore[arg-type]
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture()
def make_client(
    read_db: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., TestClient]]:
    """TestClient factory over the read-only store: `make_client(**create_app kwargs)`."""
    yield from _client_factory(read_db, monkeypatch)


@pytest.fixture()
def make_writable_client(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., TestClient]]:
    """TestClient factory over a store of the test's own."""
    yield from _client_factory(db_url, monkeypatch)


@pytest.fixture()
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
