"""The dashboard: HTML pages (no data in them: their scripts fetch it from the API) and the
package's static files, held in memory — a request path is a key, never a file path."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from sitrep.api.context import AppContext, context
from sitrep.api.errors import ApiError

TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
STATIC_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,80}$")


@dataclass(frozen=True, slots=True)
class StaticFile:
    body: bytes
    media_type: str
    etag: str


def load_static() -> dict[str, StaticFile]:
    """Every file of the package's static/ folder, read once at start-up."""
    files: dict[str, StaticFile] = {}
    for entry in resources.files("sitrep.api").joinpath("static").iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1] if "." in entry.name else ""
        if suffix not in TYPES or not entry.is_file():
            continue
        body = entry.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        files[entry.name] = StaticFile(body, TYPES[suffix], etag)
    return files


def page_router(static: dict[str, StaticFile]) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    templates = Environment(
        loader=PackageLoader("sitrep.api", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    version = hashlib.sha256(b"".join(f.etag.encode() for f in static.values())).hexdigest()[:10]

    def render(name: str, status: int = 200) -> HTMLResponse:
        html = templates.get_template(name).render(version=version)
        return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-cache"})

    @router.get("/", response_class=HTMLResponse)
    def dashboard() -> HTMLResponse:
        return render("dashboard.html")

    @router.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(
        ctx: Annotated[AppContext, Depends(context)],
        event_id: Annotated[str, Path(min_length=1, max_length=200)],
    ) -> HTMLResponse:
        if ctx.store.get_fused(event_id) is None:
            return render("not_found.html", 404)
        return render("event.html")

    @router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def document_page(
        ctx: Annotated[AppContext, Depends(context)],
        doc_id: Annotated[str, Path(min_length=1, max_length=500)],
    ) -> HTMLResponse:
        if ctx.store.get_article(doc_id) is None:
            return render("not_found.html", 404)
        return render("document.html")

    @router.get("/static/{name}")
    def static_file(name: str, request: Request) -> Response:
        found = static.get(name) if STATIC_NAME.match(name) else None
        if found is None:
            raise ApiError(404, "no such static file")
        headers = {"ETag": found.etag, "Cache-Control": "no-cache"}
        if request.headers.get("if-none-match") == found.etag:
            return Response(status_code=304, headers=headers)
        return Response(found.body, media_type=found.media_type, headers=headers)

    return router
