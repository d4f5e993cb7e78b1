"""awb: brieven, bezwaren, hoorzittingen, ingebrekestellingen, klachten, termijnaanpassingen

The sent letters (``brieven``) are immutable like the audit log: the app role may insert and
read them, and a trigger refuses UPDATE, DELETE and TRUNCATE for anyone.

Revision ID: 0032266425f3
Revises: 654c65ecc95f
Create Date: 2026-12-05 07:50:18.317482
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

BRIEVEN_GUARD = [
    'REVOKE UPDATE, DELETE, TRUNCATE ON "intake".brieven FROM "intake_app"',
    """CREATE FUNCTION "intake".brieven_zijn_onveranderlijk() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'verzonden brieven veranderen niet' USING ERRCODE = 'insufficient_privilege';
        END $$""",
    """CREATE TRIGGER brieven_onveranderlijk BEFORE UPDATE OR DELETE ON "intake".brieven
        FOR EACH ROW EXECUTE FUNCTION "intake".brieven_zijn_onveranderlijk()""",
    """CREATE TRIGGER brieven_geen_truncate BEFORE TRUNCATE ON "intake".brieven
        FOR EACH STATEMENT EXECUTE FUNCTION "intake".brieven_zijn_onveranderlijk()""",
]

revision: str = "0032266425f3"
down_revision: str | None = "654c65ecc95f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "brieven",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("onderwerp", sa.String(length=30), nullable=False),
        sa.Column("onderwerp_id", sa.UUID(), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("kenmerk", sa.String(length=60), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("beleid", sa.String(length=100), nullable=False),
        sa.Column("briefversie", sa.Date(), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "onderwerp IN ('beschikking', 'bezwaarbeslissing')", name="ck_brieven_onderwerp"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("onderwerp", "onderwerp_id", name="uq_brieven_onderwerp"),
        schema="intake",
    )
    op.create_table(
        "termijnaanpassingen",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("volgnummer", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("doel", sa.String(length=20), nullable=False),
        sa.Column("doel_id", sa.UUID(), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("gegevens", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "regels",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("sub", sa.String(length=200), nullable=False),
        sa.Column("versie", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "gewijzigd", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.CheckConstraint(
            "doel IN ('aanvraag', 'melding', 'bezwaar', 'klacht')",
            name="ck_termijnaanpassingen_doel",
        ),
        sa.CheckConstraint(
            "soort IN ('aanvulling', 'opschorting', 'vertraging', 'verlenging', 'herstel', 'verdaging', 'uitstel')",
            name="ck_termijnaanpassingen_soort",
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("volgnummer"),
        schema="intake",
    )
    op.create_index(
        "ix_termijnaanpassingen_doel",
        "termijnaanpassingen",
        ["doel", "doel_id"],
        unique=False,
        schema="intake",
    )
    op.create_table(
        "klachten",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("ontvangstdatum", sa.Date(), nullable=False),
        sa.Column("kanaal", sa.String(length=20), nullable=False),
        sa.Column("onderwerp", sa.String(length=40), nullable=False),
        sa.Column("oorzaak", sa.String(length=200), nullable=True),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("klager", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("client_id", sa.UUID(), nullable=True),
        sa.Column("aanbieder_agb", sa.String(length=8), nullable=True),
        sa.Column("klachtadviescommissie", sa.Boolean(), nullable=False),
        sa.Column("ontvangstbevestiging_op", sa.Date(), nullable=True),
        sa.Column("afhandel_uiterlijk", sa.Date(), nullable=False),
        sa.Column("afgehandeld_op", sa.Date(), nullable=True),
        sa.Column("uitkomst", sa.String(length=20), nullable=True),
        sa.Column("conclusie", sa.Text(), nullable=True),
        sa.Column(
            "regels",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("versie", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "gewijzigd", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.CheckConstraint(
            "kanaal IN ('post', 'e-mail', 'webformulier', 'balie', 'telefoon')",
            name="ck_klachten_kanaal",
        ),
        sa.CheckConstraint(
            "uitkomst IN ('gegrond', 'deels_gegrond', 'ongegrond', 'ingetrokken', 'niet_behandeld')",
            name="ck_klachten_uitkomst",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["intake.clienten.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    op.create_index(
        "ix_klachten_gemeente_ontvangst",
        "klachten",
        ["gemeente", "ontvangstdatum"],
        unique=False,
        schema="intake",
    )
    op.create_table(
        "bezwaren",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("beschikking_id", sa.UUID(), nullable=False),
        sa.Column("melding_id", sa.UUID(), nullable=False),
        sa.Column("ontvangstdatum", sa.Date(), nullable=False),
        sa.Column("kanaal", sa.String(length=20), nullable=False),
        sa.Column("indiener", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("gemachtigde", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("ter_post_bezorgd", sa.Date(), nullable=True),
        sa.Column("gronden", sa.Text(), nullable=True),
        sa.Column("ontbrekend", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("verschoonbaar", sa.Text(), nullable=True),
        sa.Column("adviescommissie", sa.Boolean(), nullable=False),
        sa.Column(
            "voorlopige_voorzieningen", postgresql.JSONB(astext_type=sa.Text()), nullable=False
        ),
        sa.Column("beslist_uiterlijk", sa.Date(), nullable=False),
        sa.Column("herstel_uiterlijk", sa.Date(), nullable=True),
        sa.Column("uitkomst", sa.String(length=20), nullable=True),
        sa.Column("beslisdatum", sa.Date(), nullable=True),
        sa.Column("beslissing", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("herziene_beschikking_id", sa.UUID(), nullable=True),
        sa.Column(
            "regels",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("versie", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "gewijzigd", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.CheckConstraint(
            "kanaal IN ('post', 'e-mail', 'webformulier', 'balie')", name="ck_bezwaren_kanaal"
        ),
        sa.CheckConstraint(
            "uitkomst IN ('gegrond', 'ongegrond', 'niet_ontvankelijk', 'ingetrokken')",
            name="ck_bezwaren_uitkomst",
        ),
        sa.ForeignKeyConstraint(
            ["beschikking_id"],
            ["intake.beschikkingen.id"],
        ),
        sa.ForeignKeyConstraint(
            ["herziene_beschikking_id"],
            ["intake.beschikkingen.id"],
        ),
        sa.ForeignKeyConstraint(
            ["melding_id"],
            ["intake.meldingen.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    op.create_index(
        "ix_bezwaren_beschikking", "bezwaren", ["beschikking_id"], unique=False, schema="intake"
    )
    op.create_index(
        "ix_bezwaren_gemeente",
        "bezwaren",
        ["gemeente", "beslist_uiterlijk"],
        unique=False,
        schema="intake",
    )
    op.create_table(
        "hoorzittingen",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("bezwaar_id", sa.UUID(), nullable=False),
        sa.Column("gepland_op", sa.Date(), nullable=True),
        sa.Column("inzage_vanaf", sa.Date(), nullable=True),
        sa.Column("uitzondering", sa.String(length=40), nullable=True),
        sa.Column("motivering", sa.Text(), nullable=True),
        sa.Column("gehouden_op", sa.Date(), nullable=True),
        sa.Column("verslag", sa.Text(), nullable=True),
        sa.Column("aanwezig", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "regels",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("versie", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "gewijzigd", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["bezwaar_id"],
            ["intake.bezwaren.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    op.create_index(
        "ix_hoorzittingen_bezwaar", "hoorzittingen", ["bezwaar_id"], unique=False, schema="intake"
    )
    op.create_table(
        "ingebrekestellingen",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("melding_id", sa.UUID(), nullable=False),
        sa.Column("aanvraag_id", sa.UUID(), nullable=True),
        sa.Column("bezwaar_id", sa.UUID(), nullable=True),
        sa.Column("ontvangstdatum", sa.Date(), nullable=False),
        sa.Column("beslistermijn_uiterlijk", sa.Date(), nullable=False),
        sa.Column("dwangsom_vanaf", sa.Date(), nullable=True),
        sa.Column("uitsluiting", sa.String(length=50), nullable=True),
        sa.Column("reden_uitsluiting", sa.Text(), nullable=True),
        sa.Column(
            "regels",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "aangemaakt",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(aanvraag_id IS NULL) <> (bezwaar_id IS NULL)", name="ck_ingebrekestellingen_doel"
        ),
        sa.ForeignKeyConstraint(
            ["aanvraag_id"],
            ["intake.aanvragen.id"],
        ),
        sa.ForeignKeyConstraint(
            ["bezwaar_id"],
            ["intake.bezwaren.id"],
        ),
        sa.ForeignKeyConstraint(
            ["melding_id"],
            ["intake.meldingen.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        schema="intake",
    )
    op.create_index(
        "ix_ingebrekestellingen_gemeente",
        "ingebrekestellingen",
        ["gemeente"],
        unique=False,
        schema="intake",
    )
    for statement in BRIEVEN_GUARD:
        op.execute(statement)


def downgrade() -> None:
    op.drop_index(
        "ix_ingebrekestellingen_gemeente", table_name="ingebrekestellingen", schema="intake"
    )
    op.drop_table("ingebrekestellingen", schema="intake")
    op.drop_index("ix_hoorzittingen_bezwaar", table_name="hoorzittingen", schema="intake")
    op.drop_table("hoorzittingen", schema="intake")
    op.drop_index("ix_bezwaren_gemeente", table_name="bezwaren", schema="intake")
    op.drop_index("ix_bezwaren_beschikking", table_name="bezwaren", schema="intake")
    op.drop_table("bezwaren", schema="intake")
    op.drop_index("ix_klachten_gemeente_ontvangst", table_name="klachten", schema="intake")
    op.drop_table("klachten", schema="intake")
    op.drop_index("ix_termijnaanpassingen_doel", table_name="termijnaanpassingen", schema="intake")
    op.drop_table("termijnaanpassingen", schema="intake")
    op.drop_table("brieven", schema="intake")
    op.execute('DROP FUNCTION "intake".brieven_zijn_onveranderlijk()')
