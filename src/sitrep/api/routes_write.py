"""Write endpoints: ingest documents, merge and split events. Each needs the bearer token and
is rate limited; without a configured token they are refused (403)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from sitrep.api.context import AppContext, context
from sitrep.api.errors import ApiError
from sitrep.api.schemas import DOCUMENTS_BODY, MergeRequest, SplitRequest
from sitrep.api.security import check_bearer

Ctx = Annotated[AppContext, Depends(context)]
MAX_DOCUMENTS = 100


def _writer_guard(request: Request) -> None:
    """Rate limit first (failed attempts count too, which slows token guessing), then the
    bearer token."""
    ctx: AppContext = request.app.state.sitrep
    client = request.client.host if request.client else "unknown"
    ctx.limiter.check(client)
    check_bearer(request.headers.get("authorization"), ctx.token)


router = APIRouter(tags=["write"], dependencies=[Depends(_writer_guard)])

AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "no or malformed Authorization header"},
    403: {"description": "wrong token, or writes disabled (no token configured)"},
    413: {"description": "request body over the limit"},
    422: {"description": "invalid request"},
    429: {"description": "too many write requests"},
}


def _records(body: bytes, content_type: str | None) -> list[Any]:
    if content_type and content_type.split(";")[0].strip().lower() not in {
        "application/json",
        "text/json",
    }:
        raise ApiError(415, "send the documents as application/json")
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise ApiError(422, f"invalid request: body is not valid JSON ({err})") from None
    records = value if isinstance(value, list) else [value]
    if not records:
        raise ApiError(422, "invalid request: an empty list of documents")
    if len(records) > MAX_DOCUMENTS:
        raise ApiError(422, f"invalid request: at most {MAX_DOCUMENTS} documents per request")
    if not all(isinstance(r, dict) for r in records):
        raise ApiError(422, "invalid request: give a FORMAT.md §1 object or a list of them")
    return records


@router.post(
    "/documents",
    summary="Ingest articles (FORMAT.md §1 objects, one or a list): extract, store, re-fuse",
    openapi_extra=DOCUMENTS_BODY,
    responses={
        200: {"description": "nothing new stored; per-item results say why"},
        201: {"description": "at least one document stored"},
        415: {"description": "not JSON"},
        **AUTH_RESPONSES,
    },
)
async def post_documents(request: Request, ctx: Ctx) -> JSONResponse:
    records = _records(await request.body(), request.headers.get("content-type"))
    result = await run_in_threadpool(ctx.writer.ingest, records)
    body = result.as_dict()
    return JSONResponse(body, status_code=201 if body["stored"] else 200)


def _fusion_errors(err: Exception) -> ApiError:
    from sitrep.fuse import EventNotFound

    if isinstance(err, EventNotFound):
        return ApiError(404, str(err).strip("'\""))
    return ApiError(409, str(err), code="conflict")


@router.post(
    "/api/events/merge",
    summary="Merge two events by hand (logged; honoured by later fusion)",
    responses={404: {"description": "unknown event"}, **AUTH_RESPONSES},
)
def merge(ctx: Ctx, body: MergeRequest) -> dict[str, Any]:
    a, b = body.event_ids
    try:
        event_id = ctx.writer.merge(a, b)
    except (LookupError, ValueError) as err:
        raise _fusion_errors(err) from None
    return {"event_id": event_id, "merged": [a, b]}


@router.post(
    "/api/events/{event_id}/split",
    summary="Split one document's mention out of an event (logged; honoured by later fusion)",
    responses={404: {"description": "unknown event"}, 409: {"description": "not a member"}},
)
def split(
    ctx: Ctx, event_id: Annotated[str, Path(min_length=1, max_length=200)], body: SplitRequest
) -> dict[str, Any]:
    try:
        new_id = ctx.writer.split(event_id, body.doc_id, body.index)
    except (LookupError, ValueError) as err:
        raise _fusion_errors(err) from None
    return {"event_id": new_id, "split_from": event_id, "doc_id": body.doc_id, "index": body.index}
