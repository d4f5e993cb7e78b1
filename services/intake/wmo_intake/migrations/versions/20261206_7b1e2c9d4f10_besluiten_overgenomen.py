"""besluiten overgenomen: bedrag en motivering van een afwijking van de indicatie

Revision ID: 7b1e2c9d4f10
Revises: 0032266425f3
Create Date: 2026-12-06 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7b1e2c9d4f10"
down_revision: str | None = "0032266425f3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "maatwerkvoorzieningen",
        sa.Column("bedrag", sa.Numeric(12, 2), nullable=True),
        schema="intake",
    )
    op.add_column(
        "maatwerkvoorzieningen",
        sa.Column("motivering_afwijking", sa.Text(), nullable=True),
        schema="intake",
    )


def downgrade() -> None:
    op.drop_column("maatwerkvoorzieningen", "motivering_afwijking", schema="intake")
    op.drop_column("maatwerkvoorzieningen", "bedrag", schema="intake")
