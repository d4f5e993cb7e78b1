"""dossier indexen: a cliënt's klachten, a melding's bezwaren and opdrachten (issue 14.1)

Revision ID: d0551e140001
Revises: e6c1a2b3d4f5
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "d0551e140001"
down_revision: str | None = "e6c1a2b3d4f5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_klachten_client", "klachten", ["client_id"], schema="intake")
    op.create_index("ix_bezwaren_melding", "bezwaren", ["melding_id"], schema="intake")


def downgrade() -> None:
    op.drop_index("ix_bezwaren_melding", "bezwaren", schema="intake")
    op.drop_index("ix_klachten_client", "klachten", schema="intake")
