"""Service hardening not covered in test_api_read/test_api_write: the token is compared in
constant time, the server binds loopback unless told, CORS preflights are refused unless
configured, and no request path (raw or encoded dot segments) reaches the file system."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.api import security
from sitrep.cli import app as cli_app

TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/..%2F..%2Fetc%2Fpasswd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/....//....//etc/passwd",
    "/static/%252e%252e%252fetc%252fpasswd",
    "/static/..\\..\\etc\\passwd",
    "/static//etc/passwd",
    "/static/%00common.js",
    "/documents/../../etc/passwd",
    "/documents/..%2F..%2Fetc%2Fpasswd",
    "/documents/%2e%2e/%2e%2e/etc/passwd",
    "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/documents/%2Fetc%2Fpasswd",
    "/events/..%2F..%2Fetc%2Fpasswd",
    "/api/events/..%2F..%2Fetc%2Fpasswd",
    "/../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_request_path_reaches_the_file_system(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "root:" not in r.text and "/bin/" not in r.text
    assert r.headers["x-content-type-options"] == "nosniff"  # our error, not a file


def test_token_is_compared_in_constant_time(
    make_writable_client: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def recording(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", recording)
    client = make_writable_client(token=token)
    body = {"event_ids": ["nope-1", "nope-2"]}
    for given in ("x", token[:-1] + "y", token):
        client.post("/api/events/merge", json=body, headers={"Authorization": f"Bearer {given}"})
    assert [(a.decode(), b.decode()) for a, b in calls] == [
        ("x", token),
        (token[:-1] + "y", token),
        (token, token),
    ]


def test_serve_binds_loopback_unless_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bound: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: bound.append(kw))
    monkeypatch.delenv("SITREP_API_TOKEN", raising=False)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    runner = CliRunner()
    assert runner.invoke(cli_app, ["serve", "--db", db]).exit_code == 0
    assert runner.invoke(cli_app, ["serve", "--db", db, "--host", "0.0.0.0"]).exit_code == 0
    assert [kw["host"] for kw in bound] == ["127.0.0.1", "0.0.0.0"]
    assert all(kw["proxy_headers"] is False and kw["server_header"] is False for kw in bound)


def test_cors_preflight_refused_unless_configured(
    make_client: Callable[..., TestClient],
) -> None:
    preflight = {
        "Origin": "https://elsewhere.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    r = make_client().options("/documents", headers=preflight)
    assert "access-control-allow-origin" not in r.headers
    assert "access-control-allow-methods" not in r.headers
    r = make_client(cors_origins=["https://friend.example"]).options(
        "/documents", headers=preflight
    )
    assert r.headers.get("access-control-allow-origin") != "https://elsewhere.example"
    assert "*" not in r.headers.get("access-control-allow-origin", "")


def test_errors_carry_the_security_headers(
    make_writable_client: Callable[..., TestClient], token: str
) -> None:
    client = make_writable_client(token=token, writes_per_minute=1, max_body_bytes=100)
    body = {"event_ids": ["nope-1", "nope-2"]}
    responses = [
        client.post("/api/events/merge", json=body, headers={"Authorization": f"Bearer {token}"}),
        client.post("/api/events/merge", json=body),  # 429: over the write limit
        client.post("/documents", content=b"x" * 200),  # 413
        client.get("/api/events?limit=100000"),  # 422
    ]
    assert [r.status_code for r in responses] == [404, 429, 413, 422]
    for r in responses:
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"
