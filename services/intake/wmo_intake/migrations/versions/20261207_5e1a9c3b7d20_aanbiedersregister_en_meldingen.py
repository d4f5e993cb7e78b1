"""aanbiedersregister, kwaliteitsbewijzen, meldingen van aanbieders, no-show-toestemmingen en
de vervolgopdracht

Revision ID: 5e1a9c3b7d20
Revises: ae4f6a8b3c59
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5e1a9c3b7d20"
down_revision: str | None = "ae4f6a8b3c59"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False)


def _moment(naam: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        naam, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "aanbieders",
        _id(),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("agb", sa.String(length=8), nullable=False),
        sa.Column("kvk", sa.String(length=8), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("contact", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("producten", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("versie", sa.Integer(), server_default=sa.text("1"), nullable=False),
        _moment("aangemaakt"),
        _moment("gewijzigd"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gemeente", "agb", name="uq_aanbieders_gemeente_agb"),
        schema="intake",
    )
    op.create_table(
        "aanbieder_kwaliteitsbewijzen",
        _id(),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("aanbieder_id", sa.UUID(), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=True),
        sa.Column("omschrijving", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(["aanbieder_id"], ["intake.aanbieders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("aanbieder_id", "soort", name="uq_kwaliteitsbewijzen_soort"),
        schema="intake",
    )
    op.create_index(
        "ix_kwaliteitsbewijzen_geldig_tot",
        "aanbieder_kwaliteitsbewijzen",
        ["gemeente", "geldig_tot"],
        schema="intake",
    )
    op.create_table(
        "aanbiedermeldingen",
        _id(),
        sa.Column("volgnummer", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("opdracht_id", sa.UUID(), nullable=False),
        sa.Column("aanbieder_agb", sa.String(length=8), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("gegevens", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("gemeld_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uiterlijk", sa.DateTime(timezone=True), nullable=True),
        sa.Column("werkdatum", sa.Date(), nullable=True),
        sa.Column("te_laat", sa.Boolean(), nullable=False),
        sa.Column("signaal", sa.Boolean(), nullable=False),
        sa.Column("afgehandeld_op", sa.Date(), nullable=True),
        sa.Column("door", sa.String(length=200), nullable=False),
        sa.Column(
            "regels",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        _moment("aangemaakt"),
        sa.ForeignKeyConstraint(["opdracht_id"], ["intake.opdrachten.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("volgnummer"),
        schema="intake",
    )
    op.create_index(
        "ix_aanbiedermeldingen_opdracht",
        "aanbiedermeldingen",
        ["opdracht_id", "volgnummer"],
        schema="intake",
    )
    op.create_index(
        "ix_aanbiedermeldingen_signaal",
        "aanbiedermeldingen",
        ["gemeente", "signaal", "afgehandeld_op"],
        schema="intake",
    )
    op.create_table(
        "no_show_toestemmingen",
        _id(),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("opdracht_id", sa.UUID(), nullable=False),
        sa.Column("periode_begin", sa.Date(), nullable=False),
        sa.Column("periode_einde", sa.Date(), nullable=False),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.Column("email_datum", sa.Date(), nullable=False),
        sa.Column("toelichting", sa.String(length=2000), nullable=True),
        sa.Column("door", sa.String(length=200), nullable=False),
        _moment("aangemaakt"),
        sa.ForeignKeyConstraint(["opdracht_id"], ["intake.opdrachten.id"]),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    op.create_index(
        "ix_no_show_toestemmingen_opdracht",
        "no_show_toestemmingen",
        ["opdracht_id", "periode_begin"],
        schema="intake",
    )
    op.add_column(
        "opdrachten",
        sa.Column("vorige_opdracht_id", sa.UUID(), nullable=True),
        schema="intake",
    )
    op.create_foreign_key(
        "opdrachten_vorige_opdracht_id_fkey",
        "opdrachten",
        "opdrachten",
        ["vorige_opdracht_id"],
        ["id"],
        source_schema="intake",
        referent_schema="intake",
    )


def downgrade() -> None:
    op.drop_constraint(
        "opdrachten_vorige_opdracht_id_fkey", "opdrachten", schema="intake", type_="foreignkey"
    )
    op.drop_column("opdrachten", "vorige_opdracht_id", schema="intake")
    op.drop_table("no_show_toestemmingen", schema="intake")
    op.drop_table("aanbiedermeldingen", schema="intake")
    op.drop_table("aanbieder_kwaliteitsbewijzen", schema="intake")
    op.drop_table("aanbieders", schema="intake")
