"""`create_app`: sitrep's JSON API and dashboard over one store; `serve`: run it with uvicorn.

Read-only unless a token is configured (the `token` argument, else `Settings.api_token`,
which `Settings.from_env` reads from SITREP_API_TOKEN). Bound to 127.0.0.1 by default; CORS
is off unless origins are given. Interactive docs are off (they would load scripts from a
CDN); the OpenAPI document is at /openapi.json.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

import sitrep
from sitrep.api.context import AppContext
from sitrep.api.errors import install_error_handlers
from sitrep.api.ingest import ExtractorFactory, Writer
from sitrep.api.routes_pages import load_static, page_router
from sitrep.api.routes_read import router as read_router
from sitrep.api.routes_write import router as write_router
from sitrep.api.security import BodyLimit, RateLimiter, SecurityHeaders
from sitrep.settings import Settings
from sitrep.store import Store, open_store

MAX_BODY_BYTES = 2_000_000
WRITES_PER_MINUTE = 30
ENV_CORS = "SITREP_API_CORS_ORIGINS"


def _settings(settings_or_db_url: Settings | str | None) -> Settings:
    if isinstance(settings_or_db_url, Settings):
        return settings_or_db_url
    return Settings.from_env(db_url=settings_or_db_url)


def _origins(cors_origins: Sequence[str] | None) -> list[str]:
    if cors_origins is None:
        cors_origins = [o for o in os.environ.get(ENV_CORS, "").split(",")]
    return [o.strip() for o in cors_origins if o.strip()]


def create_app(
    settings_or_db_url: Settings | str | None = None,
    *,
    token: str | None = None,
    store: Store | None = None,
    cors_origins: Sequence[str] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    writes_per_minute: int = WRITES_PER_MINUTE,
    extractor_factory: ExtractorFactory | None = None,
) -> FastAPI:
    """The app over the store at the settings' `db_url` (or the given `store`, left open).

    `token` enables writes (else `settings.api_token`); `cors_origins` (else the
    comma-separated SITREP_API_CORS_ORIGINS) enables CORS for those origins only;
    `extractor_factory(settings)` replaces the default Extractor (created at the first write).
    """
    settings = _settings(settings_or_db_url)
    owns_store = store is None
    the_store = store if store is not None else open_store(settings.db_url)
    ctx = AppContext(
        store=the_store,
        settings=settings,
        writer=Writer(the_store, settings, extractor_factory),
        token=token or settings.api_token or None,
        limiter=RateLimiter(writes_per_minute, 60.0),
        owns_store=owns_store,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if ctx.owns_store:
            ctx.store.close()

    app = FastAPI(
        title="sitrep",
        version=sitrep.__version__,
        description="Conflict events fused across sources, with every casualty claim attributed.",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.sitrep = ctx
    install_error_handlers(app)
    app.include_router(read_router)
    app.include_router(write_router)
    app.include_router(page_router(load_static()))
    origins = _origins(cors_origins)
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)  # last added = outermost: every response gets them
    return app


def serve(
    db_url: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    settings: Settings | None = None,
) -> None:
    """Run the API and dashboard with uvicorn until interrupted (loopback unless told)."""
    import uvicorn

    app = create_app(settings or db_url, token=token)
    uvicorn.run(app, host=host, port=port, server_header=False, proxy_headers=False)
