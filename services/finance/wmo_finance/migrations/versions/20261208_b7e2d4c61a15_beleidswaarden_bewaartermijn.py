"""beleidswaarden: policy values set by beheer, first the bewaartermijn of the destruction
list (issue 14.5)

Revision ID: b7e2d4c61a15
Revises: 5b2e7c9d1f30
Create Date: 2026-12-08 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from wmo_shared.beleidswaarden import append_only_sql

revision: str = "b7e2d4c61a15"
down_revision: str | None = "5b2e7c9d1f30"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "beleidswaarden",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("sleutel", sa.String(length=100), nullable=False),
        sa.Column("waarde", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("geldig_vanaf", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("sub", sa.String(length=200), nullable=False),
        sa.Column(
            "vastgesteld_op",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "geldig_tot IS NULL OR geldig_tot >= geldig_vanaf", name="ck_beleidswaarden_periode"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gemeente", "sleutel", "geldig_vanaf", name="uq_beleidswaarden_vanaf"),
        schema="finance",
    )
    # Values are only added: an old period is never rewritten (issue 12.8).
    for statement in append_only_sql("finance"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("beleidswaarden", schema="finance")
