"""werkvoorraad of the provider side: partial indexes on the refused opdrachten and the
provider's opzeggingen

Revision ID: e6c1a2b3d4f5
Revises: b7f3a1e5c924
Create Date: 2026-12-05 13:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e6c1a2b3d4f5"
down_revision: str | None = "b7f3a1e5c924"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_opdrachten_geweigerd",
        "opdrachten",
        ["gemeente"],
        schema="intake",
        postgresql_where=sa.text("status = 'geweigerd'"),
    )
    op.create_index(
        "ix_opdrachten_opzegging_wacht",
        "opdrachten",
        ["gemeente"],
        schema="intake",
        postgresql_where=sa.text("(opzegging ->> 'door') = 'aanbieder'"),
    )

    op.create_index("ix_opdrachten_vorige", "opdrachten", ["vorige_opdracht_id"], schema="intake")
    op.create_index(
        "ix_opdrachten_voorziening", "opdrachten", ["maatwerkvoorziening_id"], schema="intake"
    )


def downgrade() -> None:
    op.drop_index("ix_opdrachten_voorziening", "opdrachten", schema="intake")
    op.drop_index("ix_opdrachten_vorige", "opdrachten", schema="intake")
    op.drop_index("ix_opdrachten_opzegging_wacht", "opdrachten", schema="intake")
    op.drop_index("ix_opdrachten_geweigerd", "opdrachten", schema="intake")
