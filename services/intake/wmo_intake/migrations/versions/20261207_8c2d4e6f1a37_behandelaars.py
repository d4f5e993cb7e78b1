"""behandelaars: behandelaar en team van een melding, de historie van wissels

Revision ID: 8c2d4e6f1a37
Revises: 5e1a7c3b9d21
Create Date: 2026-12-07 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "8c2d4e6f1a37"
down_revision: str | None = "5e1a7c3b9d21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for naam, lengte in (("behandelaar_sub", 200), ("behandelaar_naam", 200), ("team", 100)):
        op.add_column(
            "meldingen", sa.Column(naam, sa.String(lengte), nullable=True), schema="intake"
        )
    op.create_index(
        "ix_meldingen_gemeente_behandelaar",
        "meldingen",
        ["gemeente", "behandelaar_sub"],
        schema="intake",
    )
    op.create_index(
        "ix_meldingen_gemeente_team", "meldingen", ["gemeente", "team"], schema="intake"
    )
    op.create_index("ix_beschikkingen_aanvraag", "beschikkingen", ["aanvraag_id"], schema="intake")
    op.create_table(
        "behandelaarwissels",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column(
            "melding_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.meldingen.id"),
            nullable=False,
        ),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("van_sub", sa.String(200), nullable=True),
        sa.Column("van_naam", sa.String(200), nullable=True),
        sa.Column("naar_sub", sa.String(200), nullable=False),
        sa.Column("naar_naam", sa.String(200), nullable=True),
        sa.Column("team", sa.String(100), nullable=True),
        sa.Column("reden", sa.Text(), nullable=True),
        sa.Column(
            "regels",
            postgresql.JSONB(),
            nullable=False,
            server_default=sa.text("'[]'::jsonb"),
        ),
        sa.Column("door_sub", sa.String(200), nullable=False),
        sa.Column("door_rol", sa.String(200), nullable=False),
        sa.Column(
            "tijdstip", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.CheckConstraint(
            "soort IN ('toewijzing', 'oppakken', 'overdracht')",
            name="ck_behandelaarwissels_soort",
        ),
        schema="intake",
    )
    op.create_index(
        "ix_behandelaarwissels_melding",
        "behandelaarwissels",
        ["melding_id", "id"],
        schema="intake",
    )


def downgrade() -> None:
    op.drop_index("ix_behandelaarwissels_melding", "behandelaarwissels", schema="intake")
    op.drop_table("behandelaarwissels", schema="intake")
    op.drop_index("ix_beschikkingen_aanvraag", "beschikkingen", schema="intake")
    op.drop_index("ix_meldingen_gemeente_team", "meldingen", schema="intake")
    op.drop_index("ix_meldingen_gemeente_behandelaar", "meldingen", schema="intake")
    for naam in ("team", "behandelaar_naam", "behandelaar_sub"):
        op.drop_column("meldingen", naam, schema="intake")
