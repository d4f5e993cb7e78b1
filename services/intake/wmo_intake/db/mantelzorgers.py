"""Mantelzorgers (MZ-01/02/03): registered persons with their belasting, each caring for one
hulpvrager (a cliënt) and linked to the cases (meldingen) they support."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    delete,
    select,
    update,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import (
    aangemaakt_kolom,
    een_van,
    gemeente_kolom,
    gewijzigd_kolom,
    id_kolom,
    versie_kolom,
)
from wmo_intake.db.models import metadata
from wmo_intake.db.rijen import Rij, alle, een, eerste

BELASTING = ("geen", "dreigend", "vastgesteld", "twijfel")

mantelzorgers = Table(
    "mantelzorgers",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("naam", String(200), nullable=False),
    Column("telefoon", String(40), nullable=True),
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), nullable=False),
    Column("relatie", String(100), nullable=False),
    Column("uren_per_week", Numeric(5, 1), nullable=True),
    Column("belasting", String(20), nullable=False),
    Column("belasting_toelichting", Text, nullable=False),
    Column("behoefteduur", String(20), nullable=False),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    een_van("belasting", BELASTING, "ck_mantelzorgers_belasting"),
    een_van("behoefteduur", ("kortdurend", "langdurend"), "ck_mantelzorgers_behoefteduur"),
    Index("ix_mantelzorgers_client", "client_id"),
)

mantelzorger_zaken = Table(
    "mantelzorger_zaken",
    metadata,
    Column("mantelzorger_id", UUID(as_uuid=True), ForeignKey("mantelzorgers.id"), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    PrimaryKeyConstraint("mantelzorger_id", "melding_id", name="pk_mantelzorger_zaken"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = mantelzorgers
    return await een(conn, sql_insert(t).values(**values).returning(t))


async def mantelzorger(
    conn: AsyncConnection, gemeente: str, mantelzorger_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    t = mantelzorgers
    query = select(t).where(t.c.id == mantelzorger_id, t.c.gemeente == gemeente)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def wijzig(conn: AsyncConnection, mantelzorger_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    t = mantelzorgers
    return await een(conn, update(t).where(t.c.id == mantelzorger_id).values(**values).returning(t))


async def koppel(
    conn: AsyncConnection, mantelzorger_id: uuid.UUID, melding_ids: Sequence[uuid.UUID]
) -> None:
    """The cases the mantelzorger supports: exactly ``melding_ids`` from now on."""
    z = mantelzorger_zaken
    await conn.execute(delete(z).where(z.c.mantelzorger_id == mantelzorger_id))
    if melding_ids:
        await conn.execute(
            sql_insert(z),
            [{"mantelzorger_id": mantelzorger_id, "melding_id": m} for m in melding_ids],
        )


async def zaken(conn: AsyncConnection, mantelzorger_id: uuid.UUID) -> list[uuid.UUID]:
    z = mantelzorger_zaken
    query = select(z.c.melding_id).where(z.c.mantelzorger_id == mantelzorger_id)
    return [r.melding_id for r in await alle(conn, query.order_by(z.c.melding_id))]
