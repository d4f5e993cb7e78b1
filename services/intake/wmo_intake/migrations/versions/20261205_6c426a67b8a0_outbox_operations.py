"""outbox: discard with reason, trace context

Revision ID: 6c426a67b8a0
Revises: c370d8082f57
Create Date: 2026-12-05 07:10:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import add_outbox_operations, drop_outbox_operations

revision: str = "6c426a67b8a0"
down_revision: str | None = "c370d8082f57"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_outbox_operations("intake")


def downgrade() -> None:
    drop_outbox_operations("intake")
