"""Storage: SQLite (default, one file) or PostgreSQL, behind one interface, `Store`.

    with open_store("sqlite:///sitrep.db") as store:
        store.add_document(article, extraction)
        for event in store.iter_fused(EventFilter(country="Afghanistan")):
            ...

`open_store` creates the database or upgrades it to the current schema (Alembic migrations
shipped in `sitrep/store/migrations/`). Records in, records out: no ORM row leaves the package.
"""

from sitrep.store.engine import default_url
from sitrep.store.errors import InvalidRecord, SchemaError, StoreError, UnknownReference
from sitrep.store.filters import EventFilter
from sitrep.store.store import MergeLogEntry, Store, open_store

__all__ = [
    "EventFilter",
    "InvalidRecord",
    "MergeLogEntry",
    "SchemaError",
    "Store",
    "StoreError",
    "UnknownReference",
    "default_url",
    "open_store",
]
