"""clienten zoeken: genormaliseerde naam met trigram-index, geboortedatum- en adresindex

Revision ID: 5e1a7c3b9d21
Revises: 7b1e2c9d4f10
Create Date: 2026-12-07 09:00:00.000000

pg_trgm is created in schema intake by the bootstrap (``wmo_shared.db.bootstrap``, run by a
superuser; the chart's postInitApplicationSQL is generated from it): intake_owner may not create
extensions. The statement below is a no-op then, and installs it where the owner may.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# As domain.zoeken folds them (frozen here: a migration does not follow later code).
MET_ACCENT = "áàäâãåéèëêíìïîóòöôõúùüûýÿçñÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÝŸÇÑ"
ZONDER_ACCENT = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYYCN"

revision: str = "5e1a7c3b9d21"
down_revision: str | None = "7b1e2c9d4f10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA intake")
    op.add_column(
        "clienten",
        sa.Column(
            "zoeknaam",
            sa.String(401),
            sa.Computed(
                f"lower(translate((voornamen::text || ' ' || achternaam::text), "
                f"'{MET_ACCENT}', '{ZONDER_ACCENT}'))",
                persisted=True,
            ),
            nullable=True,
        ),
        schema="intake",
    )
    op.create_index(
        "ix_clienten_zoeknaam_trgm",
        "clienten",
        ["zoeknaam"],
        schema="intake",
        postgresql_using="gin",
        postgresql_ops={"zoeknaam": "intake.gin_trgm_ops"},
    )
    op.create_index(
        "ix_clienten_gemeente_geboortedatum",
        "clienten",
        ["gemeente", "geboortedatum"],
        schema="intake",
    )
    op.create_index(
        "ix_clienten_gemeente_adres",
        "clienten",
        ["gemeente", "postcode", "huisnummer"],
        schema="intake",
    )


def downgrade() -> None:
    op.drop_index("ix_clienten_gemeente_adres", "clienten", schema="intake")
    op.drop_index("ix_clienten_gemeente_geboortedatum", "clienten", schema="intake")
    op.drop_index("ix_clienten_zoeknaam_trgm", "clienten", schema="intake")
    op.drop_column("clienten", "zoeknaam", schema="intake")
