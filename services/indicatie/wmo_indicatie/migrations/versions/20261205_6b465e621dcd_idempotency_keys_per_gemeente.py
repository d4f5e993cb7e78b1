"""idempotency keys per gemeente

Revision ID: 6b465e621dcd
Revises: d2342baaed6a
Create Date: 2026-12-05 07:00:00
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import scope_idempotency_keys_per_gemeente, unscope_idempotency_keys

revision: str = "6b465e621dcd"
down_revision: str | None = "d2342baaed6a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    scope_idempotency_keys_per_gemeente("indicatie")


def downgrade() -> None:
    unscope_idempotency_keys("indicatie")
