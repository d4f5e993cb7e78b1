"""declaratieregels in one table: the accepted WMO323 lines of ``iwmo_declaratieregels`` (the
duplicate check, issue 15.5) and of ``declaratieregels`` (the amounts for the management
information, issue 14.6) move into ``declaratieregels``, which gains afzender, volume and
referentienummer, one row per accepted line (unique on bericht and regel) and both indexes;
``iwmo_declaratieregels`` is dropped.

Revision ID: 4a9109e7f9ee
Revises: a0d1e1400607
Create Date: 2026-12-08 09:00:00.000000

Existing rows: a line in both tables gets the missing columns from the other; a line only in
``iwmo_declaratieregels`` (accepted before the amounts were kept) gets its amount from its
stored message; a line only in ``declaratieregels`` its afzender from its message row and its
volume and reference from the stored message. A line whose stored message cannot be read
stops the migration (nothing is guessed).
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

from wmo_iwmo.geaccepteerd import GeaccepteerdeRegel, regel
from wmo_iwmo.wmo323 import parse_wmo323
from wmo_iwmo.xsd import SchemaFouten

revision: str = "4a9109e7f9ee"
down_revision: str | None = "a0d1e1400607"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NIEUW = (
    sa.Column("afzender", sa.String(length=200), nullable=True),
    sa.Column("volume", sa.BigInteger(), nullable=True),
    sa.Column("referentienummer", sa.String(length=36), nullable=True),
)


def _regels(
    conn: sa.Connection, bericht_id: Any, indexen: set[int]
) -> dict[int, GeaccepteerdeRegel]:
    """Lines ``indexen`` of a stored WMO323, read from its XML."""
    inhoud = conn.execute(
        sa.text("SELECT inhoud FROM intake.iwmo_berichten WHERE id = :id"), {"id": bericht_id}
    ).scalar_one()
    gelezen = parse_wmo323(inhoud.encode("utf-8"))
    if isinstance(gelezen, SchemaFouten):
        raise RuntimeError(f"declaratieregels: bericht {bericht_id} is geen leesbare WMO323")
    try:
        return {i: regel(gelezen, i) for i in indexen}
    except IndexError as exc:
        raise RuntimeError(f"declaratieregels: bericht {bericht_id} mist een regel") from exc


def upgrade() -> None:
    for kolom in NIEUW:
        op.add_column("declaratieregels", kolom, schema="intake")
    conn = op.get_bind()
    # 1. lines in both tables
    conn.execute(
        sa.text(
            """UPDATE intake.declaratieregels d
               SET afzender = i.afzender, volume = i.volume, referentienummer = i.referentienummer
               FROM intake.iwmo_declaratieregels i
               WHERE i.bericht_id = d.iwmo_bericht_id AND i.regel = d.regel"""
        )
    )
    # 2. lines only in iwmo_declaratieregels: the amount from the stored message
    alleen_iwmo = conn.execute(
        sa.text(
            """SELECT DISTINCT ON (i.bericht_id, i.regel) i.gemeente, i.afzender, i.bericht_id,
                   i.regel, i.toewijzingnummer, i.productcode, i.begindatum, i.einddatum,
                   i.volume, i.referentienummer
               FROM intake.iwmo_declaratieregels i
               WHERE NOT EXISTS (SELECT 1 FROM intake.declaratieregels d
                                 WHERE d.iwmo_bericht_id = i.bericht_id AND d.regel = i.regel)
               ORDER BY i.bericht_id, i.regel, i.id"""
        )
    ).all()
    per_bericht: dict[Any, list[Any]] = {}
    for r in alleen_iwmo:
        per_bericht.setdefault(r.bericht_id, []).append(r)
    tabel = sa.table(
        "declaratieregels",
        *(
            sa.column(c)
            for c in (
                "gemeente",
                "afzender",
                "iwmo_bericht_id",
                "regel",
                "toewijzingnummer",
                "productcode",
                "begindatum",
                "einddatum",
                "volume",
                "bedrag",
                "referentienummer",
            )
        ),
        schema="intake",
    )
    for bericht_id, rijen in per_bericht.items():
        gelezen = _regels(conn, bericht_id, {r.regel for r in rijen})
        conn.execute(
            sa.insert(tabel),
            [
                {
                    "gemeente": r.gemeente,
                    "afzender": r.afzender,
                    "iwmo_bericht_id": r.bericht_id,
                    "regel": r.regel,
                    "toewijzingnummer": r.toewijzingnummer,
                    "productcode": r.productcode,
                    "begindatum": r.begindatum,
                    "einddatum": r.einddatum,
                    "volume": r.volume,
                    "bedrag": Decimal(gelezen[r.regel].bedrag_cent).scaleb(-2),
                    "referentienummer": r.referentienummer,
                }
                for r in rijen
            ],
        )
    # 3. lines only in declaratieregels: afzender, volume and reference from the message
    conn.execute(
        sa.text(
            """UPDATE intake.declaratieregels d SET afzender = b.afzender
               FROM intake.iwmo_berichten b
               WHERE d.afzender IS NULL AND b.id = d.iwmo_bericht_id"""
        )
    )
    open_ = conn.execute(
        sa.text(
            """SELECT id, iwmo_bericht_id, regel FROM intake.declaratieregels
               WHERE volume IS NULL ORDER BY iwmo_bericht_id, regel"""
        )
    ).all()
    per_bericht = {}
    for r in open_:
        per_bericht.setdefault(r.iwmo_bericht_id, []).append(r)
    for bericht_id, rijen in per_bericht.items():
        gelezen = _regels(conn, bericht_id, {r.regel for r in rijen})
        for r in rijen:
            conn.execute(
                sa.text(
                    "UPDATE intake.declaratieregels SET volume = :volume, "
                    "referentienummer = :referentie WHERE id = :id"
                ),
                {
                    "id": r.id,
                    "volume": gelezen[r.regel].volume,
                    "referentie": gelezen[r.regel].referentienummer,
                },
            )
    for kolom in NIEUW:
        op.alter_column("declaratieregels", kolom.name, nullable=False, schema="intake")
    op.create_unique_constraint(
        "uq_declaratieregels_bericht_regel",
        "declaratieregels",
        ["iwmo_bericht_id", "regel"],
        schema="intake",
    )
    op.create_index(
        "ix_declaratieregels_toewijzing",
        "declaratieregels",
        ["gemeente", "afzender", "toewijzingnummer"],
        schema="intake",
    )
    op.drop_index(
        "ix_iwmo_declaratieregels_toewijzing",
        table_name="iwmo_declaratieregels",
        schema="intake",
    )
    op.drop_table("iwmo_declaratieregels", schema="intake")


def downgrade() -> None:
    op.create_table(
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
    op.execute(
        """INSERT INTO intake.iwmo_declaratieregels (gemeente, afzender, bericht_id, regel,
               toewijzingnummer, productcode, begindatum, einddatum, volume, referentienummer)
           SELECT gemeente, afzender, iwmo_bericht_id, regel, toewijzingnummer, productcode,
               begindatum, einddatum, volume, referentienummer
           FROM intake.declaratieregels ORDER BY id"""
    )
    op.drop_index("ix_declaratieregels_toewijzing", "declaratieregels", schema="intake")
    op.drop_constraint(
        "uq_declaratieregels_bericht_regel", "declaratieregels", type_="unique", schema="intake"
    )
    for kolom in reversed(NIEUW):
        op.drop_column("declaratieregels", kolom.name, schema="intake")
