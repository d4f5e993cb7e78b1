"""algemene en collectieve voorzieningen: het register per gemeente en de doorverwijzingen
vanuit een onderzoek (INT-06, seed 002 art. 1)

Revision ID: 3f8a1c2d5e60
Revises: d15b4f8a0c32
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "3f8a1c2d5e60"
down_revision: str | None = "d15b4f8a0c32"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.text("gen_random_uuid()")


def upgrade() -> None:
    op.create_table(
        "algemene_voorzieningen",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True, server_default=_ID),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column("volgnummer", sa.BigInteger(), sa.Identity(), nullable=False, unique=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("aanbod", sa.Text(), nullable=False),
        sa.Column("bereikbaarheid", sa.Text(), nullable=False),
        sa.Column("telefoon", sa.String(40), nullable=True),
        sa.Column("website", sa.String(300), nullable=True),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False, server_default=sa.text("1")),
        sa.Column(
            "aangemaakt", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column(
            "gewijzigd", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.CheckConstraint(
            "soort IN ('algemeen', 'collectief')", name="ck_algemene_voorzieningen_soort"
        ),
        sa.UniqueConstraint("gemeente", "naam", name="uq_algemene_voorzieningen_naam"),
        schema="intake",
    )
    op.create_table(
        "doorverwijzingen",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True, server_default=_ID),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column(
            "onderzoek_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.onderzoeken.id"),
            nullable=False,
        ),
        sa.Column(
            "voorziening_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.algemene_voorzieningen.id"),
            nullable=False,
        ),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("lost_op", postgresql.JSONB(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("mededeling", sa.Text(), nullable=False),
        sa.Column(
            "regels", postgresql.JSONB(), nullable=False, server_default=sa.text("'[]'::jsonb")
        ),
        sa.Column(
            "aangemaakt", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        schema="intake",
    )
    op.create_index(
        "ix_doorverwijzingen_onderzoek", "doorverwijzingen", ["onderzoek_id"], schema="intake"
    )


def downgrade() -> None:
    op.drop_table("doorverwijzingen", schema="intake")
    op.drop_table("algemene_voorzieningen", schema="intake")
