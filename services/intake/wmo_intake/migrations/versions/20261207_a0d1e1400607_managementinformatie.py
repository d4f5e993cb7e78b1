"""managementinformatie: accepted declaratie lines with their amounts, and the indexes the
figures of a gemeente and period read through (issue 14.6)

Revision ID: a0d1e1400607
Revises: a0d1e1400502
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "a0d1e1400607"
down_revision: str | None = "a0d1e1400502"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXEN = (
    ("ix_meldingen_gemeente_ontvangst", "meldingen", ["gemeente", "ontvangstdatum"]),
    ("ix_meldingen_gemeente_onderzoek", "meldingen", ["gemeente", "onderzoek_uiterlijk"]),
    ("ix_aanvragen_gemeente_ontvangst", "aanvragen", ["gemeente", "ontvangstdatum"]),
    ("ix_aanvragen_gemeente_uiterlijk", "aanvragen", ["gemeente", "beschikking_uiterlijk"]),
    ("ix_beschikkingen_gemeente_besluit", "beschikkingen", ["gemeente", "besluitdatum"]),
    ("ix_bezwaren_gemeente_ontvangst", "bezwaren", ["gemeente", "ontvangstdatum"]),
    ("ix_opdrachten_gemeente_zorgplan", "opdrachten", ["gemeente", "zorgplan_uiterlijk"]),
)


def upgrade() -> None:
    op.create_table(
        "declaratieregels",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("iwmo_bericht_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("regel", sa.Integer(), nullable=False),
        sa.Column("toewijzingnummer", sa.BigInteger(), nullable=False),
        sa.Column("productcode", sa.String(length=5), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("bedrag", sa.Numeric(12, 2), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["iwmo_bericht_id"], ["intake.iwmo_berichten.id"]),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    op.create_index(
        "ix_declaratieregels_gemeente_begin",
        "declaratieregels",
        ["gemeente", "begindatum"],
        schema="intake",
    )
    for naam, tabel, kolommen in INDEXEN:
        op.create_index(naam, tabel, kolommen, schema="intake")


def downgrade() -> None:
    for naam, tabel, _ in reversed(INDEXEN):
        op.drop_index(naam, tabel, schema="intake")
    op.drop_table("declaratieregels", schema="intake")
