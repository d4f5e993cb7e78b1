"""idempotency keys per gemeente

Revision ID: c855e754f414
Revises: 784b83e36d90
Create Date: 2026-12-05 07:00:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import scope_idempotency_keys_per_gemeente, unscope_idempotency_keys

revision: str = "c855e754f414"
down_revision: str | None = "784b83e36d90"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    scope_idempotency_keys_per_gemeente("finance")


def downgrade() -> None:
    unscope_idempotency_keys("finance")
