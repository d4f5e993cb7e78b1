"""audit per resource id: the AVG inzage finds every audit row about a person's rows by id
(issue 14.5)

Revision ID: a0d1e1400503
Revises: f3d3551d1916
Create Date: 2026-12-07 10:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "a0d1e1400503"
down_revision: str | None = "f3d3551d1916"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_resource_id", "audit", ["resource_id"], schema="pgb")


def downgrade() -> None:
    op.drop_index("ix_audit_resource_id", "audit", schema="pgb")
