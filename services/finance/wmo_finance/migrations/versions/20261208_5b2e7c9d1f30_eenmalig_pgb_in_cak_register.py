"""eenmalig pgb in het CAK-register (issue 16.4): de maatwerkvoorziening van een eenmalig pgb
(FIN-05) staat in het register met de reden waarom er geen eigen bijdrage op rust

Revision ID: 5b2e7c9d1f30
Revises: a0d1e1400505
Create Date: 2026-12-08 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5b2e7c9d1f30"
down_revision: str | None = "a0d1e1400505"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CK = "ck_cak_voorzieningen_leveringsvorm"


def upgrade() -> None:
    op.add_column(
        "cak_voorzieningen",
        sa.Column("eenmalig_pgb_id", sa.UUID(), nullable=True),
        schema="finance",
    )
    op.drop_constraint(_CK, "cak_voorzieningen", type_="check", schema="finance")
    op.create_check_constraint(
        _CK,
        "cak_voorzieningen",
        "leveringsvorm IN ('zin', 'pgb', 'financiele_tegemoetkoming', 'eenmalig_pgb')",
        schema="finance",
    )


def downgrade() -> None:
    op.drop_constraint(_CK, "cak_voorzieningen", type_="check", schema="finance")
    op.create_check_constraint(
        _CK,
        "cak_voorzieningen",
        "leveringsvorm IN ('zin', 'pgb', 'financiele_tegemoetkoming')",
        schema="finance",
    )
    op.drop_column("cak_voorzieningen", "eenmalig_pgb_id", schema="finance")
