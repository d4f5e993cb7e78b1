"""outbox: discard with reason, trace context

Revision ID: 408ae87b2a66
Revises: 6b465e621dcd
Create Date: 2026-12-05 07:10:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import add_outbox_operations, drop_outbox_operations

revision: str = "408ae87b2a66"
down_revision: str | None = "6b465e621dcd"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_outbox_operations("indicatie")


def downgrade() -> None:
    drop_outbox_operations("indicatie")
