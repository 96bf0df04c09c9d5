"""API fixtures: a tmp SQLite store filled with hand-built records, and TestClients over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from api_records import fill
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.settings import Settings
from sitrep.store import open_store

TOKEN = "s3cret-token-for-tests"


def filled_db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'sitrep.db'}"
    with open_store(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="module")
def read_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One filled store per module, for tests that only read."""
    return filled_db(tmp_path_factory.mktemp("api-read"))


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    """A filled store of the test's own, for tests that write."""
    return filled_db(tmp_path)


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
