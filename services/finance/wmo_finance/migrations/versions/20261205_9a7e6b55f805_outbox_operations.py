"""outbox: discard with reason, trace context

Revision ID: 9a7e6b55f805
Revises: c855e754f414
Create Date: 2026-12-05 07:10:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import add_outbox_operations, drop_outbox_operations

revision: str = "9a7e6b55f805"
down_revision: str | None = "c855e754f414"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_outbox_operations("finance")


def downgrade() -> None:
    drop_outbox_operations("finance")
