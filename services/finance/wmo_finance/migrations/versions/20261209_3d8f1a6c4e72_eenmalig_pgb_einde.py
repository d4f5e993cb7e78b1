"""einde van een eenmalig pgb (FIN-05): de betaling aan de leverancier wordt als uitgevoerd
gemeld (betaald_op, versie); een intrekking of herziening van de beschikking beëindigt het pgb
(eenmalig_pgb_beeindigingen) en vóór de betaling krijgt de feed leveranciersbetalingen een
annulering (soort, annuleert): één betaling en ten hoogste één annulering per pgb

Revision ID: 3d8f1a6c4e72
Revises: b7e2d4c61a15
Create Date: 2026-12-09 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "3d8f1a6c4e72"
down_revision: str | None = "b7e2d4c61a15"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OUD = "leveranciersbetalingen_eenmalig_pgb_id_key"  # PostgreSQL's name for unique=True


def upgrade() -> None:
    op.add_column("eenmalige_pgbs", sa.Column("betaald_op", sa.Date()), schema="finance")
    op.add_column(
        "eenmalige_pgbs",
        sa.Column("versie", sa.Integer(), nullable=False, server_default=sa.text("1")),
        schema="finance",
    )
    op.add_column(
        "leveranciersbetalingen",
        sa.Column("soort", sa.String(20), nullable=False, server_default=sa.text("'betaling'")),
        schema="finance",
    )
    op.add_column(
        "leveranciersbetalingen", sa.Column("annuleert", sa.BigInteger()), schema="finance"
    )
    op.create_check_constraint(
        "ck_leveranciersbetalingen_soort",
        "leveranciersbetalingen",
        "soort IN ('betaling', 'annulering')",
        schema="finance",
    )
    op.drop_constraint(_OUD, "leveranciersbetalingen", type_="unique", schema="finance")
    op.create_unique_constraint(
        "uq_leveranciersbetalingen_pgb_soort",
        "leveranciersbetalingen",
        ["eenmalig_pgb_id", "soort"],
        schema="finance",
    )
    op.create_table(
        "eenmalig_pgb_beeindigingen",
        sa.Column(
            "id",
            postgresql.UUID(as_uuid=True),
            primary_key=True,
            server_default=sa.text("gen_random_uuid()"),
        ),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column(
            "eenmalig_pgb_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("finance.eenmalige_pgbs.id"),
            nullable=False,
            unique=True,
        ),
        sa.Column("event_id", postgresql.UUID(as_uuid=True), nullable=False, unique=True),
        sa.Column("beschikking_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("maatwerkvoorziening_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("grond", sa.String(20), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("gevolg", sa.String(40), nullable=False),
        sa.Column("annulering_volgnummer", sa.BigInteger()),
        sa.Column("regels", postgresql.JSONB(), nullable=False),
        sa.Column(
            "ontvangen", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.CheckConstraint(
            "grond IN ('intrekking', 'herziening')", name="ck_eenmalig_pgb_beeindigingen_grond"
        ),
        sa.CheckConstraint(
            "gevolg IN ('betaling-geannuleerd', 'terugvordering-ter-beoordeling')",
            name="ck_eenmalig_pgb_beeindigingen_gevolg",
        ),
        schema="finance",
    )


def downgrade() -> None:
    op.drop_table("eenmalig_pgb_beeindigingen", schema="finance")
    op.execute("DELETE FROM finance.leveranciersbetalingen WHERE soort = 'annulering'")
    op.drop_constraint(
        "uq_leveranciersbetalingen_pgb_soort",
        "leveranciersbetalingen",
        type_="unique",
        schema="finance",
    )
    op.create_unique_constraint(
        _OUD, "leveranciersbetalingen", ["eenmalig_pgb_id"], schema="finance"
    )
    op.drop_constraint(
        "ck_leveranciersbetalingen_soort", "leveranciersbetalingen", type_="check", schema="finance"
    )
    op.drop_column("leveranciersbetalingen", "annuleert", schema="finance")
    op.drop_column("leveranciersbetalingen", "soort", schema="finance")
    op.drop_column("eenmalige_pgbs", "versie", schema="finance")
    op.drop_column("eenmalige_pgbs", "betaald_op", schema="finance")
