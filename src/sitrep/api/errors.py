"""One JSON error shape for every error the API returns:

    {"error": {"status": 422, "code": "invalid_request", "message": "…", "details": [...]}}

`details` lists, for a validation error, where (`loc`) and what (`msg`) failed; it is empty
otherwise. Library errors are translated here, at the edge, and nowhere else.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(HTTPException):
    """An error with a status, a stable code and a message meant for the caller."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Sequence[dict[str, Any]] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code or CODES.get(status, "error")
        self.details = list(details)


def error_body(
    status: int, message: str, code: str | None = None, details: Sequence[dict[str, Any]] = ()
) -> dict[str, Any]:
    return {
        "error": {
            "status": status,
            "code": code or CODES.get(status, "error"),
            "message": message,
            "details": list(details),
        }
    }


def error_bytes(status: int, message: str, code: str | None = None) -> bytes:
    return json.dumps(error_body(status, message, code)).encode("utf-8")


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        item: dict[str, Any] = {
            "loc": [str(p) for p in err.get("loc", ())],
            "msg": err.get("msg", ""),
            "type": err.get("type", ""),
        }
        if "ctx" in err:
            item["ctx"] = _jsonable(err["ctx"])
        details.append(item)
    return details


def _summary(details: list[dict[str, Any]]) -> str:
    parts = []
    for d in details[:5]:
        where = ".".join(p for p in d["loc"] if p not in {"query", "path", "body"}) or "request"
        parts.append(f"{where}: {d['msg']}")
    return "invalid request: " + "; ".join(parts) if parts else "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        return JSONResponse(error_body(422, _summary(details), details=details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        if isinstance(exc, ApiError):
            body = error_body(status, str(exc.detail), exc.code, exc.details)
        else:
            message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(status).phrase
            body = error_body(status, message)
        return JSONResponse(body, status_code=status, headers=getattr(exc, "headers", None))
