"""werkvoorraad_taken: de open termijnen als tabel (issue 17.3), per pagina gelezen met een
index in de volgorde van de cursor in plaats van vijftien bronnen per pagina samen te voegen en
te sorteren; bijgehouden door uitgestelde triggers die bij de commit de termijnen van elke
geraakte melding opnieuw berekenen met de live query zelf (``db.werkvoorraad_bijhouden``), en
gevuld voor elke gemeente

Revision ID: 5d8e2f7a1c93
Revises: 7d9dc6bbeffa
Create Date: 2026-12-10 09:00:00.000000

The functions are generated from the live query of this code (``ddl()``); a later revision that
changes that query runs ``ddl()`` and the backfill again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from wmo_intake.db.werkvoorraad_bijhouden import MELDINGEN, SOORTEN, TRIGGER, ddl

revision: str = "5d8e2f7a1c93"
down_revision: str | None = "7d9dc6bbeffa"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TERMIJN = ["uiterlijk", "soort", "referentie"]


def upgrade() -> None:
    op.create_table(
        "werkvoorraad_taken",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("melding_id", sa.UUID(), nullable=True),
        sa.Column("referentie", sa.String(), nullable=False),
        sa.Column("client_id", sa.UUID(), nullable=True),
        sa.Column("uiterlijk", sa.Date(), nullable=True),
        sa.Column("behandelaar_sub", sa.String(length=200), nullable=True),
        sa.Column("team", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    for naam, kolommen in (
        ("termijn", ["gemeente", *TERMIJN]),
        ("behandelaar", ["gemeente", "behandelaar_sub", *TERMIJN]),
        ("team", ["gemeente", "team", *TERMIJN]),
        ("soort", ["gemeente", "soort", "uiterlijk", "referentie"]),
        ("melding", ["melding_id"]),
    ):
        op.create_index(
            f"ix_werkvoorraad_taken_{naam}", "werkvoorraad_taken", kolommen, schema="intake"
        )
    op.create_index(
        "ix_ingebrekestellingen_melding", "ingebrekestellingen", ["melding_id"], schema="intake"
    )
    for statement in ddl():
        op.execute(statement)
    op.execute(
        """SELECT intake.werkvoorraad_vul(gemeente) FROM (
            SELECT gemeente FROM intake.meldingen UNION SELECT gemeente FROM intake.klachten
            UNION SELECT gemeente FROM intake.aanbieder_kwaliteitsbewijzen
            UNION SELECT gemeente FROM intake.iwmo_verzoeken) AS g"""
    )


def downgrade() -> None:
    for tabel in [*MELDINGEN, *SOORTEN]:
        op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON intake.{tabel}")
    op.execute("DROP FUNCTION intake.werkvoorraad_vuil()")
    op.execute("DROP FUNCTION intake.werkvoorraad_vul(text)")
    op.execute("DROP FUNCTION intake.werkvoorraad_ververs(uuid, text, text)")
    op.drop_index("ix_ingebrekestellingen_melding", "ingebrekestellingen", schema="intake")
    op.drop_table("werkvoorraad_taken", schema="intake")
