"""vervoer als maatwerkvoorziening: kilometerbudget, begeleiding, medisch onderzoek en
vervoerder bij de voorziening (RES-07, FIN-10)

Revision ID: 9e4b2c6d8f12
Revises: 5d2e7a9b1c43
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "9e4b2c6d8f12"
down_revision: str | None = "5d2e7a9b1c43"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "maatwerkvoorzieningen",
        sa.Column("vervoer", postgresql.JSONB(), nullable=True),
        schema="intake",
    )


def downgrade() -> None:
    op.drop_column("maatwerkvoorzieningen", "vervoer", schema="intake")
