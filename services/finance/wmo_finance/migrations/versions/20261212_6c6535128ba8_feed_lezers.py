"""feed_lezers: hoe ver de lezer van elke feed per gemeente is (issue 17.1, feed lag)

Revision ID: 6c6535128ba8
Revises: 3d8f1a6c4e72
Create Date: 2026-12-12 09:00:00.000000
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import create_feed_lezers, drop_feed_lezers

revision: str = "6c6535128ba8"
down_revision: str | None = "3d8f1a6c4e72"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_feed_lezers("finance")


def downgrade() -> None:
    drop_feed_lezers("finance")
