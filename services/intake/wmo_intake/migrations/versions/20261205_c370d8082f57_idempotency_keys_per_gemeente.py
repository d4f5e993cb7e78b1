"""idempotency keys per gemeente

Revision ID: c370d8082f57
Revises: 2f604ea9c093
Create Date: 2026-12-05 07:00:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import scope_idempotency_keys_per_gemeente, unscope_idempotency_keys

revision: str = "c370d8082f57"
down_revision: str | None = "2f604ea9c093"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    scope_idempotency_keys_per_gemeente("intake")


def downgrade() -> None:
    unscope_idempotency_keys("intake")
