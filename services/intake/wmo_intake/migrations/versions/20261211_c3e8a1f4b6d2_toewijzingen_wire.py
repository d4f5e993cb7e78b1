"""toewijzingen.wire: elk item ook als JSON-tekst in de volgorde van de feed, zodat een pagina
de opgeslagen teksten samenvoegt in plaats van elk item uit de JSONB op te bouwen (issue 17.3);
de bestaande rijen krijgen de tekst die een pagina tot nu toe opbouwde

Revision ID: c3e8a1f4b6d2
Revises: 9b4f1e6c2a70
Create Date: 2026-12-11 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from wmo_intake.db.toewijzingen import wire_backfill_sql
from wmo_shared.contracts import ToewijzingFeedItem

revision: str = "c3e8a1f4b6d2"
down_revision: str | None = "9b4f1e6c2a70"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable without a default: no rewrite of the table, whatever its size.
    op.add_column(
        "toewijzingen", sa.Column("wire", postgresql.JSON(), nullable=True), schema="intake"
    )
    # The rows are never updated after they are written (a changed opdracht is a new row), so
    # one UPDATE blocks no writer; ~1 min per million rows. A page rebuilds a row still
    # without (written by an older release during the rollout).
    op.execute(wire_backfill_sql(ToewijzingFeedItem))


def downgrade() -> None:
    op.drop_column("toewijzingen", "wire", schema="intake")
