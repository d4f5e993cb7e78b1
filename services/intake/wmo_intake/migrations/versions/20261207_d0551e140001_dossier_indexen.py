"""dossier indexen: a cliënt's klachten, a melding's bezwaren and opdrachten (issue 14.1)

Revision ID: d0551e140001
Revises: 7b1e2c9d4f10
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "d0551e140001"
down_revision: str | None = "7b1e2c9d4f10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_klachten_client", "klachten", ["client_id"], schema="intake")
    op.create_index("ix_bezwaren_melding", "bezwaren", ["melding_id"], schema="intake")
    op.create_index("ix_opdrachten_melding", "opdrachten", ["melding_id"], schema="intake")


def downgrade() -> None:
    op.drop_index("ix_opdrachten_melding", "opdrachten", schema="intake")
    op.drop_index("ix_bezwaren_melding", "bezwaren", schema="intake")
    op.drop_index("ix_klachten_client", "klachten", schema="intake")
