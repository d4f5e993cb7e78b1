"""Aanmeldingen for the mantelzorgwaardering (MZ-03) and their outcome. At most one toegekende
per mantelzorger, hulpvrager and year (a partial unique index: a refused aanmelding may be
judged again within the window)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import (
    aangemaakt_kolom,
    een_van,
    gemeente_kolom,
    id_kolom,
    regels_kolom,
)
from wmo_intake.db.models import metadata
from wmo_intake.db.rijen import Rij, alle, eerste

mantelzorgwaarderingen = Table(
    "mantelzorgwaarderingen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("mantelzorger_id", UUID(as_uuid=True), ForeignKey("mantelzorgers.id"), nullable=False),
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), nullable=False),
    Column("jaar", Integer, nullable=False),
    Column("aanmelddatum", Date, nullable=False),
    Column("uren_per_week", Numeric(5, 1), nullable=False),
    Column("zorg_van", Date, nullable=False),
    Column("zorg_tot", Date, nullable=True),
    Column("vrijwillige_keus", Boolean, nullable=False),
    Column("uitkomst", String(20), nullable=False),
    Column("bedrag", Numeric(10, 2), nullable=True),
    Column("uitvoerder", String(200), nullable=False),
    regels_kolom(),
    aangemaakt_kolom(),
    een_van("uitkomst", ("toegekend", "afgewezen"), "ck_mantelzorgwaarderingen_uitkomst"),
    CheckConstraint(
        "uitkomst = 'afgewezen' OR bedrag IS NOT NULL", name="ck_mantelzorgwaarderingen_bedrag"
    ),
    Index(
        "uq_mantelzorgwaardering_per_jaar",
        "mantelzorger_id",
        "client_id",
        "jaar",
        unique=True,
        postgresql_where=text("uitkomst = 'toegekend'"),
    ),
    Index("ix_mantelzorgwaarderingen_gemeente_jaar", "gemeente", "jaar"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij | None:
    """The new row; None when a toegekende for this mantelzorger, hulpvrager and year exists."""
    t = mantelzorgwaarderingen
    query = (
        pg_insert(t)
        .values(**values)
        .on_conflict_do_nothing(
            index_elements=["mantelzorger_id", "client_id", "jaar"],
            index_where=text("uitkomst = 'toegekend'"),
        )
        .returning(t)
    )
    return await eerste(conn, query)


async def toegekend(
    conn: AsyncConnection, mantelzorger_id: uuid.UUID, client_id: uuid.UUID, jaar: int
) -> Rij | None:
    t = mantelzorgwaarderingen
    query = select(t).where(
        t.c.mantelzorger_id == mantelzorger_id,
        t.c.client_id == client_id,
        t.c.jaar == jaar,
        t.c.uitkomst == "toegekend",
    )
    return await eerste(conn, query)


async def waardering(conn: AsyncConnection, gemeente: str, waardering_id: uuid.UUID) -> Rij | None:
    t = mantelzorgwaarderingen
    return await eerste(conn, select(t).where(t.c.id == waardering_id, t.c.gemeente == gemeente))


async def van_mantelzorger(conn: AsyncConnection, mantelzorger_id: uuid.UUID) -> list[Rij]:
    t = mantelzorgwaarderingen
    query = select(t).where(t.c.mantelzorger_id == mantelzorger_id)
    return await alle(conn, query.order_by(t.c.aangemaakt, t.c.id))


async def toekenningen(
    conn: AsyncConnection, gemeente: str, jaar: int, na: uuid.UUID | None, limit: int
) -> list[Rij]:
    """The toegekende of a year (the payment list), by id after ``na``, one more than asked."""
    t = mantelzorgwaarderingen
    query = select(t).where(t.c.gemeente == gemeente, t.c.jaar == jaar, t.c.uitkomst == "toegekend")
    if na is not None:
        query = query.where(t.c.id > na)
    return await alle(conn, query.order_by(t.c.id).limit(limit + 1))
