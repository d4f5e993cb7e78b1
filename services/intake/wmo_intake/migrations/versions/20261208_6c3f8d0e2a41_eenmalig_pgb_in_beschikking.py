"""eenmalig pgb in de beschikking (issue 16.4): een maatwerkvoorziening in de vorm van een
eenmalig pgb (FIN-05) verwijst naar het eenmalig pgb van finance

Revision ID: 6c3f8d0e2a41
Revises: 4a9109e7f9ee
Create Date: 2026-12-08 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "6c3f8d0e2a41"
down_revision: str | None = "4a9109e7f9ee"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CK = "ck_maatwerkvoorzieningen_leveringsvorm"


def upgrade() -> None:
    op.add_column(
        "maatwerkvoorzieningen",
        sa.Column("eenmalig_pgb_id", sa.UUID(), nullable=True),
        schema="intake",
    )
    op.drop_constraint(_CK, "maatwerkvoorzieningen", type_="check", schema="intake")
    op.create_check_constraint(
        _CK,
        "maatwerkvoorzieningen",
        "leveringsvorm IN ('zin', 'pgb', 'financiele_tegemoetkoming', 'eenmalig_pgb')",
        schema="intake",
    )


def downgrade() -> None:
    op.drop_constraint(_CK, "maatwerkvoorzieningen", type_="check", schema="intake")
    op.create_check_constraint(
        _CK,
        "maatwerkvoorzieningen",
        "leveringsvorm IN ('zin', 'pgb', 'financiele_tegemoetkoming')",
        schema="intake",
    )
    op.drop_column("maatwerkvoorzieningen", "eenmalig_pgb_id", schema="intake")
