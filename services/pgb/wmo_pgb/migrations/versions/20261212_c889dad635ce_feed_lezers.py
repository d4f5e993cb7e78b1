"""feed_lezers: hoe ver de lezer van elke feed per gemeente is (issue 17.1, feed lag)

Revision ID: c889dad635ce
Revises: a0d1e1400503
Create Date: 2026-12-12 09:00:00.000000
"""

from collections.abc import Sequence

from wmo_shared.db.migrate import create_feed_lezers, drop_feed_lezers

revision: str = "c889dad635ce"
down_revision: str | None = "a0d1e1400503"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_feed_lezers("pgb")


def downgrade() -> None:
    drop_feed_lezers("pgb")
