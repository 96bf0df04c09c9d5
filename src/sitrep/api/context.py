"""What every route needs, built once by `create_app` and kept on `app.state.sitrep`."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from sitrep.api.ingest import Writer
from sitrep.api.security import RateLimiter
from sitrep.export.outlines import CountryAtlas, shared_atlas
from sitrep.settings import Settings
from sitrep.store import Store


@dataclass(slots=True)
class AppContext:
    store: Store
    settings: Settings
    writer: Writer
    token: str | None
    limiter: RateLimiter
    owns_store: bool = True

    @property
    def atlas(self) -> CountryAtlas:
        return shared_atlas()


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.sitrep
    return ctx
