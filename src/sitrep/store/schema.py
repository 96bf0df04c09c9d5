"""The database schema, as typed ORM classes: the one place Alembic compares migrations against.

These rows never leave `sitrep.store`: `Store` converts them to and from the records of
`sitrep.models` (see `convert.py`). Vocabulary fields (event types, statuses) are plain strings,
not database enums, so that extending a vocabulary needs no migration.

Two halves:
- per document: `documents` -> `doc_events`, `claims` (written once, by `add_document`);
- fused: `fused_events` -> `fused_countries`, `fused_members` (-> `member_claims`),
  `ledger_claims`, `contradictions` (replaced as a whole by `replace_fused`), and the
  `merge_log` of decisions, which outlives any one fusion run.
`places` and `actors` hold each distinct place and actor name once; events point at them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: JSON everywhere, JSONB on PostgreSQL (indexable, compact).
JSONType = JSON().with_variant(JSONB(), "postgresql")

#: Named constraints, so later migrations (and SQLite's batch mode) can address them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class MetaRow(Base):
    """Facts about the database itself (when and by which sitrep it was created)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- per document -----------------------------------------------------------------------------


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String, unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # The extraction's own fields: the date relative dates were resolved against (usually
    # `published`), "ok" or "error" with its reason, and the extractor's warnings.
    anchor_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JSONType)

    events: Mapped[list[DocEventRow]] = relationship(
        back_populates="document", order_by="DocEventRow.event_index"
    )
    claims: Mapped[list[ClaimRow]] = relationship(
        back_populates="document", order_by="ClaimRow.position"
    )


class PlaceRow(Base):
    """One distinct geocoded place; `key` is a hash of all its fields (NULLs included)."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String, index=True)
    country: Mapped[str | None] = mapped_column(String, index=True)
    admin1: Mapped[str | None] = mapped_column(String)
    # `convert.fold_name(admin1)`: the index behind the admin1 filter (revision 0002).
    admin1_folded: Mapped[str | None] = mapped_column(String, index=True)
    admin2: Mapped[str | None] = mapped_column(String)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    countries: Mapped[list[str]] = mapped_column(JSONType)


class ActorRow(Base):
    """One distinct (normalised) actor name."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)


class _EventColumns:
    """The columns of an `Event`, shared by per-document and fused events."""

    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    countries: Mapped[list[str]] = mapped_column(JSONType)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)


class DocEventRow(_EventColumns, Base):
    __tablename__ = "doc_events"
    __table_args__ = (UniqueConstraint("document_id", "event_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    event_index: Mapped[int] = mapped_column(Integer)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    actor1_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    actor2_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    # This document's fatalities for the event; NULL rule = no FatalityRange at all.
    fatalities_low: Mapped[int | None] = mapped_column(BigInteger)
    fatalities_best: Mapped[int | None] = mapped_column(BigInteger)
    fatalities_high: Mapped[int | None] = mapped_column(BigInteger)
    fatalities_rule: Mapped[str | None] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="events")
    place: Mapped[PlaceRow | None] = relationship()
    actor1: Mapped[ActorRow | None] = relationship(foreign_keys=[actor1_id])
    actor2: Mapped[ActorRow | None] = relationship(foreign_keys=[actor2_id])


class ClaimRow(Base):
    """A casualty figure as one document states it; `event_index` names one of its events."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        ForeignKeyConstraint(
            ["document_id", "event_index"],
            ["doc_events.document_id", "doc_events.event_index"],
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # order within the document's casualties
    event_index: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    low: Mapped[int | None] = mapped_column(BigInteger)
    high: Mapped[int | None] = mapped_column(BigInteger)
    approx: Mapped[bool] = mapped_column(Boolean)
    victim: Mapped[str | None] = mapped_column(Text)
    victim_kind: Mapped[str] = mapped_column(String(32))
    victim_side: Mapped[str | None] = mapped_column(String)
    claimant: Mapped[str | None] = mapped_column(String, index=True)
    claimant_type: Mapped[str] = mapped_column(String(16))
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="claims")


# --- fused ------------------------------------------------------------------------------------


class FusedEventRow(_EventColumns, Base):
    __tablename__ = "fused_events"

    event_id: Mapped[str] = mapped_column(String, primary_key=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    actor1_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    actor2_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    # The representative event's own `fatalities` (as it came from its document), kept apart
    # from the reconciled range below; NULL rule = None.
    event_fatalities_low: Mapped[int | None] = mapped_column(BigInteger)
    event_fatalities_best: Mapped[int | None] = mapped_column(BigInteger)
    event_fatalities_high: Mapped[int | None] = mapped_column(BigInteger)
    event_fatalities_rule: Mapped[str | None] = mapped_column(Text)
    # The reconciled range across all claims (FORMAT.md §6 `fatalities`); NULL rule = None.
    fatalities_low: Mapped[int | None] = mapped_column(BigInteger)
    fatalities_best: Mapped[int | None] = mapped_column(BigInteger)
    fatalities_high: Mapped[int | None] = mapped_column(BigInteger)
    fatalities_rule: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    place: Mapped[PlaceRow | None] = relationship()
    actor1: Mapped[ActorRow | None] = relationship(foreign_keys=[actor1_id])
    actor2: Mapped[ActorRow | None] = relationship(foreign_keys=[actor2_id])
    country_rows: Mapped[list[FusedCountryRow]] = relationship(
        order_by="FusedCountryRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    members: Mapped[list[FusedMemberRow]] = relationship(
        order_by="FusedMemberRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    ledger: Mapped[list[LedgerClaimRow]] = relationship(
        order_by="LedgerClaimRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    contradictions: Mapped[list[ContradictionRow]] = relationship(
        order_by="ContradictionRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class FusedCountryRow(Base):
    """A fused event's countries, one row each: the index behind the country filter.

    (`fused_events.countries` keeps the list itself, in order.)
    """

    __tablename__ = "fused_countries"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("fused_events.event_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    country: Mapped[str] = mapped_column(String)
    country_folded: Mapped[str] = mapped_column(String, index=True)  # str.casefold() of country


class FusedMemberRow(Base):
    """A document event that fusion placed in a fused event, with the score and reason."""

    __tablename__ = "fused_members"
    __table_args__ = (UniqueConstraint("event_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(
        ForeignKey("fused_events.event_id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    doc_event_id: Mapped[int] = mapped_column(
        ForeignKey("doc_events.id", ondelete="CASCADE"), index=True
    )
    published: Mapped[dt.date | None] = mapped_column(Date)
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)

    doc_event: Mapped[DocEventRow] = relationship()
    claim_links: Mapped[list[MemberClaimRow]] = relationship(
        order_by="MemberClaimRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class MemberClaimRow(Base):
    """The document's casualty figures that fusion attached to a member (`EventMention.casualties`)."""

    __tablename__ = "member_claims"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("fused_members.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)

    claim: Mapped[ClaimRow] = relationship()


class LedgerClaimRow(Base):
    """One entry of a fused event's claim ledger: a stored claim, as fusion judged it."""

    __tablename__ = "ledger_claims"
    __table_args__ = (UniqueConstraint("event_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(
        ForeignKey("fused_events.event_id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    published: Mapped[dt.date | None] = mapped_column(Date)
    superseded: Mapped[bool] = mapped_column(Boolean)

    claim: Mapped[ClaimRow] = relationship()


class ContradictionRow(Base):
    __tablename__ = "contradictions"
    __table_args__ = (UniqueConstraint("event_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(
        ForeignKey("fused_events.event_id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    between: Mapped[list[str]] = mapped_column(JSONType)
    detail: Mapped[str] = mapped_column(Text)


class MergeLogRow(Base):
    """A merge or split decision. No foreign key: the log outlives the events it names.

    `manual` decisions (an analyst's split or merge) are kept for good; automatic ones describe
    the current fusion and are replaced with it.
    """

    __tablename__ = "merge_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, index=True)
    doc_id: Mapped[str] = mapped_column(String, index=True)
    event_index: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    manual: Mapped[bool] = mapped_column(Boolean)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# --- runs -------------------------------------------------------------------------------------


class ShardRow(Base):
    """A finished shard of a run: a re-run skips it."""

    __tablename__ = "shards"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    counts: Mapped[dict[str, Any]] = mapped_column(JSONType)


Index("ix_fused_events_date_type", FusedEventRow.date, FusedEventRow.event_type)
