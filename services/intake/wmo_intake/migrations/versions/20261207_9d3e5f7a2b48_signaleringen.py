"""signaleringen: wat een behandelaar als gezien markeerde; opdrachten per melding

Revision ID: 9d3e5f7a2b48
Revises: 8c2d4e6f1a37
Create Date: 2026-12-07 11:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9d3e5f7a2b48"
down_revision: str | None = "8c2d4e6f1a37"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signalering_gezien",
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column("sub", sa.String(200), nullable=False),
        sa.Column("sleutel", sa.String(200), nullable=False),
        sa.Column(
            "gezien_op", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.PrimaryKeyConstraint("gemeente", "sub", "sleutel", name="pk_signalering_gezien"),
        schema="intake",
    )
    op.create_index("ix_opdrachten_melding", "opdrachten", ["melding_id"], schema="intake")


def downgrade() -> None:
    op.drop_index("ix_opdrachten_melding", "opdrachten", schema="intake")
    op.drop_table("signalering_gezien", schema="intake")
