"""The service's guards: security headers and a 500 of our own shape on every response, a
request body limit, bearer-token checks in constant time, and a rate limit on writes.

`SecurityHeaders` is a plain ASGI middleware installed outermost among ours, so that errors
raised anywhere (including an unexpected exception, which it turns into a JSON 500 after
logging it) still carry the headers. The CSP allows scripts and styles only from this origin:
no inline script, no inline event handler, no `eval`.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.api.errors import ApiError, error_bytes

log = logging.getLogger(__name__)

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ]
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


async def _send_error(send: Send, status: int, message: str) -> None:
    body = error_bytes(status, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the security headers to every HTTP response; unexpected errors become JSON 500s."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _send_error(send, 500, "internal error (logged on the server)")


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than the limit of {limit} bytes")


class BodyLimit:
    """Refuses request bodies over `max_bytes` with 413: by Content-Length before reading, and
    by counting while reading (for chunked bodies or a lying header)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_error(send, 400, "Content-Length is not a number")
                    return
                if declared > self.max_bytes:
                    await _send_error(send, 413, str(BodyTooLarge(self.max_bytes).detail))
                    return
        received = 0

        async def counting() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counting, send)


class RateLimiter:
    """At most `limit` calls per `window` seconds per client (a sliding window, in memory)."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        now = self._clock()
        with self._lock:
            calls = self._calls.setdefault(client, deque())
            while calls and calls[0] <= now - self.window:
                calls.popleft()
            if len(calls) >= self.limit:
                retry = max(1, int(calls[0] + self.window - now + 0.999))
                raise ApiError(
                    429,
                    f"too many write requests: at most {self.limit} per {self.window:g} s",
                    headers={"Retry-After": str(retry)},
                )
            calls.append(now)
            if len(self._calls) > 10_000:  # forget idle clients; bounded memory
                for key in [k for k, v in self._calls.items() if not v]:
                    del self._calls[key]


def check_bearer(authorization: str | None, token: str | None) -> None:
    """401 without credentials, 403 with wrong ones or when writes are not enabled."""
    if not token:
        raise ApiError(
            403,
            "writes are disabled on this server: no API token is configured "
            "(set SITREP_API_TOKEN or pass a token when starting it)",
            code="writes_disabled",
        )
    if not authorization:
        raise ApiError(
            401,
            "this endpoint needs 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": 'Bearer realm="sitrep"'},
        )
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401,
            "malformed Authorization header: expected 'Bearer <token>'",
            headers={"WWW-Authenticate": 'Bearer realm="sitrep", error="invalid_request"'},
        )
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise ApiError(403, "invalid API token", code="invalid_token")
