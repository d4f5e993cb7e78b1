"""eenmalige pgb's aan de leverancier (FIN-05) en de feed van leveranciersbetalingen

Revision ID: 8c1d4e2f7a90
Revises: 07a51f14ecbf
Create Date: 2026-12-07 11:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "8c1d4e2f7a90"
down_revision: str | None = "07a51f14ecbf"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SOORTEN = (
    "voorziening IN ('roerende_woonvoorziening', 'onroerende_woonvoorziening', 'aanbouw', "
    "'hulpmiddel', 'sportvoorziening')"
)


def _tijd(naam: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(naam, sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def upgrade() -> None:
    op.create_table(
        "eenmalige_pgbs",
        sa.Column(
            "id",
            postgresql.UUID(as_uuid=True),
            primary_key=True,
            server_default=sa.text("gen_random_uuid()"),
        ),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.Column("aanvraag_id", postgresql.UUID(as_uuid=True), nullable=True),
        sa.Column("voorziening", sa.String(40), nullable=False),
        sa.Column("besluitdatum", sa.Date(), nullable=False),
        sa.Column("kostprijs", sa.Numeric(12, 2), nullable=False),
        sa.Column("bedrag", sa.Numeric(12, 2), nullable=False),
        sa.Column("leverancier", postgresql.JSONB(), nullable=False),
        sa.Column("invoer", postgresql.JSONB(), nullable=False),
        sa.Column("regels", postgresql.JSONB(), nullable=False),
        sa.Column("aangemaakt_door", sa.String(200), nullable=False),
        _tijd("aangemaakt"),
        sa.CheckConstraint(_SOORTEN, name="ck_eenmalige_pgbs_voorziening"),
        schema="finance",
    )
    op.create_index(
        "ix_eenmalige_pgbs_gemeente_bsn", "eenmalige_pgbs", ["gemeente", "bsn"], schema="finance"
    )
    op.create_table(
        "leveranciersbetalingen",
        sa.Column("volgnummer", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column(
            "eenmalig_pgb_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("finance.eenmalige_pgbs.id"),
            nullable=False,
            unique=True,
        ),
        sa.Column("leverancier_naam", sa.String(200), nullable=False),
        sa.Column("leverancier_kvk", sa.String(8), nullable=False),
        sa.Column("rekeningnummer", sa.String(34), nullable=False),
        sa.Column("bedrag", sa.Numeric(12, 2), nullable=False),
        sa.Column("betalingskenmerk", sa.String(60), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("besluitdatum", sa.Date(), nullable=False),
        _tijd("aangemaakt"),
        schema="finance",
    )
    op.create_index(
        "ix_leveranciersbetalingen_gemeente",
        "leveranciersbetalingen",
        ["gemeente", "volgnummer"],
        schema="finance",
    )
    # The feed only grows: a payment once listed is never rewritten.
    op.execute(
        'REVOKE UPDATE, DELETE, TRUNCATE ON "finance".leveranciersbetalingen FROM "finance_app"'
    )


def downgrade() -> None:
    op.drop_table("leveranciersbetalingen", schema="finance")
    op.drop_table("eenmalige_pgbs", schema="finance")
