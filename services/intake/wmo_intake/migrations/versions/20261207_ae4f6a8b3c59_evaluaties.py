"""evaluaties: doelrealisatie, uitkomst en de volgende evaluatie van een maatwerkvoorziening

Revision ID: ae4f6a8b3c59
Revises: 9d3e5f7a2b48
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "ae4f6a8b3c59"
down_revision: str | None = "9d3e5f7a2b48"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "maatwerkvoorzieningen",
        sa.Column("volgende_evaluatie", sa.Date(), nullable=True),
        schema="intake",
    )
    op.create_index(
        "ix_maatwerkvoorzieningen_evaluatie",
        "maatwerkvoorzieningen",
        ["gemeente", "volgende_evaluatie"],
        schema="intake",
        postgresql_where=sa.text("volgende_evaluatie IS NOT NULL"),
    )
    op.create_index(
        "ix_maatwerkvoorzieningen_vervangt",
        "maatwerkvoorzieningen",
        ["vervangt_id"],
        schema="intake",
    )
    op.create_index(
        "ix_beschikkingen_vorige", "beschikkingen", ["vorige_beschikking_id"], schema="intake"
    )
    op.create_table(
        "evaluaties",
        sa.Column(
            "id",
            postgresql.UUID(as_uuid=True),
            primary_key=True,
            server_default=sa.text("gen_random_uuid()"),
        ),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column(
            "maatwerkvoorziening_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.maatwerkvoorzieningen.id"),
            nullable=False,
        ),
        sa.Column(
            "melding_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.meldingen.id"),
            nullable=False,
        ),
        sa.Column("evaluatiedatum", sa.Date(), nullable=False),
        sa.Column("doelrealisatie", postgresql.JSONB(), nullable=False),
        sa.Column("uitkomst", sa.String(20), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("duurcategorie", sa.String(20), nullable=True),
        sa.Column("volgende_evaluatie", sa.Date(), nullable=True),
        sa.Column("sub", sa.String(200), nullable=False),
        sa.Column(
            "regels", postgresql.JSONB(), nullable=False, server_default=sa.text("'[]'::jsonb")
        ),
        sa.Column(
            "aangemaakt", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        schema="intake",
    )
    op.create_index(
        "ix_evaluaties_voorziening",
        "evaluaties",
        ["maatwerkvoorziening_id", "evaluatiedatum"],
        schema="intake",
    )


def downgrade() -> None:
    op.drop_index("ix_evaluaties_voorziening", "evaluaties", schema="intake")
    op.drop_table("evaluaties", schema="intake")
    op.drop_index("ix_beschikkingen_vorige", "beschikkingen", schema="intake")
    op.drop_index("ix_maatwerkvoorzieningen_vervangt", "maatwerkvoorzieningen", schema="intake")
    op.drop_index("ix_maatwerkvoorzieningen_evaluatie", "maatwerkvoorzieningen", schema="intake")
    op.drop_column("maatwerkvoorzieningen", "volgende_evaluatie", schema="intake")
