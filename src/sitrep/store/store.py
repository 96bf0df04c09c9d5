"""`Store`: the one storage interface, the same on SQLite and PostgreSQL.

Callers hand in and get back the records of `sitrep.models`; ORM rows stay in here. Every
write is one transaction: a document with its events and claims, or a whole fusion result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal

from alembic.util import CommandError
from sqlalchemy import Engine, delete, func, insert, make_url, or_, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sitrep.models import (
    Article,
    DocumentExtraction,
    FusedEvent,
    MergeDecision,
)
from sitrep.store import convert, migrate, rows
from sitrep.store.engine import WRITE, default_url, make_engine
from sitrep.store.errors import InvalidRecord, SchemaError
from sitrep.store.filters import EventFilter, conditions
from sitrep.store.schema import (
    ActorRow,
    ClaimRow,
    ContradictionRow,
    DocEventRow,
    DocumentRow,
    FusedCountryRow,
    FusedEventRow,
    FusedMemberRow,
    LedgerClaimRow,
    MemberClaimRow,
    MergeLogRow,
    ShardRow,
)

#: Fused events written between flushes in `replace_fused` (bounds memory on big runs).
FLUSH_EVERY = 200


@dataclass(frozen=True, slots=True)
class MergeLogEntry:
    """A logged merge/split decision: automatic (from the last fusion) or an analyst's."""

    decision: MergeDecision
    manual: bool
    decided_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every one the store writes is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


class Store:
    """sitrep's database. Open it with `open_store(url)`; close it (or use `with`)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        reading = engine
        if engine.dialect.name == "postgresql":
            # One snapshot per read: an event and the rows loaded with it by later SELECTs
            # (members, ledger) come from the same moment even if a fusion commits meanwhile.
            # SQLite's read transactions are snapshots already (WAL).
            reading = engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        self._read = sessionmaker(reading, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(**WRITE), expire_on_commit=False)

    # --- life cycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    def schema_revision(self) -> str | None:
        return migrate.current_revision(self._engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any error."""
        with self._write.begin() as session:
            yield session

    # --- documents ----------------------------------------------------------------------------

    def add_document(self, article: Article, extraction: DocumentExtraction) -> bool:
        """Store a document with its events and claims, all or nothing.

        Returns False, and changes nothing, when a document with the same doc_id or the same
        content hash is already stored. Raises `InvalidRecord` for records the schema refuses
        (e.g. a casualty figure naming an event index the document does not have).
        """
        if extraction.doc_id != article.doc_id:
            raise InvalidRecord(
                f"extraction of {extraction.doc_id!r} given with article {article.doc_id!r}"
            )
        content_hash = article.content_hash
        try:
            with self._writing() as s:
                if self._exists(s, article.doc_id, content_hash):
                    return False
                document = DocumentRow(
                    **convert.document_values(article, extraction), ingested_at=_now()
                )
                s.add(document)
                s.flush()
                names = rows.Names(s)
                events = [
                    {
                        **convert.event_values(event),
                        **convert.fatalities_values(event.fatalities),
                        **names.event_ids(event),
                        "document_id": document.id,
                        "event_index": index,
                    }
                    for index, event in enumerate(extraction.events)
                ]
                if events:
                    s.execute(insert(DocEventRow), events)
                claims = [
                    {**convert.figure_values(figure), "document_id": document.id, "position": i}
                    for i, figure in enumerate(extraction.casualties)
                ]
                if claims:
                    s.execute(insert(ClaimRow), claims)
        except (IntegrityError, DataError) as err:
            # A concurrent writer may have stored the same document first: still a no-op.
            if self.has_document(doc_id=article.doc_id, content_hash=content_hash):
                return False
            raise InvalidRecord(f"document {article.doc_id!r} not stored: {err.orig}") from err
        return True

    @staticmethod
    def _exists(s: Session, doc_id: str | None, content_hash: str | None) -> bool:
        tests = []
        if doc_id is not None:
            tests.append(DocumentRow.doc_id == doc_id)
        if content_hash is not None:
            tests.append(DocumentRow.content_hash == content_hash)
        if not tests:
            raise ValueError("give doc_id or content_hash")
        return s.scalar(select(DocumentRow.id).where(or_(*tests)).limit(1)) is not None

    def has_document(self, doc_id: str | None = None, content_hash: str | None = None) -> bool:
        """Whether a document with this doc_id or this content hash is stored."""
        with self._read() as s:
            return self._exists(s, doc_id, content_hash)

    def get_article(self, doc_id: str) -> Article | None:
        with self._read() as s:
            row = s.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc_id))
            return None if row is None else convert.article_from_row(row)

    def get_extraction(self, doc_id: str) -> DocumentExtraction | None:
        with self._read() as s:
            row = s.scalar(
                select(DocumentRow).where(DocumentRow.doc_id == doc_id).options(*rows.EXTRACTION)
            )
            return None if row is None else convert.extraction_from_row(row)

    def iter_extractions(
        self,
        *,
        order: Literal["ingested", "doc_id", "published"] = "ingested",
        include_errors: bool = True,
        batch_size: int = 200,
    ) -> Iterator[tuple[Article, DocumentExtraction]]:
        """Every stored document with its extraction, streamed `batch_size` rows at a time.

        `order`: ingestion order, doc_id, or publication date (undated last, then doc_id).
        """
        order_by: list[Any] = {
            "ingested": [DocumentRow.id],
            "doc_id": [DocumentRow.doc_id],
            "published": [
                DocumentRow.published.is_(None),
                DocumentRow.published,
                DocumentRow.doc_id,
            ],
        }[order]
        stmt = select(DocumentRow).options(*rows.EXTRACTION).order_by(*order_by)
        if not include_errors:
            stmt = stmt.where(DocumentRow.status == "ok")
        with self._read() as s:
            for row in s.scalars(stmt.execution_options(yield_per=batch_size)):
                yield convert.article_from_row(row), convert.extraction_from_row(row)

    def count_documents(self) -> int:
        with self._read() as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def ingested_since(self, since: dt.datetime) -> Iterator[str]:
        """Ids of the documents stored after `since` (for "what changed since the last report")."""
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
        with self._read() as s:
            query = select(DocumentRow.doc_id).where(DocumentRow.ingested_at > since)
            yield from s.scalars(query.order_by(DocumentRow.ingested_at))

    # --- fused events -------------------------------------------------------------------------

    def replace_fused(
        self, events: Iterable[FusedEvent], decisions: Iterable[MergeDecision]
    ) -> None:
        """Replace every fused event (and the automatic merge decisions) in one transaction.

        Mentions and ledger claims must name stored document events and figures exactly;
        otherwise `UnknownReference` is raised and the previous fused events stay.
        Manual decisions in the merge log are kept.
        """
        decided = {(d.event_id, d.doc_id, d.index): d for d in decisions}
        now = _now()
        try:
            with self._writing() as s:
                for model in (
                    MemberClaimRow,
                    LedgerClaimRow,
                    FusedMemberRow,
                    ContradictionRow,
                    FusedCountryRow,
                    FusedEventRow,
                ):
                    s.execute(delete(model))
                s.execute(delete(MergeLogRow).where(MergeLogRow.manual.is_(False)))
                names, refs = rows.Names(s), rows.References(s)
                for n, fused in enumerate(events, start=1):
                    s.add(rows.fused_to_row(fused, names, refs, decided, now))
                    if n % FLUSH_EVERY == 0:
                        s.flush()
                        s.expunge_all()
                s.flush()
                s.expunge_all()
                for d in decided.values():
                    s.add(rows.log_row(d, manual=False, at=now))
        except IntegrityError as err:
            raise InvalidRecord(f"fused events not stored: {err.orig}") from err

    def iter_fused(
        self,
        filters: EventFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        batch_size: int = 100,
    ) -> Iterator[FusedEvent]:
        """Fused events matching `filters`, by date (undated last) then event_id, streamed."""
        stmt = (
            select(FusedEventRow)
            .where(*conditions(filters))
            .options(*rows.FUSED)
            .order_by(FusedEventRow.date.is_(None), FusedEventRow.date, FusedEventRow.event_id)
            .offset(offset)
            .limit(limit)
        )
        with self._read() as s:
            for row in s.scalars(stmt.execution_options(yield_per=batch_size)):
                yield rows.fused_from_row(row)

    def count_fused(self, filters: EventFilter | None = None) -> int:
        stmt = select(func.count()).select_from(FusedEventRow).where(*conditions(filters))
        with self._read() as s:
            return s.scalar(stmt) or 0

    def get_fused(self, event_id: str) -> FusedEvent | None:
        with self._read() as s:
            row = s.scalar(
                select(FusedEventRow).where(FusedEventRow.event_id == event_id).options(*rows.FUSED)
            )
            return None if row is None else rows.fused_from_row(row)

    def log_decision(self, decision: MergeDecision, *, manual: bool = True) -> None:
        """Append a decision to the merge log (an analyst's split or merge, by default)."""
        with self._writing() as s:
            s.add(rows.log_row(decision, manual=manual, at=_now()))

    def merge_log(self, event_id: str | None = None) -> list[MergeLogEntry]:
        """The logged decisions (of one event, if given), oldest first."""
        stmt = select(MergeLogRow).order_by(MergeLogRow.decided_at, MergeLogRow.id)
        if event_id is not None:
            stmt = stmt.where(MergeLogRow.event_id == event_id)
        with self._read() as s:
            return [
                MergeLogEntry(
                    decision=MergeDecision(
                        doc_id=r.doc_id,
                        index=r.event_index,
                        event_id=r.event_id,
                        score=r.score,
                        reason=r.reason,
                    ),
                    manual=r.manual,
                    decided_at=_aware(r.decided_at),
                )
                for r in s.scalars(stmt)
            ]

    def actor_names(self) -> list[str]:
        """Every actor name stored, sorted (for filter choices)."""
        with self._read() as s:
            return list(s.scalars(select(ActorRow.name).order_by(ActorRow.name)))

    def fused_countries(self) -> list[str]:
        """Every country of a fused event, sorted (for filter choices)."""
        with self._read() as s:
            stmt = select(FusedCountryRow.country).distinct().order_by(FusedCountryRow.country)
            return list(s.scalars(stmt))

    # --- shards -------------------------------------------------------------------------------

    def mark_shard_done(self, key: str, counts: Mapping[str, int]) -> None:
        """Record that shard `key` finished, with its counters (marking again updates them)."""
        values = {"key": key, "finished_at": _now(), "counts": dict(counts)}
        with self._writing() as s:
            s.execute(rows.upserting(s, ShardRow, ["key"], ["finished_at", "counts"]), [values])

    def shard_done(self, key: str) -> bool:
        with self._read() as s:
            return s.scalar(select(ShardRow.key).where(ShardRow.key == key)) is not None

    def shard_counts(self, key: str) -> dict[str, int] | None:
        with self._read() as s:
            return s.scalar(select(ShardRow.counts).where(ShardRow.key == key))


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def open_store(url: str | None = None) -> Store:
    """Open (creating or upgrading to the current schema as needed) the database at `url`.

    `url` defaults to `default_url()`: `$SITREP_DB`, else `sqlite:///./sitrep.db`.
    """
    url = url or default_url()
    backend = make_url(url).get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise SchemaError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")
    engine = make_engine(url)
    try:
        if migrate.current_revision(engine) != migrate.head_revision():
            migrate.upgrade(engine)
    except CommandError as err:
        engine.dispose()
        shown = engine.url.render_as_string(hide_password=True)
        raise SchemaError(f"cannot bring {shown} to this sitrep's schema: {err}") from err
    return Store(engine)
