"""outbox: discard with reason, trace context

Revision ID: 14a803887a33
Revises: 672cd9a6db3f
Create Date: 2026-12-05 07:10:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import add_outbox_operations, drop_outbox_operations

revision: str = "14a803887a33"
down_revision: str | None = "672cd9a6db3f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_outbox_operations("pgb")


def downgrade() -> None:
    drop_outbox_operations("pgb")
