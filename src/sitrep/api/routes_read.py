"""Read-only JSON endpoints: events (with filters and paging), one event's ledger, documents,
places, actors, a dashboard summary, country outlines, and CSV / GeoJSON downloads."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response, StreamingResponse

from sitrep.api.context import AppContext, context
from sitrep.api.errors import ApiError
from sitrep.api.query import (
    Limit,
    Offset,
    event_query,
    iter_events,
    page,
    page_events,
    places,
    summary,
)
from sitrep.api.views import document_detail, document_summary, event_detail, event_summary
from sitrep.export.csv import ACLED_COLUMNS, acled_row, sources_from_store
from sitrep.export.geojson import feature
from sitrep.store import EventFilter

router = APIRouter(prefix="/api", tags=["read"])

Ctx = Annotated[AppContext, Depends(context)]
Filters = Annotated[EventFilter, Depends(event_query)]
EventIdPath = Annotated[str, Path(min_length=1, max_length=200)]
DocIdPath = Annotated[str, Path(min_length=1, max_length=500)]


@router.get("/events", summary="Fused events matching the filters, one page at a time")
def list_events(ctx: Ctx, query: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    total, items = page_events(ctx.store, query, limit, offset)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": [event_summary(f, ctx.atlas) for f in items],
    }


def _csv_lines(
    ctx: AppContext, where: EventFilter, limit: int | None, offset: int
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    source_of = sources_from_store(ctx.store)
    events = iter_events(ctx.store, where, limit, offset)
    for n, fused in enumerate(events, start=1):
        writer.writerow(acled_row(fused, source_of))
        if n % 100 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


@router.get(
    "/events.csv",
    summary="The filtered events as CSV with ACLED's columns",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}},
)
def events_csv(
    ctx: Ctx,
    query: Filters,
    limit: Annotated[int | None, Query(ge=0)] = None,
    offset: Offset = 0,
) -> StreamingResponse:
    return StreamingResponse(
        _csv_lines(ctx, query, limit, offset),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="sitrep-events.csv"'},
    )


def _geojson_chunks(
    ctx: AppContext, where: EventFilter, include_unlocated: bool, limit: int | None, offset: int
) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    events = iter_events(ctx.store, where, limit, offset)
    n = 0
    for fused in events:
        f = feature(fused)
        if f["geometry"] is None and not include_unlocated:
            continue
        yield (",\n" if n else "") + json.dumps(f, ensure_ascii=False)
        n += 1
    yield "\n]}\n"


@router.get(
    "/events.geojson",
    summary="The filtered events as a GeoJSON FeatureCollection",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def events_geojson(
    ctx: Ctx,
    query: Filters,
    include_unlocated: Annotated[
        bool, Query(description="Keep events without coordinates (null geometry)")
    ] = False,
    limit: Annotated[int | None, Query(ge=0)] = None,
    offset: Offset = 0,
) -> StreamingResponse:
    return StreamingResponse(
        _geojson_chunks(ctx, query, include_unlocated, limit, offset),
        media_type="application/geo+json",
        headers={"Content-Disposition": 'attachment; filename="sitrep-events.geojson"'},
    )


@router.get("/events/{event_id}", summary="One event with its claim ledger and contradictions")
def get_event(ctx: Ctx, event_id: EventIdPath) -> dict[str, Any]:
    fused = ctx.store.get_fused(event_id)
    if fused is None:
        raise ApiError(404, f"no event {event_id!r}")
    sources = {doc_id: ctx.store.get_article(doc_id) for doc_id in fused.documents}
    for claim in fused.claims:
        if claim.doc_id not in sources:
            sources[claim.doc_id] = ctx.store.get_article(claim.doc_id)
    return event_detail(fused, ctx.atlas, sources, ctx.store.merge_log(event_id))


@router.get("/summary", summary="Totals, timeline per day and map points of the filtered events")
def get_summary(ctx: Ctx, query: Filters) -> dict[str, Any]:
    return summary(ctx.store, query, ctx.atlas)


@router.get("/documents", summary="Stored documents, in ingestion order, one page at a time")
def list_documents(ctx: Ctx, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    items = page(iter(ctx.store.iter_extractions(order="ingested")), limit, offset)
    return {
        "total": ctx.store.count_documents(),
        "limit": limit,
        "offset": offset,
        "items": [document_summary(a, x) for a, x in items],
    }


@router.get("/documents/{doc_id:path}", summary="A document's text with its extraction")
def get_document(ctx: Ctx, doc_id: DocIdPath) -> dict[str, Any]:
    article = ctx.store.get_article(doc_id)
    extraction = ctx.store.get_extraction(doc_id)
    if article is None or extraction is None:
        raise ApiError(404, f"no document {doc_id!r}")
    return document_detail(article, extraction)


@router.get("/places", summary="Places of the filtered events, and every event country")
def list_places(ctx: Ctx, query: Filters) -> dict[str, Any]:
    return {"countries": ctx.store.fused_countries(), "places": places(ctx.store, query)}


@router.get("/actors", summary="Every actor name stored")
def list_actors(ctx: Ctx) -> dict[str, Any]:
    return {"actors": ctx.store.actor_names()}


@router.get(
    "/outlines.geojson",
    summary="Country outlines (Natural Earth 1:110m) for the map",
    response_class=Response,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def outlines(ctx: Ctx) -> Response:
    return Response(
        ctx.atlas.outlines_json,
        media_type="application/geo+json",
        headers={"Cache-Control": "public, max-age=86400"},
    )
