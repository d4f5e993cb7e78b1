"""vernietigingen: the proces-verbaal of a destroyed file (issue 14.5), append-only; the sent
letters may go with their file, only through ``intake.vernietig_brieven``

The letters stay immutable for everyone (the trigger of ``awb_brieven_bezwaren_klachten``)
except inside ``vernietig_brieven``: a SECURITY DEFINER function (run as the owner; the app
role still has no DELETE on ``brieven``) that sets ``wmo.vernietiging`` for the transaction
and deletes only the letters whose beschikking or bezwaar is already gone.

Revision ID: c3f5a7e9b2d1
Revises: 6c3f8d0e2a41
Create Date: 2026-12-08 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "c3f5a7e9b2d1"
down_revision: str | None = "6c3f8d0e2a41"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONVERANDERLIJK = """CREATE OR REPLACE FUNCTION "intake".brieven_zijn_onveranderlijk()
    RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND current_setting('wmo.vernietiging', true) = 'aan' THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'verzonden brieven veranderen niet' USING ERRCODE = 'insufficient_privilege';
    END $$"""

ALTIJD_ONVERANDERLIJK = """CREATE OR REPLACE FUNCTION "intake".brieven_zijn_onveranderlijk()
    RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'verzonden brieven veranderen niet' USING ERRCODE = 'insufficient_privilege';
    END $$"""

VERNIETIG_BRIEVEN = """CREATE FUNCTION "intake".vernietig_brieven(p_gemeente text, p_onderwerpen uuid[])
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE n integer;
    BEGIN
      PERFORM set_config('wmo.vernietiging', 'aan', true);
      DELETE FROM "intake".brieven b
       WHERE b.gemeente = p_gemeente AND b.onderwerp_id = ANY(p_onderwerpen)
         AND NOT EXISTS (SELECT 1 FROM "intake".beschikkingen x WHERE x.id = b.onderwerp_id)
         AND NOT EXISTS (SELECT 1 FROM "intake".bezwaren z WHERE z.id = b.onderwerp_id);
      GET DIAGNOSTICS n = ROW_COUNT;
      PERFORM set_config('wmo.vernietiging', '', true);
      RETURN n;
    END $$"""


def upgrade() -> None:
    op.create_table(
        "vernietigingen",
        sa.Column(
            "id",
            postgresql.UUID(as_uuid=True),
            server_default=sa.text("gen_random_uuid()"),
            nullable=False,
        ),
        sa.Column("gemeente", sa.String(length=4), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("object_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("bewaartermijn_jaren", sa.Integer(), nullable=False),
        sa.Column("bewaren_tot", sa.Date(), nullable=False),
        sa.Column("rule", sa.String(length=20), nullable=False),
        sa.Column("beleidswaarde_id", sa.BigInteger(), nullable=False),
        sa.Column("aantallen", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("sub", sa.String(length=200), nullable=False),
        sa.Column("rol", sa.String(length=200), nullable=False),
        sa.Column(
            "vernietigd_op",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gemeente", "soort", "object_id", name="uq_vernietigingen_object"),
        schema="intake",
    )
    # The proces-verbaal is never changed or removed.
    op.execute('REVOKE UPDATE, DELETE, TRUNCATE ON "intake".vernietigingen FROM "intake_app"')
    op.execute(ONVERANDERLIJK)
    op.execute(VERNIETIG_BRIEVEN)
    op.execute('REVOKE ALL ON FUNCTION "intake".vernietig_brieven(text, uuid[]) FROM PUBLIC')
    op.execute('GRANT EXECUTE ON FUNCTION "intake".vernietig_brieven(text, uuid[]) TO "intake_app"')


def downgrade() -> None:
    op.execute('DROP FUNCTION "intake".vernietig_brieven(text, uuid[])')
    op.execute(ALTIJD_ONVERANDERLIJK)
    op.drop_table("vernietigingen", schema="intake")
