"""iwmo verzoeken (WMO315/317) with their terms and answers, and the WMO319s sent (issue 15.3)

Revision ID: d15b4f8a0c32
Revises: d15a3c7e9b21
Create Date: 2026-12-07 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "d15b4f8a0c32"
down_revision: str | None = "d15a3c7e9b21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "iwmo_verzoeken",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("bericht_id", sa.UUID(), nullable=False),
        sa.Column("berichttype", sa.String(length=6), nullable=False),
        sa.Column("aanbieder_agb", sa.String(length=8), nullable=False),
        sa.Column("referentie_aanbieder", sa.String(length=36), nullable=False),
        sa.Column("bsn", sa.String(length=9), nullable=False),
        sa.Column("client_id", sa.UUID(), nullable=True),
        sa.Column("verzoek", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("ontvangen_op", sa.Date(), nullable=False),
        sa.Column("retour_uiterlijk", sa.Date(), nullable=False),
        sa.Column("retour_verzonden_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("antwoord_uiterlijk", sa.Date(), nullable=False),
        sa.Column("beantwoord_op", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), server_default=sa.text("'open'"), nullable=False),
        sa.Column(
            "antwoorden",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("regels", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("versie", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('open', 'in-onderzoek', 'toegekend', 'afgewezen')",
            name="ck_iwmo_verzoeken_status",
        ),
        sa.CheckConstraint(
            "berichttype IN ('WMO315', 'WMO317')", name="ck_iwmo_verzoeken_berichttype"
        ),
        sa.ForeignKeyConstraint(["bericht_id"], ["intake.iwmo_berichten.id"]),
        sa.ForeignKeyConstraint(["client_id"], ["intake.clienten.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "gemeente", "aanbieder_agb", "referentie_aanbieder", name="uq_iwmo_verzoeken_referentie"
        ),
        schema="intake",
    )
    op.create_index(
        "ix_iwmo_verzoeken_open",
        "iwmo_verzoeken",
        ["gemeente", "status", "antwoord_uiterlijk"],
        schema="intake",
    )
    op.create_table(
        "iwmo_antwoorden",
        sa.Column("volgnummer", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("aanbieder_agb", sa.String(length=8), nullable=False),
        sa.Column("verzoek_id", sa.UUID(), nullable=False),
        sa.Column("identificatie", sa.String(length=12), nullable=False),
        sa.Column("inhoud", sa.Text(), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["verzoek_id"], ["intake.iwmo_verzoeken.id"]),
        sa.PrimaryKeyConstraint("volgnummer"),
        schema="intake",
    )
    op.create_index(
        "ix_iwmo_antwoorden_gemeente",
        "iwmo_antwoorden",
        ["gemeente", "volgnummer"],
        schema="intake",
    )


def downgrade() -> None:
    op.drop_index("ix_iwmo_antwoorden_gemeente", table_name="iwmo_antwoorden", schema="intake")
    op.drop_table("iwmo_antwoorden", schema="intake")
    op.drop_index("ix_iwmo_verzoeken_open", table_name="iwmo_verzoeken", schema="intake")
    op.drop_table("iwmo_verzoeken", schema="intake")
