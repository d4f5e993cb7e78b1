"""feed_lezers: hoe ver de lezer van elke feed per gemeente is (issue 17.1, feed lag)

Revision ID: 87459c182a31
Revises: c3e8a1f4b6d2
Create Date: 2026-12-12 09:00:00.000000
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import create_feed_lezers, drop_feed_lezers

revision: str = "87459c182a31"
down_revision: str | None = "c3e8a1f4b6d2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_feed_lezers("intake")


def downgrade() -> None:
    drop_feed_lezers("intake")
