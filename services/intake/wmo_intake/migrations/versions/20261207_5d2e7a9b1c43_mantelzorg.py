"""mantelzorg: mantelzorgers met belasting en zaken, de mantelzorgwaardering (MZ-03) en de
beleidswaarden van intake (het bedrag dat het beleid niet noemt)

Revision ID: 5d2e7a9b1c43
Revises: 3f8a1c2d5e60
Create Date: 2026-12-07 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from wmo_shared.beleidswaarden import append_only_sql

revision: str = "5d2e7a9b1c43"
down_revision: str | None = "3f8a1c2d5e60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.text("gen_random_uuid()")


def _id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True, server_default=_ID)


def _tijd(naam: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(naam, sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def _fk(naam: str, doel: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        naam, postgresql.UUID(as_uuid=True), sa.ForeignKey(f"intake.{doel}"), nullable=nullable
    )


def upgrade() -> None:
    op.create_table(
        "mantelzorgers",
        _id(),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("telefoon", sa.String(40), nullable=True),
        _fk("client_id", "clienten.id"),
        sa.Column("relatie", sa.String(100), nullable=False),
        sa.Column("uren_per_week", sa.Numeric(5, 1), nullable=True),
        sa.Column("belasting", sa.String(20), nullable=False),
        sa.Column("belasting_toelichting", sa.Text(), nullable=False),
        sa.Column("behoefteduur", sa.String(20), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False, server_default=sa.text("1")),
        _tijd("aangemaakt"),
        _tijd("gewijzigd"),
        sa.CheckConstraint(
            "belasting IN ('geen', 'dreigend', 'vastgesteld', 'twijfel')",
            name="ck_mantelzorgers_belasting",
        ),
        sa.CheckConstraint(
            "behoefteduur IN ('kortdurend', 'langdurend')", name="ck_mantelzorgers_behoefteduur"
        ),
        schema="intake",
    )
    op.create_index("ix_mantelzorgers_client", "mantelzorgers", ["client_id"], schema="intake")
    op.create_table(
        "mantelzorger_zaken",
        _fk("mantelzorger_id", "mantelzorgers.id"),
        _fk("melding_id", "meldingen.id"),
        sa.PrimaryKeyConstraint("mantelzorger_id", "melding_id", name="pk_mantelzorger_zaken"),
        schema="intake",
    )
    op.create_table(
        "mantelzorgwaarderingen",
        _id(),
        sa.Column("gemeente", sa.String(4), nullable=False),
        _fk("mantelzorger_id", "mantelzorgers.id"),
        _fk("client_id", "clienten.id"),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("aanmelddatum", sa.Date(), nullable=False),
        sa.Column("uren_per_week", sa.Numeric(5, 1), nullable=False),
        sa.Column("zorg_van", sa.Date(), nullable=False),
        sa.Column("zorg_tot", sa.Date(), nullable=True),
        sa.Column("vrijwillige_keus", sa.Boolean(), nullable=False),
        sa.Column("uitkomst", sa.String(20), nullable=False),
        sa.Column("bedrag", sa.Numeric(10, 2), nullable=True),
        sa.Column("uitvoerder", sa.String(200), nullable=False),
        sa.Column(
            "regels", postgresql.JSONB(), nullable=False, server_default=sa.text("'[]'::jsonb")
        ),
        _tijd("aangemaakt"),
        sa.CheckConstraint(
            "uitkomst IN ('toegekend', 'afgewezen')", name="ck_mantelzorgwaarderingen_uitkomst"
        ),
        sa.CheckConstraint(
            "uitkomst = 'afgewezen' OR bedrag IS NOT NULL",
            name="ck_mantelzorgwaarderingen_bedrag",
        ),
        schema="intake",
    )
    # One toegekende per mantelzorger, hulpvrager and year (MZ-03).
    op.create_index(
        "uq_mantelzorgwaardering_per_jaar",
        "mantelzorgwaarderingen",
        ["mantelzorger_id", "client_id", "jaar"],
        unique=True,
        postgresql_where=sa.text("uitkomst = 'toegekend'"),
        schema="intake",
    )
    op.create_index(
        "ix_mantelzorgwaarderingen_gemeente_jaar",
        "mantelzorgwaarderingen",
        ["gemeente", "jaar"],
        schema="intake",
    )
    op.create_table(
        "beleidswaarden",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("sleutel", sa.String(length=100), nullable=False),
        sa.Column("waarde", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("geldig_vanaf", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("sub", sa.String(length=200), nullable=False),
        _tijd("vastgesteld_op"),
        sa.CheckConstraint(
            "geldig_tot IS NULL OR geldig_tot >= geldig_vanaf", name="ck_beleidswaarden_periode"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gemeente", "sleutel", "geldig_vanaf", name="uq_beleidswaarden_vanaf"),
        schema="intake",
    )
    for statement in append_only_sql("intake"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("beleidswaarden", schema="intake")
    op.drop_table("mantelzorgwaarderingen", schema="intake")
    op.drop_table("mantelzorger_zaken", schema="intake")
    op.drop_table("mantelzorgers", schema="intake")
