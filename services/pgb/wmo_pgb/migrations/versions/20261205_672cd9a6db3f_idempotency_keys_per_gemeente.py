"""idempotency keys per gemeente

Revision ID: 672cd9a6db3f
Revises: 169cfc2e53c3
Create Date: 2026-12-05 07:00:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import scope_idempotency_keys_per_gemeente, unscope_idempotency_keys

revision: str = "672cd9a6db3f"
down_revision: str | None = "169cfc2e53c3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    scope_idempotency_keys_per_gemeente("pgb")


def downgrade() -> None:
    unscope_idempotency_keys("pgb")
