"""Queries on the provider register of a gemeente: the aanbieder (AGB, KvK, contact, the
products it is contracted for) and its quality evidence, one row per kind (AAN-09, AAN-10)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    UniqueConstraint,
    delete,
    select,
    update,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import (
    aangemaakt_kolom,
    gemeente_kolom,
    gewijzigd_kolom,
    id_kolom,
    versie_kolom,
)
from wmo_intake.db.models import metadata
from wmo_intake.db.rijen import Rij, alle, een, eerste

aanbieders = Table(
    "aanbieders",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("agb", String(8), nullable=False),
    Column("kvk", String(8), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("contact", JSONB, nullable=False),
    Column("producten", JSONB, nullable=False),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    UniqueConstraint("gemeente", "agb", name="uq_aanbieders_gemeente_agb"),
)

kwaliteitsbewijzen = Table(
    "aanbieder_kwaliteitsbewijzen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column(
        "aanbieder_id",
        UUID(as_uuid=True),
        ForeignKey("aanbieders.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("soort", String(30), nullable=False),
    Column("datum", Date, nullable=False),
    Column("geldig_tot", Date, nullable=True),
    Column("omschrijving", String(2000), nullable=True),
    UniqueConstraint("aanbieder_id", "soort", name="uq_kwaliteitsbewijzen_soort"),
    Index("ix_kwaliteitsbewijzen_geldig_tot", "gemeente", "geldig_tot"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, sql_insert(aanbieders).values(**values).returning(aanbieders))


async def aanbieder(
    conn: AsyncConnection, gemeente: str, aanbieder_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    query = select(aanbieders).where(
        aanbieders.c.id == aanbieder_id, aanbieders.c.gemeente == gemeente
    )
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def met_agb(conn: AsyncConnection, gemeente: str, agb: str) -> Rij | None:
    query = select(aanbieders).where(aanbieders.c.gemeente == gemeente, aanbieders.c.agb == agb)
    return await eerste(conn, query)


async def pagina(conn: AsyncConnection, gemeente: str, na: str | None, limit: int) -> list[Rij]:
    """Up to ``limit`` + 1 providers after AGB ``na``, by AGB."""
    query = select(aanbieders).where(aanbieders.c.gemeente == gemeente)
    if na is not None:
        query = query.where(aanbieders.c.agb > na)
    return await alle(conn, query.order_by(aanbieders.c.agb).limit(limit + 1))


async def wijzig(conn: AsyncConnection, aanbieder_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    query = update(aanbieders).where(aanbieders.c.id == aanbieder_id).values(**values)
    return await een(conn, query.returning(aanbieders))


async def bewijzen(conn: AsyncConnection, aanbieder_ids: list[uuid.UUID]) -> list[Rij]:
    k = kwaliteitsbewijzen
    query = select(k).where(k.c.aanbieder_id.in_(aanbieder_ids)).order_by(k.c.soort)
    return await alle(conn, query)


async def vervang_bewijzen(
    conn: AsyncConnection, gemeente: str, aanbieder_id: uuid.UUID, rows: list[dict[str, Any]]
) -> None:
    """The provider's evidence becomes ``rows`` (soort, datum, geldig_tot, omschrijving)."""
    k = kwaliteitsbewijzen
    await conn.execute(delete(k).where(k.c.aanbieder_id == aanbieder_id))
    if rows:
        await conn.execute(
            sql_insert(k).values(
                [{**r, "gemeente": gemeente, "aanbieder_id": aanbieder_id} for r in rows]
            )
        )
