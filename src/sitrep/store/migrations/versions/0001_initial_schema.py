"""Initial schema: documents, their events and claims; fused events and their ledger; runs.

Revision ID: 0001
Revises:
Create Date: 2025-11-21
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("name", name=op.f("uq_actors_name")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("anchor_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "warnings",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
        sa.UniqueConstraint("doc_id", name=op.f("uq_documents_doc_id")),
    )
    op.create_index(op.f("ix_documents_published"), "documents", ["published"], unique=False)
    op.create_index(op.f("ix_documents_source"), "documents", ["source"], unique=False)
    op.create_index(op.f("ix_documents_status"), "documents", ["status"], unique=False)

    op.create_table(
        "merge_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("event_index", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_log")),
    )
    op.create_index(op.f("ix_merge_log_doc_id"), "merge_log", ["doc_id"], unique=False)
    op.create_index(op.f("ix_merge_log_event_id"), "merge_log", ["event_id"], unique=False)

    meta = op.create_table(
        "meta",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    # When the database was created, for whoever inspects it later.
    op.bulk_insert(meta, [{"key": "created_at", "value": dt.datetime.now(dt.UTC).isoformat()}])
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("admin1", sa.String(), nullable=True),
        sa.Column("admin2", sa.String(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column(
            "countries",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("key", name=op.f("uq_places_key")),
    )
    op.create_index(op.f("ix_places_country"), "places", ["country"], unique=False)
    op.create_index(op.f("ix_places_name"), "places", ["name"], unique=False)

    op.create_table(
        "shards",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "counts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_shards")),
    )
    op.create_table(
        "doc_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("event_index", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("actor1_id", sa.Integer(), nullable=True),
        sa.Column("actor2_id", sa.Integer(), nullable=True),
        sa.Column("fatalities_low", sa.BigInteger(), nullable=True),
        sa.Column("fatalities_best", sa.BigInteger(), nullable=True),
        sa.Column("fatalities_high", sa.BigInteger(), nullable=True),
        sa.Column("fatalities_rule", sa.Text(), nullable=True),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("sub_event_type", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column(
            "countries",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor1_id"], ["actors.id"], name=op.f("fk_doc_events_actor1_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["actor2_id"], ["actors.id"], name=op.f("fk_doc_events_actor2_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_doc_events_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_doc_events_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doc_events")),
        sa.UniqueConstraint(
            "document_id", "event_index", name=op.f("uq_doc_events_document_id_event_index")
        ),
    )
    op.create_index(op.f("ix_doc_events_actor1_id"), "doc_events", ["actor1_id"], unique=False)
    op.create_index(op.f("ix_doc_events_actor2_id"), "doc_events", ["actor2_id"], unique=False)
    op.create_index(op.f("ix_doc_events_date"), "doc_events", ["date"], unique=False)
    op.create_index(op.f("ix_doc_events_event_type"), "doc_events", ["event_type"], unique=False)
    op.create_index(op.f("ix_doc_events_place_id"), "doc_events", ["place_id"], unique=False)
    op.create_index(
        op.f("ix_doc_events_sub_event_type"), "doc_events", ["sub_event_type"], unique=False
    )

    op.create_table(
        "fused_events",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("actor1_id", sa.Integer(), nullable=True),
        sa.Column("actor2_id", sa.Integer(), nullable=True),
        sa.Column("event_fatalities_low", sa.BigInteger(), nullable=True),
        sa.Column("event_fatalities_best", sa.BigInteger(), nullable=True),
        sa.Column("event_fatalities_high", sa.BigInteger(), nullable=True),
        sa.Column("event_fatalities_rule", sa.Text(), nullable=True),
        sa.Column("fatalities_low", sa.BigInteger(), nullable=True),
        sa.Column("fatalities_best", sa.BigInteger(), nullable=True),
        sa.Column("fatalities_high", sa.BigInteger(), nullable=True),
        sa.Column("fatalities_rule", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("sub_event_type", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column(
            "countries",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor1_id"], ["actors.id"], name=op.f("fk_fused_events_actor1_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["actor2_id"], ["actors.id"], name=op.f("fk_fused_events_actor2_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_fused_events_place_id_places")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_fused_events")),
    )
    op.create_index(op.f("ix_fused_events_actor1_id"), "fused_events", ["actor1_id"], unique=False)
    op.create_index(op.f("ix_fused_events_actor2_id"), "fused_events", ["actor2_id"], unique=False)
    op.create_index(op.f("ix_fused_events_date"), "fused_events", ["date"], unique=False)
    op.create_index(
        "ix_fused_events_date_type", "fused_events", ["date", "event_type"], unique=False
    )
    op.create_index(
        op.f("ix_fused_events_event_type"), "fused_events", ["event_type"], unique=False
    )
    op.create_index(op.f("ix_fused_events_place_id"), "fused_events", ["place_id"], unique=False)
    op.create_index(
        op.f("ix_fused_events_sub_event_type"), "fused_events", ["sub_event_type"], unique=False
    )

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_index", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("low", sa.BigInteger(), nullable=True),
        sa.Column("high", sa.BigInteger(), nullable=True),
        sa.Column("approx", sa.Boolean(), nullable=False),
        sa.Column("victim", sa.Text(), nullable=True),
        sa.Column("victim_kind", sa.String(length=32), nullable=False),
        sa.Column("victim_side", sa.String(), nullable=True),
        sa.Column("claimant", sa.String(), nullable=True),
        sa.Column("claimant_type", sa.String(length=16), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id", "event_index"],
            ["doc_events.document_id", "doc_events.event_index"],
            name=op.f("fk_claims_document_id_event_index_doc_events"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_claims_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_claims_document_id_position")),
    )
    op.create_index(op.f("ix_claims_claimant"), "claims", ["claimant"], unique=False)
    op.create_index(op.f("ix_claims_status"), "claims", ["status"], unique=False)

    op.create_table(
        "contradictions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column(
            "between",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["fused_events.event_id"],
            name=op.f("fk_contradictions_event_id_fused_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contradictions")),
        sa.UniqueConstraint(
            "event_id", "position", name=op.f("uq_contradictions_event_id_position")
        ),
    )
    op.create_index(
        op.f("ix_contradictions_event_id"), "contradictions", ["event_id"], unique=False
    )
    op.create_index(op.f("ix_contradictions_kind"), "contradictions", ["kind"], unique=False)

    op.create_table(
        "fused_countries",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(), nullable=False),
        sa.Column("country_folded", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["fused_events.event_id"],
            name=op.f("fk_fused_countries_event_id_fused_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "position", name=op.f("pk_fused_countries")),
    )
    op.create_index(
        op.f("ix_fused_countries_country_folded"),
        "fused_countries",
        ["country_folded"],
        unique=False,
    )

    op.create_table(
        "fused_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("doc_event_id", sa.Integer(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doc_event_id"],
            ["doc_events.id"],
            name=op.f("fk_fused_members_doc_event_id_doc_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["fused_events.event_id"],
            name=op.f("fk_fused_members_event_id_fused_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fused_members")),
        sa.UniqueConstraint(
            "event_id", "position", name=op.f("uq_fused_members_event_id_position")
        ),
    )
    op.create_index(
        op.f("ix_fused_members_doc_event_id"), "fused_members", ["doc_event_id"], unique=False
    )
    op.create_index(op.f("ix_fused_members_event_id"), "fused_members", ["event_id"], unique=False)

    op.create_table(
        "ledger_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_ledger_claims_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["fused_events.event_id"],
            name=op.f("fk_ledger_claims_event_id_fused_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_claims")),
        sa.UniqueConstraint(
            "event_id", "position", name=op.f("uq_ledger_claims_event_id_position")
        ),
    )
    op.create_index(op.f("ix_ledger_claims_claim_id"), "ledger_claims", ["claim_id"], unique=False)
    op.create_index(op.f("ix_ledger_claims_event_id"), "ledger_claims", ["event_id"], unique=False)

    op.create_table(
        "member_claims",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_member_claims_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["fused_members.id"],
            name=op.f("fk_member_claims_member_id_fused_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", "position", name=op.f("pk_member_claims")),
    )
    op.create_index(op.f("ix_member_claims_claim_id"), "member_claims", ["claim_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_member_claims_claim_id"), table_name="member_claims")

    op.drop_table("member_claims")
    op.drop_index(op.f("ix_ledger_claims_event_id"), table_name="ledger_claims")
    op.drop_index(op.f("ix_ledger_claims_claim_id"), table_name="ledger_claims")

    op.drop_table("ledger_claims")
    op.drop_index(op.f("ix_fused_members_event_id"), table_name="fused_members")
    op.drop_index(op.f("ix_fused_members_doc_event_id"), table_name="fused_members")

    op.drop_table("fused_members")
    op.drop_index(op.f("ix_fused_countries_country_folded"), table_name="fused_countries")

    op.drop_table("fused_countries")
    op.drop_index(op.f("ix_contradictions_kind"), table_name="contradictions")
    op.drop_index(op.f("ix_contradictions_event_id"), table_name="contradictions")

    op.drop_table("contradictions")
    op.drop_index(op.f("ix_claims_status"), table_name="claims")
    op.drop_index(op.f("ix_claims_claimant"), table_name="claims")

    op.drop_table("claims")
    op.drop_index(op.f("ix_fused_events_sub_event_type"), table_name="fused_events")
    op.drop_index(op.f("ix_fused_events_place_id"), table_name="fused_events")
    op.drop_index(op.f("ix_fused_events_event_type"), table_name="fused_events")
    op.drop_index("ix_fused_events_date_type", table_name="fused_events")
    op.drop_index(op.f("ix_fused_events_date"), table_name="fused_events")
    op.drop_index(op.f("ix_fused_events_actor2_id"), table_name="fused_events")
    op.drop_index(op.f("ix_fused_events_actor1_id"), table_name="fused_events")

    op.drop_table("fused_events")
    op.drop_index(op.f("ix_doc_events_sub_event_type"), table_name="doc_events")
    op.drop_index(op.f("ix_doc_events_place_id"), table_name="doc_events")
    op.drop_index(op.f("ix_doc_events_event_type"), table_name="doc_events")
    op.drop_index(op.f("ix_doc_events_date"), table_name="doc_events")
    op.drop_index(op.f("ix_doc_events_actor2_id"), table_name="doc_events")
    op.drop_index(op.f("ix_doc_events_actor1_id"), table_name="doc_events")

    op.drop_table("doc_events")
    op.drop_table("shards")
    op.drop_index(op.f("ix_places_name"), table_name="places")
    op.drop_index(op.f("ix_places_country"), table_name="places")

    op.drop_table("places")
    op.drop_table("meta")
    op.drop_index(op.f("ix_merge_log_event_id"), table_name="merge_log")
    op.drop_index(op.f("ix_merge_log_doc_id"), table_name="merge_log")

    op.drop_table("merge_log")
    op.drop_index(op.f("ix_documents_status"), table_name="documents")
    op.drop_index(op.f("ix_documents_source"), table_name="documents")
    op.drop_index(op.f("ix_documents_published"), table_name="documents")

    op.drop_table("documents")
    op.drop_table("actors")
