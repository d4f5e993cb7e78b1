"""no-shows per cliënt (AAN-05): elke geaccepteerde declaratieregel krijgt de BSN van haar
cliënt met een index (gemeente, bsn, afzender, begindatum), zodat een eerdere no-show op een
andere toewijzing van dezelfde aanbieder meetelt; en de no-show-signaleringen (drie of meer in
een maand) worden bewaard, één per aanbieder, cliënt en maand

Revision ID: 7e2b5c1d9f04
Revises: c3f5a7e9b2d1
Create Date: 2026-12-09 09:00:00.000000

Existing rows get the BSN of their toewijzing's opdracht (an accepted line is always on a
toewijzing of that client: 8187); a line whose opdracht is not found gets it from its stored
message. A message that cannot be read stops the migration (nothing is guessed).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from wmo_iwmo.geaccepteerd import regel
from wmo_iwmo.wmo323 import parse_wmo323
from wmo_iwmo.xsd import SchemaFouten

revision: str = "7e2b5c1d9f04"
down_revision: str | None = "c3f5a7e9b2d1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _uit_berichten(conn: sa.Connection) -> None:
    open_ = conn.execute(
        sa.text(
            """SELECT id, iwmo_bericht_id, regel FROM intake.declaratieregels
               WHERE bsn IS NULL ORDER BY iwmo_bericht_id, regel"""
        )
    ).all()
    per_bericht: dict[object, list[sa.Row[tuple[int, object, int]]]] = {}
    for r in open_:
        per_bericht.setdefault(r.iwmo_bericht_id, []).append(r)
    for bericht_id, rijen in per_bericht.items():
        inhoud = conn.execute(
            sa.text("SELECT inhoud FROM intake.iwmo_berichten WHERE id = :id"), {"id": bericht_id}
        ).scalar_one()
        gelezen = parse_wmo323(inhoud.encode("utf-8"))
        if isinstance(gelezen, SchemaFouten):
            raise RuntimeError(f"declaratieregels: bericht {bericht_id} is geen leesbare WMO323")
        for r in rijen:
            try:
                bsn = regel(gelezen, r.regel).bsn
            except IndexError as exc:
                raise RuntimeError(
                    f"declaratieregels: bericht {bericht_id} mist een regel"
                ) from exc
            conn.execute(
                sa.text("UPDATE intake.declaratieregels SET bsn = :bsn WHERE id = :id"),
                {"id": r.id, "bsn": bsn},
            )


def upgrade() -> None:
    op.add_column(
        "declaratieregels", sa.Column("bsn", sa.String(9), nullable=True), schema="intake"
    )
    conn = op.get_bind()
    conn.execute(
        sa.text(
            """UPDATE intake.declaratieregels d SET bsn = o.gegevens->>'bsn'
               FROM intake.opdrachten o
               WHERE o.toewijzingnummer = d.toewijzingnummer AND o.gemeente = d.gemeente"""
        )
    )
    _uit_berichten(conn)
    op.alter_column("declaratieregels", "bsn", nullable=False, schema="intake")
    op.create_index(
        "ix_declaratieregels_client",
        "declaratieregels",
        ["gemeente", "bsn", "afzender", "begindatum"],
        schema="intake",
    )
    op.create_table(
        "no_show_signaleringen",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column("afzender", sa.String(8), nullable=False),
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.Column("jaar", sa.SmallInteger(), nullable=False),
        sa.Column("maand", sa.SmallInteger(), nullable=False),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.Column(
            "opdracht_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.opdrachten.id"),
            nullable=False,
        ),
        sa.Column(
            "iwmo_bericht_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey("intake.iwmo_berichten.id"),
            nullable=False,
        ),
        sa.Column(
            "aangemaakt", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column(
            "bijgewerkt", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.UniqueConstraint(
            "gemeente", "afzender", "bsn", "jaar", "maand", name="uq_no_show_signaleringen_maand"
        ),
        schema="intake",
    )
    op.create_index(
        "ix_no_show_signaleringen_opdracht",
        "no_show_signaleringen",
        ["opdracht_id"],
        schema="intake",
    )


def downgrade() -> None:
    op.drop_table("no_show_signaleringen", schema="intake")
    op.drop_index("ix_declaratieregels_client", "declaratieregels", schema="intake")
    op.drop_column("declaratieregels", "bsn", schema="intake")
