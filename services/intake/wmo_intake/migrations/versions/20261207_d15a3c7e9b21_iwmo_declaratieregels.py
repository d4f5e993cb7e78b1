"""iwmo declaratieregels: accepted WMO323 lines in a table with an index (issue 15.5)

Revision ID: d15a3c7e9b21
Revises: 5e1a9c3b7d20
Create Date: 2026-12-07 09:00:00.000000

The declaraties accepted before this revision are read once from their stored messages and
retours, so the next check counts them as before.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from wmo_iwmo.geaccepteerd import geaccepteerd_volgens_retour
from wmo_iwmo.wmo323 import parse_wmo323
from wmo_iwmo.xsd import SchemaFouten

revision: str = "d15a3c7e9b21"
down_revision: str | None = "5e1a9c3b7d20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    regels = op.create_table(
        "iwmo_declaratieregels",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("afzender", sa.String(length=200), nullable=False),
        sa.Column("bericht_id", sa.UUID(), nullable=False),
        sa.Column("regel", sa.Integer(), nullable=False),
        sa.Column("toewijzingnummer", sa.BigInteger(), nullable=False),
        sa.Column("productcode", sa.String(length=5), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("volume", sa.BigInteger(), nullable=False),
        sa.Column("referentienummer", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["bericht_id"], ["intake.iwmo_berichten.id"]),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    op.create_index(
        "ix_iwmo_declaratieregels_toewijzing",
        "iwmo_declaratieregels",
        ["gemeente", "afzender", "toewijzingnummer"],
        schema="intake",
    )
    conn = op.get_bind()
    berichten = conn.execute(
        sa.text(
            "SELECT id, gemeente, afzender, inhoud, retour FROM intake.iwmo_berichten "
            "WHERE berichttype = 'WMO323' ORDER BY aangemaakt"
        )
    )
    for bericht in berichten:
        parsed = parse_wmo323(bericht.inhoud.encode("utf-8"))
        if isinstance(parsed, SchemaFouten):
            continue
        retour = bericht.retour if isinstance(bericht.retour, dict) else json.loads(bericht.retour)
        rows = [
            {
                "gemeente": bericht.gemeente,
                "afzender": bericht.afzender,
                "bericht_id": bericht.id,
                "regel": r.index,
                "toewijzingnummer": r.toewijzingnummer,
                "productcode": r.productcode,
                "begindatum": r.begindatum,
                "einddatum": r.einddatum,
                "volume": r.volume,
                "referentienummer": r.referentienummer,
            }
            for r in geaccepteerd_volgens_retour(parsed, retour)
        ]
        if rows:
            op.bulk_insert(regels, rows)


def downgrade() -> None:
    op.drop_index(
        "ix_iwmo_declaratieregels_toewijzing",
        table_name="iwmo_declaratieregels",
        schema="intake",
    )
    op.drop_table("iwmo_declaratieregels", schema="intake")
