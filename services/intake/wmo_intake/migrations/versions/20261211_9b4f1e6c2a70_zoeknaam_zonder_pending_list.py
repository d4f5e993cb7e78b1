"""ix_clienten_zoeknaam_trgm zonder pending list (fastupdate = off): een nieuwe cliënt komt
meteen in de trigram-index, zodat een zoekopdracht op naam niet elke sinds de laatste vacuum
geregistreerde cliënt één voor één leest (issue 17.3)

Revision ID: 9b4f1e6c2a70
Revises: 5d8e2f7a1c93
Create Date: 2026-12-11 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "9b4f1e6c2a70"
down_revision: str | None = "5d8e2f7a1c93"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER INDEX intake.ix_clienten_zoeknaam_trgm SET (fastupdate = off)")
    # What the pending list holds now goes into the index itself.
    op.execute("SELECT gin_clean_pending_list('intake.ix_clienten_zoeknaam_trgm'::regclass)")


def downgrade() -> None:
    op.execute("ALTER INDEX intake.ix_clienten_zoeknaam_trgm RESET (fastupdate)")
