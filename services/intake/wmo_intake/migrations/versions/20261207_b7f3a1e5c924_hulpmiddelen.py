"""hulpmiddelen in natura: eigendom of bruikleen (FIN-09), levensloop, en inname als grond om
een maatwerkvoorziening te beëindigen

Revision ID: b7f3a1e5c924
Revises: 9e4b2c6d8f12
Create Date: 2026-12-07 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "b7f3a1e5c924"
down_revision: str | None = "9e4b2c6d8f12"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.text("gen_random_uuid()")


def _tijd(naam: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(naam, sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def _voorziening() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "maatwerkvoorziening_id",
        postgresql.UUID(as_uuid=True),
        sa.ForeignKey("intake.maatwerkvoorzieningen.id"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "hulpmiddelen",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True, server_default=_ID),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column("omschrijving", sa.String(200), nullable=False),
        sa.Column("productcode", sa.String(5), nullable=False),
        sa.Column("kostprijs", sa.Numeric(12, 2), nullable=False),
        sa.Column("vorm", sa.String(20), nullable=False),
        sa.Column("leverancier", sa.String(200), nullable=False),
        sa.Column("serienummer", sa.String(60), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        _voorziening(),
        sa.Column("versie", sa.Integer(), nullable=False, server_default=sa.text("1")),
        _tijd("aangemaakt"),
        _tijd("gewijzigd"),
        sa.CheckConstraint("vorm IN ('eigendom', 'bruikleen')", name="ck_hulpmiddelen_vorm"),
        sa.CheckConstraint(
            "status IN ('besteld', 'geleverd', 'ingenomen')", name="ck_hulpmiddelen_status"
        ),
        schema="intake",
    )
    op.create_index(
        "ix_hulpmiddelen_voorziening", "hulpmiddelen", ["maatwerkvoorziening_id"], schema="intake"
    )
    op.create_table(
        "hulpmiddel_stappen",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True, server_default=_ID),
        sa.Column(
            "hulpmiddel_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.hulpmiddelen.id"),
            nullable=False,
        ),
        sa.Column("stap", sa.String(20), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        _voorziening(),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column(
            "regels", postgresql.JSONB(), nullable=False, server_default=sa.text("'[]'::jsonb")
        ),
        sa.Column("sub", sa.String(200), nullable=False),
        _tijd("aangemaakt"),
        sa.CheckConstraint(
            "stap IN ('bestelling', 'levering', 'onderhoud', 'inname', 'herverstrekking')",
            name="ck_hulpmiddel_stappen_stap",
        ),
        schema="intake",
    )
    op.create_index(
        "ix_hulpmiddel_stappen_hulpmiddel", "hulpmiddel_stappen", ["hulpmiddel_id"], schema="intake"
    )
    op.drop_constraint("ck_beeindigingen_grond", "beeindigingen", schema="intake")
    op.create_check_constraint(
        "ck_beeindigingen_grond",
        "beeindigingen",
        "grond IN ('intrekking', 'herziening', 'overlijden', 'verhuizing', 'inname')",
        schema="intake",
    )


def downgrade() -> None:
    op.drop_constraint("ck_beeindigingen_grond", "beeindigingen", schema="intake")
    op.create_check_constraint(
        "ck_beeindigingen_grond",
        "beeindigingen",
        "grond IN ('intrekking', 'herziening', 'overlijden', 'verhuizing')",
        schema="intake",
    )
    op.drop_table("hulpmiddel_stappen", schema="intake")
    op.drop_table("hulpmiddelen", schema="intake")
