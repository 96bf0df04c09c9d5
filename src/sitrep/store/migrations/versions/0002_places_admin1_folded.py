"""places.admin1_folded: an indexed, case- and accent-folded admin1, for the admin1 filter.

Existing places are filled in here, so events stored before this revision filter alike
(online only: an offline SQL script, `alembic upgrade --sql`, cannot run Python's fold, and
leaves the column empty for existing rows). The fold is copied, not imported: a migration
must keep doing what it did when written.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-28
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def upgrade() -> None:
    with op.batch_alter_table("places") as batch:
        batch.add_column(sa.Column("admin1_folded", sa.String(), nullable=True))
        batch.create_index(batch.f("ix_places_admin1_folded"), ["admin1_folded"], unique=False)

    if op.get_context().as_sql:
        return
    places = sa.table(
        "places",
        sa.column("id", sa.Integer()),
        sa.column("admin1", sa.String()),
        sa.column("admin1_folded", sa.String()),
    )
    conn = op.get_bind()
    last = 0
    while True:
        found = conn.execute(
            sa.select(places.c.id, places.c.admin1)
            .where(places.c.admin1.is_not(None), places.c.id > last)
            .order_by(places.c.id)
            .limit(BATCH)
        ).all()
        if not found:
            break
        conn.execute(
            places.update()
            .where(places.c.id == sa.bindparam("pid"))
            .values(admin1_folded=sa.bindparam("folded")),
            [{"pid": pid, "folded": _fold(admin1)} for pid, admin1 in found],
        )
        last = found[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("places") as batch:
        batch.drop_index(batch.f("ix_places_admin1_folded"))
        batch.drop_column("admin1_folded")
