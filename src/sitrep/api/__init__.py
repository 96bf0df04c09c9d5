"""The JSON API and the dashboard: `create_app(settings_or_db_url, token=...)`, `serve(...)`.

Modules: `app` (factory, middleware order), `routes_read` / `routes_write` / `routes_pages`,
`query` (filters from query parameters), `views` (records -> JSON, over the export helpers),
`ingest` (the write path), `security` (headers, body limit, tokens, rate limit), `errors`
(one JSON error shape), `geo` (country outlines, offline), `templates/` and `static/`.
"""

from sitrep.api.app import create_app, serve

__all__ = ["create_app", "serve"]
